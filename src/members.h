/* members.h: the network's members: reads (full or pseudonymised), create,
 * merge-patch update, erasure. Services take plain values and a principal;
 * JSON they answer is built by PostgreSQL and handed back as text. */
#ifndef DNA_MEMBERS_H
#define DNA_MEMBERS_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "json_in.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

/* A member reference as the viewer may see it, for the statements of any
 * module (reports, sessions, initiatives): three pairs of a
 * json_build_object. Analysts (`pseudo`, a SQL boolean) get only
 * <prefix>_pseudonym; everybody else <prefix>_id and <prefix>_name and no
 * pseudonym, so no answer pairs a pseudonym with the name it hides. `m` is
 * the members row joined on `idcol` (NULL when idcol is). */
#define MEMBER_REF(prefix, idcol, m, pseudo)                                                                 \
    "'" prefix "_id', CASE WHEN NOT " pseudo " THEN " idcol " END,"                                          \
    " '" prefix "_name', CASE WHEN NOT " pseudo " THEN " m ".name END,"                                      \
    " '" prefix "_pseudonym', CASE WHEN " pseudo " THEN " m ".pseudonym END"

extern const field_spec MEMBERS_CREATE_FIELDS[];
extern const field_spec MEMBERS_PATCH_FIELDS[];
/* GET /members: filters department, active, role, q (name), joined_from,
 * joined_to; context `pseudo` (analysts' view); sorts id, name, joined_at. */
extern const listing_def MEMBERS_LIST;

/* Documents are malloc'd into out (db_doc_free). */
dna_status members_get(const principal *p, int64_t id, db_doc *out, dna_err *err);
dna_status members_create(const principal *p, const json_t *body, db_doc *out, dna_err *err);
/* if_match < 0: no precondition. */
dna_status members_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                          db_doc *out, dna_err *err);
dna_status members_erase(const principal *p, int64_t id, dna_err *err);

#endif
