/* rules.c: SQL and rules for the rule register. The number of reports per
 * rule is counted when read (an index on reports.rule_id makes that cheap),
 * so linking a report never touches the rule's version. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_write.h"
#include "text.h"

const char *const RULE_SOURCE_TYPES[] = {"law",       "regulation", "policy", "work_instruction",
                                         "it_system", NULL};
const char *const RULE_OUTCOMES[] = {"open", "abolished", "simplified", "clarified", "retained", NULL};

const field_spec RULES_CREATE_FIELDS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "source_type", .type = F_ENUM, .required = 1, .values = RULE_SOURCE_TYPES},
    {.name = "reference", .type = F_STRING, .nullable = 1, .maxlen = 500},
    {.name = "department", .type = F_STRING, .nullable = 1, .maxlen = 16},
    {.name = "description", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = "outcome", .type = F_ENUM, .values = RULE_OUTCOMES},
    {.name = "outcome_note", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = NULL},
};

/* In a merge patch `required` means "not null". */
const field_spec RULES_PATCH_FIELDS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "source_type", .type = F_ENUM, .required = 1, .values = RULE_SOURCE_TYPES},
    {.name = "reference", .type = F_STRING, .nullable = 1, .maxlen = 500},
    {.name = "department", .type = F_STRING, .nullable = 1, .maxlen = 16},
    {.name = "description", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = "outcome", .type = F_ENUM, .required = 1, .values = RULE_OUTCOMES},
    {.name = "outcome_note", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = NULL},
};

/* ---- reads ------------------------------------------------------------- */

#define RULE_FIELDS                                                                                          \
    "'id', r.id, 'title', r.title, 'source_type', r.source_type, 'reference', r.reference,"                  \
    " 'department', d.code, 'description', r.description, 'outcome', r.outcome,"                             \
    " 'outcome_note', r.outcome_note, 'reports_count', c.n,"                                                 \
    " 'created_at', rfc3339(r.created_at), 'updated_at', rfc3339(r.updated_at)"

#define RULES_FROM                                                                                           \
    " FROM rules r LEFT JOIN departments d ON d.id = r.department_id"                                        \
    " CROSS JOIN LATERAL (SELECT count(*) AS n FROM reports p WHERE p.rule_id = r.id) c"

static const db_stmt GET = {"rules_get", "SELECT json_build_object(" RULE_FIELDS
                                         ", 'reports', COALESCE((SELECT json_agg(json_build_object("
                                         " 'id', p.id, 'title', p.title, 'status', p.status) ORDER BY p.id) "
                                         "FROM reports p WHERE p.rule_id = r.id),"
                                         " '[]'))::text, r.version" RULES_FROM " WHERE r.id = $1::bigint"};

static const db_stmt LOCK = {
    "rules_lock", "SELECT version, outcome, outcome_note FROM rules WHERE id = $1::bigint FOR UPDATE"};

static const db_field_error ERRORS[] = {
    {"rules_department_id_fkey", "department", "is not a known department code"},
    {"rules_outcome_note", "outcome_note", "is required when the outcome is not open"},
    {NULL},
};

/* The register's rules for the write skeleton (db_write.h). */
static const db_resource RULE = {.entity = "rule", .lock = &LOCK, .fetch = &GET, .errors = ERRORS};

static const listing_filter FILTERS[] = {
    {"outcome", LISTING_ENUM, .values = RULE_OUTCOMES, .where = "r.outcome = {}"},
    {"source_type", LISTING_ENUM, .values = RULE_SOURCE_TYPES, .where = "r.source_type = {}"},
    {"department", LISTING_TEXT, .maxlen = 16, .where = "d.code = {}"},
    {"q", LISTING_TEXT, .maxlen = 200,
     .where = "r.title ILIKE like_anywhere({}) OR r.reference ILIKE like_anywhere({})"
              " OR r.description ILIKE like_anywhere({})"},
    {NULL},
};

static const listing_sort SORTS[] = {
    {"reports_count", "c.n", "bigint"},
    {"title", "r.title", "text"},
    {NULL},
};

