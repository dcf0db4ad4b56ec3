/* audit.h: who changed what and when, written inside the caller's
 * transaction so the entry exists exactly when the change does. */
#ifndef DNA_AUDIT_H
#define DNA_AUDIT_H

#include <jansson.h>

#include "db.h"
#include "listing.h"
#include "principal.h"

/* The actor text for a principal: "member:<id>", "client:<sub>" or "system". */
void audit_actor(const principal *p, char out[160]);
/* The actor of an anonymous report's filing: it names nobody. */
#define AUDIT_ANONYMOUS "anonymous"
/* The redacted `changes` (may be NULL) as JSON text, malloc'd (caller frees;
 * NULL when out of memory). audit_record stores exactly this; a hot-path
 * statement that writes its own audit row in the same statement (filing a
 * report) binds it too, so redaction has one home. */
char *audit_changes_text(const json_t *changes);
/* Records one entry; `changes` (may be NULL) is borrowed. Personal fields
 * (name, email, job_title, password, client_secret) are redacted. Returns 0. */
int audit_record(db_conn *c, const principal *p, const char *action, const char *entity,
                 const char *entity_id, const json_t *changes);

/* GET /audit: filters entity, actor, from, to; newest first. */
extern const listing_def AUDIT_LIST;

#endif
