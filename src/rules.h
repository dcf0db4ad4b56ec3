/* rules.h: the rule register (regelregister): the rules and procedures that
 * reports point at, where each comes from, and what became of it. */
#ifndef DNA_RULES_H
#define DNA_RULES_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "json_in.h"
#include "principal.h"
#include "result.h"

/* A rule as JSON text (with its linked reports) plus its version (for the
 * ETag). `json` is malloc'd and owned by the caller. */
typedef db_doc rule_doc;

extern const char *const RULE_SOURCE_TYPES[];
extern const char *const RULE_OUTCOMES[];
extern const field_spec RULES_CREATE_FIELDS[];
extern const field_spec RULES_PATCH_FIELDS[];
/* The list statements; filters in order: outcome, source_type, department
 * (code), q (text in title, reference or description). */
extern const list_sort RULES_SORTS[];

/* One rule with `reports`: [{id, title, status}] linked to it. */
dna_status rules_get(int64_t id, rule_doc *out, dna_err *err);
/* An outcome other than open needs an outcome_note (DNA_INVALID). */
dna_status rules_create(const principal *p, const json_t *body, rule_doc *out, dna_err *err);
/* Merge patch; if_match < 0: no precondition. */
dna_status rules_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                        rule_doc *out, dna_err *err);

#endif
