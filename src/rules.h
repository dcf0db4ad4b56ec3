/* rules.h: the rule register (regelregister): the rules and procedures that
 * reports point at, where each comes from, and what became of it.
 *
 * The worked example of a resource: one listing declaration (listing.h),
 * one resource for the write skeleton (db_write.h), and services that take
 * plain values and a principal. */
#ifndef DNA_RULES_H
#define DNA_RULES_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "json_in.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

extern const char *const RULE_SOURCE_TYPES[];
extern const char *const RULE_OUTCOMES[];
extern const field_spec RULES_CREATE_FIELDS[];
extern const field_spec RULES_PATCH_FIELDS[];
/* GET /rules: filters outcome, source_type, department (code), q (text in
 * title, reference or description); sorts reports_count, title. */
extern const listing_def RULES_LIST;

/* One rule with `reports`: [{id, title, status}] linked to it; the document
 * is malloc'd into out (db_doc_free). */
dna_status rules_get(int64_t id, db_doc *out, dna_err *err);
/* An outcome other than open needs an outcome_note (DNA_INVALID). */
dna_status rules_create(const principal *p, const json_t *body, db_doc *out, dna_err *err);
/* Merge patch; if_match < 0: no precondition. */
dna_status rules_update(const principal *p, int64_t id, const json_t *patch, long long if_match, db_doc *out,
                        dna_err *err);

#endif
