/* rules.c: SQL and rules for the rule register. The number of reports per
 * rule is counted when read (an index on reports.rule_id makes that cheap),
 * so linking a report never touches the rule's version. */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"

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
                                         " '[]'))::text, r.version" RULES_FROM " WHERE r.id = $1"};

#define LIKE_ANY(param)                                                                                      \
    "'%' || replace(replace(replace(" param ", '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'"

#define LIST_SELECT(sortcol)                                                                                 \
    "SELECT json_build_object(" RULE_FIELDS ")::text, " sortcol "::text, r.id" RULES_FROM                    \
    " WHERE ($1::text IS NULL OR r.outcome = $1) AND ($2::text IS NULL OR r.source_type = $2)"               \
    " AND ($3::text IS NULL OR d.code = $3)"                                                                 \
    " AND ($4::text IS NULL OR r.title ILIKE " LIKE_ANY("$4") " OR r.reference ILIKE " LIKE_ANY(             \
        "$4") "   OR r.description ILIKE " LIKE_ANY("$4") ")"                                                \
                                                          " AND ($5::timestamptz IS NULL OR r.updated_at "   \
                                                          ">= $5)"

static const db_stmt LIST_COUNT_DESC = {
    "rules_list_count_desc", LIST_SELECT("c.n") " AND ($7::bigint IS NULL OR (c.n, r.id) < ($6::bigint, $7))"
                                                " ORDER BY c.n DESC, r.id DESC LIMIT $8"};
static const db_stmt LIST_COUNT = {
    "rules_list_count", LIST_SELECT("c.n") " AND ($7::bigint IS NULL OR (c.n, r.id) > ($6::bigint, $7))"
                                           " ORDER BY c.n, r.id LIMIT $8"};
static const db_stmt LIST_TITLE = {
    "rules_list_title", LIST_SELECT("r.title") " AND ($7::bigint IS NULL OR (r.title, r.id) > ($6::text, $7))"
                                               " ORDER BY r.title, r.id LIMIT $8"};
static const db_stmt LIST_TITLE_DESC = {
    "rules_list_title_desc",
    LIST_SELECT("r.title") " AND ($7::bigint IS NULL OR (r.title, r.id) < ($6::text, $7))"
                           " ORDER BY r.title DESC, r.id DESC LIMIT $8"};

/* Which rules draw the most reports comes first: the register's question. */
const list_sort RULES_SORTS[] = {
    {"-reports_count", &LIST_COUNT_DESC, NULL},
    {"reports_count", &LIST_COUNT, NULL},
    {"title", &LIST_TITLE, NULL},
    {"-title", &LIST_TITLE_DESC, NULL},
    {NULL, NULL, NULL},
};

static dna_status fetch(db_conn *c, int64_t id, rule_doc *out)
{
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    const char *params[1] = {idtext};
    return db_fetch_doc(c, &GET, 1, params, id, out);
}