/* Which rules draw the most reports comes first: the register's question. */
const listing_def RULES_LIST = {
    .name = "rules",
    .row = "json_build_object(" RULE_FIELDS ")::text",
    .from = RULES_FROM,
    .id = "r.id",
    .updated_at = "r.updated_at",
    .csv_header = "id,title,source_type,reference,department,description,outcome,outcome_note,"
                  "reports_count,created_at,updated_at",
    .default_sort = "-reports_count",
    .filters = FILTERS,
    .sorts = SORTS,
};

dna_status rules_get(int64_t id, db_doc *out, dna_err *err)
{
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    return db_read_doc(&RULE, key, NULL, 0, out, err);
}

/* ---- writes ------------------------------------------------------------ */

/* A department code that names none becomes -1, which the foreign key
 * refuses: the error names the field. */
#define DEPARTMENT_OF(code)                                                                                  \
    "CASE WHEN " code " IS NULL THEN NULL ELSE COALESCE((SELECT id FROM departments WHERE code = " code      \
    "), -1) END"

static const db_stmt INSERT = {
    "rules_insert",
    "INSERT INTO rules (title, source_type, reference, department_id, description, outcome, outcome_note)"
    " VALUES ($1, $2, $3, " DEPARTMENT_OF("$4::text") ", $5, COALESCE($6, 'open'), $7) RETURNING id"};

/* Each field from the patch when present (DB_PATCH). */
// clang-format off
static const db_stmt UPDATE = {
    "rules_update",
    "UPDATE rules SET"
    DB_PATCH("title", "title", "text") ","
    DB_PATCH("source_type", "source_type", "text") ","
    DB_PATCH("reference", "reference", "text") ","
    " department_id = CASE WHEN $2::jsonb ? 'department'"
    "   THEN " DEPARTMENT_OF("($2::jsonb->>'department')") " ELSE department_id END,"
    DB_PATCH("description", "description", "text") ","
    DB_PATCH("outcome", "outcome", "text") ","
    DB_PATCH("outcome_note", "outcome_note", "text")
    " WHERE id = $1::bigint"};
// clang-format on

/* What became of a rule needs its reasons. */
static dna_status check_outcome(const char *outcome, const char *note, dna_err *err)
{
    if (outcome && strcmp(outcome, "open") != 0 && text_blank(note))
        return dna_err_field(err, "outcome_note", "is required when the outcome is not open");
    return DNA_OK;
}

static dna_status create_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const json_t *body = w->changes;
    const char *params[7] = {json_in_str(body, "title"),       json_in_str(body, "source_type"),
                             json_in_str(body, "reference"),   json_in_str(body, "department"),
                             json_in_str(body, "description"), json_in_str(body, "outcome"),
                             json_in_str(body, "outcome_note")};
    return db_write_insert(c, w, &INSERT, 7, params, err);
}

dna_status rules_create(const principal *p, const json_t *body, db_doc *out, dna_err *err)
{
    dna_status st = check_outcome(json_in_str(body, "outcome"), json_in_str(body, "outcome_note"), err);
    if (st != DNA_OK)
        return st;
    db_write w = {
        .res = &RULE, .who = p, .action = "create", .changes = body, .if_match = -1, .step = create_step};
    return db_write_run(&w, out, err);
}

/* The outcome and note the rule will have after the patch (`row` is the
 * locked rule: version, outcome, outcome_note) must still go together. */
static dna_status update_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    const json_t *patch = w->changes;
    const char *outcome =
        json_in_has(patch, "outcome") ? json_in_str(patch, "outcome") : PQgetvalue(row, 0, 1);
    const char *note = json_in_has(patch, "outcome_note") ? json_in_str(patch, "outcome_note")
                       : PQgetisnull(row, 0, 2)           ? NULL
                                                          : PQgetvalue(row, 0, 2);
    dna_status st = check_outcome(outcome, note, err);
    if (st != DNA_OK)
        return st;
    char *text = json_dumps(patch, JSON_COMPACT);
    if (text == NULL)
        return DNA_ERROR;
    const char *params[2] = {w->key, text};
    st = db_write_exec(c, w, &UPDATE, 2, params, NULL, err);
    free(text);
    return st;
}

dna_status rules_update(const principal *p, int64_t id, const json_t *patch, long long if_match, db_doc *out,
                        dna_err *err)
{
    db_write w = {.res = &RULE,
                  .who = p,
                  .action = "update",
                  .changes = patch,
                  .if_match = if_match,
                  .step = update_step};
    db_write_key(&w, id);
    return db_write_run(&w, out, err);
}
