/* members.h: the network's members: reads (full or pseudonymised), create,
 * merge-patch update, erasure. Services take plain values and a principal;
 * JSON they answer is built by PostgreSQL and handed back as text. */
#ifndef DNA_MEMBERS_H
#define DNA_MEMBERS_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "json_in.h"
#include "principal.h"
#include "result.h"

/* A member as JSON text plus its version (for the ETag). `json` is malloc'd
 * and owned by the caller. */
typedef db_doc member_doc;

extern const field_spec MEMBERS_CREATE_FIELDS[];
extern const field_spec MEMBERS_PATCH_FIELDS[];
/* The list statements; filters in order: department, active, role, q,
 * joined_from, joined_to, pseudonymise. */
extern const list_sort MEMBERS_SORTS[];
/* The export columns (member_json's keys), for an export with no rows. */
#define MEMBERS_CSV_HEADER                                                                                   \
    "id,pseudonym,name,email,department,job_title,roles,joined_at,interests,active,erased,created_at,"       \
    "updated_at"
#define MEMBERS_CSV_HEADER_PSEUDO                                                                            \
    "pseudonym,department,roles,joined_at,interests,active,erased,created_at,updated_at"

dna_status members_get(const principal *p, int64_t id, member_doc *out, dna_err *err);
dna_status members_create(const principal *p, const json_t *body, member_doc *out, dna_err *err);
/* if_match < 0: no precondition. */
dna_status members_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                          member_doc *out, dna_err *err);
dna_status members_erase(const principal *p, int64_t id, dna_err *err);

/* Identity-provider tokens: the member named by `ref` (an email, or an id
 * when the claim is "sub"). *id = 0 when none matches. */
dna_status members_resolve_idp(const char *ref, const char *claim, int64_t *id);

#endif
