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