dna_status rules_get(int64_t id, rule_doc *out, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    dna_status st = fetch(c, id, out);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        dna_err_set(err, st, "no rule with id %lld", (long long)id);
    return st;
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

static const db_stmt LOCK = {"rules_lock",
                             "SELECT version, outcome, outcome_note FROM rules WHERE id = $1 FOR UPDATE"};

static const db_stmt UPDATE = {
    "rules_update",
    "UPDATE rules r SET"
    " title = CASE WHEN $2::jsonb ? 'title' THEN $2::jsonb->>'title' ELSE r.title END,"
    " source_type = CASE WHEN $2::jsonb ? 'source_type' THEN $2::jsonb->>'source_type' ELSE r.source_type "
    "END,"
    " reference = CASE WHEN $2::jsonb ? 'reference' THEN $2::jsonb->>'reference' ELSE r.reference END,"
    " department_id = CASE WHEN $2::jsonb ? 'department' THEN " DEPARTMENT_OF(
        "($2::jsonb->>'department')") "   ELSE r.department_id END,"
                                      " description = CASE WHEN $2::jsonb ? 'description' THEN "
                                      "$2::jsonb->>'description' ELSE r.description END,"
                                      " outcome = CASE WHEN $2::jsonb ? 'outcome' THEN $2::jsonb->>'outcome' "
                                      "ELSE r.outcome END,"
                                      " outcome_note = CASE WHEN $2::jsonb ? 'outcome_note' THEN "
                                      "$2::jsonb->>'outcome_note' ELSE r.outcome_note END"
                                      " WHERE r.id = $1"};

static int blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

/* What became of a rule needs its reasons. */
static dna_status check_outcome(const char *outcome, const char *note, dna_err *err)
{
    if (outcome && strcmp(outcome, "open") != 0 && blank(note))
        return dna_err_field(err, "outcome_note", "is required when the outcome is not open");
    return DNA_OK;
}

static dna_status fail(db_conn *c, PGresult *r, dna_err *err)
{
    dna_status st = r ? db_status_of(r) : DNA_UNAVAILABLE;
    const char *constraint = r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : NULL;
    if (st == DNA_INVALID && constraint && strstr(constraint, "department"))
        dna_err_field(err, "department", "is not a known department code");
    else if (st == DNA_INVALID)
        dna_err_field(err, "body", "a value breaks a rule of the register");
    PQclear(r);
    db_rollback(c);
    db_release(c);
    return st;
}

dna_status rules_create(const principal *p, const json_t *body, rule_doc *out, dna_err *err)
{
    dna_status st = check_outcome(json_in_str(body, "outcome"), json_in_str(body, "outcome_note"), err);
    if (st != DNA_OK)
        return st;
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    if (db_begin(c) != 0)
        return fail(c, NULL, err);
    const char *params[7] = {json_in_str(body, "title"),       json_in_str(body, "source_type"),
                             json_in_str(body, "reference"),   json_in_str(body, "department"),
                             json_in_str(body, "description"), json_in_str(body, "outcome"),
                             json_in_str(body, "outcome_note")};
    PGresult *r = db_exec(c, &INSERT, 7, params);
    if (!db_ok(r))
        return fail(c, r, err);
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    if (audit_record(c, p, "create", "rule", idtext, body) != 0 || db_commit(c) != 0)
        return fail(c, NULL, err);
    st = fetch(c, strtoll(idtext, NULL, 10), out);
    db_release(c);
    return st == DNA_OK ? DNA_CREATED : st;
}

dna_status rules_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                        rule_doc *out, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    if (db_begin(c) != 0)
        return fail(c, NULL, err);
    const char *lock_params[1] = {idtext};
    PGresult *r = db_exec(c, &LOCK, 1, lock_params);
    if (!db_ok(r))
        return fail(c, r, err);
    if (PQntuples(r) != 1) {
        PQclear(r);
        db_rollback(c);
        db_release(c);
        return dna_err_set(err, DNA_NOT_FOUND, "no rule with id %lld", (long long)id);
    }
    long long version = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    /* The outcome and note the rule will have after the patch. */
    const char *outcome = json_in_has(patch, "outcome") ? json_in_str(patch, "outcome") : PQgetvalue(r, 0, 1);
    const char *note = json_in_has(patch, "outcome_note") ? json_in_str(patch, "outcome_note")
                       : PQgetisnull(r, 0, 2)             ? NULL
                                                          : PQgetvalue(r, 0, 2);
    dna_status st = DNA_OK;
    if (if_match >= 0 && if_match != version)
        st =
            dna_err_set(err, DNA_PRECONDITION, "the rule changed since you read it (ETag \"%lld\")", version);
    else
        st = check_outcome(outcome, note, err);
    PQclear(r);
    if (st != DNA_OK) {
        db_rollback(c);
        db_release(c);
        return st;
    }
    char *text = json_dumps(patch, JSON_COMPACT);
    const char *params[2] = {idtext, text};
    r = text ? db_exec(c, &UPDATE, 2, params) : NULL;
    free(text);
    if (!db_ok(r))
        return fail(c, r, err);
    PQclear(r);
    if (audit_record(c, p, "update", "rule", idtext, patch) != 0 || db_commit(c) != 0)
        return fail(c, NULL, err);
    st = fetch(c, id, out);
    db_release(c);
    return st;
}
