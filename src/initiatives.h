/* initiatives.h: the inventory of improvement initiatives: the register
 * (start, read, merge-patch change with the status moves idea → active →
 * completed | stopped), progress updates, participants, and links to the
 * reports and complaint themes an initiative addresses.
 *
 * Written like rules.c: one listing declaration per collection, every write
 * through the skeleton (db_write.h) with the initiative's row locked, so the
 * owner who may change it is read under the same lock as the change. */
#ifndef DNA_INITIATIVES_H
#define DNA_INITIATIVES_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "json_in.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

/* idea, active, completed, stopped (NULL-terminated: a field_spec enum). */
extern const char *const INITIATIVE_STATUSES[];
extern const field_spec INITIATIVES_CREATE_FIELDS[];
extern const field_spec INITIATIVES_PATCH_FIELDS[];
extern const field_spec INITIATIVES_UPDATE_FIELDS[];

/* GET /initiatives: filters status (repeatable), department (code),
 * theme_code, owner_id (a member id: not for analysts), q (title, summary);
 * context pseudo; sorts created_at (default newest first), updated_at, title. */
extern const listing_def INITIATIVES_LIST;
/* An initiative's progress updates: contexts initiative (its id) and
 * pseudo; sort created_at (default newest first). */
extern const listing_def INITIATIVE_UPDATES_LIST;

/* The statuses an initiative in `status` may move to (NULL-terminated;
 * empty for completed, stopped and anything unknown). */
const char *const *initiatives_moves(const char *status);

/* One initiative with its participants, linked reports and themes, as the
 * caller may see it; malloc'd into out (db_doc_free). */
dna_status initiatives_get(const principal *p, int64_t id, db_doc *out, dna_err *err);
/* DNA_OK when the initiative exists (for its updates), else DNA_NOT_FOUND. */
dna_status initiatives_exists(int64_t id, dna_err *err);
/* The caller (a member) becomes the owner; the department defaults to the
 * owner's; status idea, or active for one that already runs. DNA_CREATED. */
dna_status initiatives_create(const principal *p, const json_t *body, db_doc *out, dna_err *err);
/* Merge patch (title, summary, department, owner_id, status) by the owner or
 * a program manager, else DNA_FORBIDDEN. A status the lifecycle does not
 * reach from the current one is DNA_CONFLICT with current_status and
 * allowed; the current status itself changes nothing. if_match < 0: no
 * precondition. */
dna_status initiatives_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                              db_doc *out, dna_err *err);
/* A progress update {text} by the owner, a participant or a program
 * manager (else DNA_FORBIDDEN): DNA_CREATED with the update in out. */
dna_status initiatives_post_update(const principal *p, int64_t id, const json_t *body, db_doc *out,
                                   dna_err *err);

/* What PUT/DELETE /initiatives/{id}/<kind>/{target} joins or links. */
typedef enum { INITIATIVE_PARTICIPANT, INITIATIVE_REPORT, INITIATIVE_THEME } initiative_link;

/* Joins a participant (target: a member id), links a report (an id) or a
 * theme (a code) when `on`, else takes it away. Idempotent: joining or
 * linking answers DNA_CREATED with the link in out when it is new, DNA_OK
 * with the same link when it was there already; leaving or unlinking answers
 * DNA_NO_CONTENT either way (out unused). Who: a member joins and leaves
 * themself, the owner and program managers anyone; reports are linked by
 * the owner, the deregulation team and program managers; themes by the
 * owner and program managers (else DNA_FORBIDDEN). A target that does not
 * exist (or a member no longer active) is DNA_NOT_FOUND when linking. */
dna_status initiatives_link(const principal *p, int64_t id, initiative_link kind, const char *target, int on,
                            db_doc *out, dna_err *err);

#endif
