/* reports.c: SQL and rules for red-button reports. Filing is the hot write
 * path (B3): one statement inserts the report, its history row, its audit
 * entry and its idempotency key. Reads (B1) are one prepared statement whose
 * JSON PostgreSQL builds. Changes lock the row (SELECT ... FOR UPDATE), check
 * If-Match against its version, and write the change, its history and its
 * audit entry in one transaction. */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "authz.h"
#include "lifecycle.h"

const char *const REPORT_CATEGORIES[] = {"procedure",     "regulation", "it_system", "form",
                                         "communication", "other",      NULL};
const char *const REPORT_PRIORITIES[] = {"low", "normal", "high", "urgent", NULL};

#define ID_MAX 9007199254740991LL /* what a JSON number carries exactly */

const field_spec REPORTS_CREATE_FIELDS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "description", .type = F_STRING, .required = 1, .maxlen = 10000},
    {.name = "procedure", .type = F_STRING, .required = 1, .maxlen = 500},
    {.name = "impact", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = "department", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "category", .type = F_ENUM, .required = 1, .values = REPORT_CATEGORIES},
    {.name = "anonymous", .type = F_BOOL},
    {.name = NULL},
};

/* In a merge patch `required` means "not null". */
const field_spec REPORTS_PATCH_FIELDS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "description", .type = F_STRING, .required = 1, .maxlen = 10000},
    {.name = "procedure", .type = F_STRING, .required = 1, .maxlen = 500},
    {.name = "impact", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = "priority", .type = F_ENUM, .required = 1, .values = REPORT_PRIORITIES},
    {.name = "assignee_id", .type = F_INT, .nullable = 1, .min = 1, .max = ID_MAX},
    {.name = "department", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "category", .type = F_ENUM, .required = 1, .values = REPORT_CATEGORIES},
    {.name = "theme_code", .type = F_STRING, .nullable = 1, .maxlen = 64},
    {.name = "rule_id", .type = F_INT, .nullable = 1, .min = 1, .max = ID_MAX},
    {.name = NULL},
};

const field_spec REPORTS_TRANSITION_FIELDS[] = {
    {.name = "to", .type = F_ENUM, .required = 1, .values = LIFECYCLE_STATUSES},
    {.name = "note", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = "resolution", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = "duplicate_of", .type = F_INT, .nullable = 1, .min = 1, .max = ID_MAX},
    {.name = "triage_week", .type = F_WEEK, .nullable = 1},
    {.name = "priority", .type = F_ENUM, .nullable = 1, .values = REPORT_PRIORITIES},
    {.name = NULL},
};

const field_spec REPORTS_COMMENT_FIELDS[] = {
    {.name = "text", .type = F_STRING, .required = 1, .maxlen = 5000},
    {.name = NULL},
};

/* Who may change what (api.md): the reporter the text while the report is
 * new, the team the handling. */
static const char *const REPORTER_FIELDS[] = {"title", "description", "procedure", "impact", NULL};
static const char *const TEAM_FIELDS[] = {"priority",   "assignee_id", "department", "category",
                                          "theme_code", "rule_id",     NULL};

void reports_viewer(const principal *p, report_viewer *v)
{
    v->member = NULL;
    if (p->member_id > 0) {
        snprintf(v->member_text, sizeof v->member_text, "%lld", (long long)p->member_id);
        v->member = v->member_text;
    }
    v->pseudo = p->pseudonymise ? "true" : "false";
    int team = authz_has(p, ROLE_DEREGULATION_TEAM | ROLE_PROGRAM_MANAGER) && !p->pseudonymise;
    v->privileged = team ? "true" : "false";
}

/* ---- reads ------------------------------------------------------------- */

static const db_stmt GET = {"reports_get", "SELECT " REPORT_JSON "::text, r.version, r.id" REPORTS_FROM(
                                               "$2", "$3", "$4") " WHERE r.id = $1"};

static const db_stmt EXISTS = {"reports_exists", "SELECT 1 FROM reports WHERE id = $1"};

#define LIST_SELECT(sortcol) "SELECT " REPORT_JSON "::text, " sortcol "::text, r.id" LIST_FROM_WHERE
/* The same rows as plain columns, for CSV exports (see list_sort.columns). */
#define LIST_COLUMNS "SELECT rj.*" LIST_FROM_WHERE
#define LIST_FROM_WHERE                                                                                      \
    REPORTS_FROM("$11", "$12", "$13")                                                                        \
    " WHERE ($1::text[] IS NULL OR r.status = ANY ($1::text[]))"                                             \
    " AND ($2::text IS NULL OR d.code = $2) AND ($3::text IS NULL OR r.category = $3)"                       \
    " AND ($4::text IS NULL OR r.triage_week = $4) AND ($5::bigint IS NULL OR r.assignee_id = $5)"           \
    " AND ($6::text IS NULL OR r.theme_code = $6)"                                                           \
    " AND ($7::text IS NULL OR r.search @@ websearch_to_tsquery('dutch', $7))"                               \
    " AND ($8::date IS NULL OR r.created_at >= local_day_start($8))"                                         \
    " AND ($9::date IS NULL OR r.created_at < local_day_start($9::date + 1))"                                \
    " AND ($10::boolean IS NULL OR (r.status = 'new' AND r.created_at < now() - interval '7 days') = $10)"   \
    " AND ($14::timestamptz IS NULL OR r.updated_at >= $14)"

#define KEYSET_CREATED_DESC                                                                                  \
    " AND ($16::bigint IS NULL OR (r.created_at, r.id) < ($15::timestamptz, $16))"                           \
    " ORDER BY r.created_at DESC, r.id DESC LIMIT $17"
#define KEYSET_CREATED                                                                                       \
    " AND ($16::bigint IS NULL OR (r.created_at, r.id) > ($15::timestamptz, $16))"                           \
    " ORDER BY r.created_at, r.id LIMIT $17"
#define KEYSET_SUPPORTERS_DESC                                                                               \
    " AND ($16::bigint IS NULL OR (r.supporters_count, r.id) < ($15::integer, $16))"                         \
    " ORDER BY r.supporters_count DESC, r.id DESC LIMIT $17"
#define KEYSET_SUPPORTERS                                                                                    \
    " AND ($16::bigint IS NULL OR (r.supporters_count, r.id) > ($15::integer, $16))"                         \
    " ORDER BY r.supporters_count, r.id LIMIT $17"

static const db_stmt LIST_CREATED_DESC = {"reports_list_created_desc",
                                          LIST_SELECT("r.created_at") KEYSET_CREATED_DESC};
static const db_stmt LIST_CREATED = {"reports_list_created", LIST_SELECT("r.created_at") KEYSET_CREATED};
static const db_stmt LIST_SUPPORTERS_DESC = {"reports_list_supporters_desc",
                                             LIST_SELECT("r.supporters_count") KEYSET_SUPPORTERS_DESC};
static const db_stmt LIST_SUPPORTERS = {"reports_list_supporters",
                                        LIST_SELECT("r.supporters_count") KEYSET_SUPPORTERS};

static const db_stmt COLUMNS_CREATED_DESC = {"reports_columns_created_desc",
                                             LIST_COLUMNS KEYSET_CREATED_DESC};
static const db_stmt COLUMNS_CREATED = {"reports_columns_created", LIST_COLUMNS KEYSET_CREATED};
static const db_stmt COLUMNS_SUPPORTERS_DESC = {"reports_columns_supporters_desc",
                                                LIST_COLUMNS KEYSET_SUPPORTERS_DESC};
static const db_stmt COLUMNS_SUPPORTERS = {"reports_columns_supporters", LIST_COLUMNS KEYSET_SUPPORTERS};

const list_sort REPORTS_SORTS[] = {
    {"-created_at", &LIST_CREATED_DESC, &COLUMNS_CREATED_DESC},
    {"created_at", &LIST_CREATED, &COLUMNS_CREATED},
    {"-supporters_count", &LIST_SUPPORTERS_DESC, &COLUMNS_SUPPORTERS_DESC},
    {"supporters_count", &LIST_SUPPORTERS, &COLUMNS_SUPPORTERS},
    {NULL, NULL, NULL},
};

/* A member reference as the viewer may see it: analysts ($2) get only the
 * pseudonym. `m` is the member joined on idcol (NULL when idcol is). */
#define MEMBER_REF(prefix, idcol, namecol, pseudo)                                                           \
    "'" prefix "_id', CASE WHEN " pseudo " THEN NULL ELSE " idcol " END,"                                    \
    " '" prefix "_name', CASE WHEN " pseudo " THEN NULL ELSE " namecol " END,"                               \
    " '" prefix "_pseudonym', m.pseudonym"

#define HISTORY_SELECT(sortcol)                                                                              \
    "SELECT json_build_object('id', h.id, 'report_id', h.report_id, 'at', rfc3339(h.at),"                    \
    " 'from', h.from_status, 'to', h.to_status, 'note', h.note, 'resolution', h.resolution,"                 \
    " 'duplicate_of', h.duplicate_of, " MEMBER_REF(                                                          \
        "actor", "h.actor_id", "m.name",                                                                     \
        "$2::boolean") ")::text,"                                                                            \
                       " " sortcol                                                                           \
                       "::text, h.id FROM report_history h LEFT JOIN members m ON m.id = h.actor_id"         \
                       " WHERE h.report_id = $1 AND ($3::timestamptz IS NULL OR h.at >= $3)"

static const db_stmt HISTORY_AT = {
    "reports_history_at",
    HISTORY_SELECT("h.at") " AND ($5::bigint IS NULL OR (h.at, h.id) > ($4::timestamptz, $5))"
                           " ORDER BY h.at, h.id LIMIT $6"};
static const db_stmt HISTORY_AT_DESC = {
    "reports_history_at_desc",
    HISTORY_SELECT("h.at") " AND ($5::bigint IS NULL OR (h.at, h.id) < ($4::timestamptz, $5))"
                           " ORDER BY h.at DESC, h.id DESC LIMIT $6"};

const list_sort REPORTS_HISTORY_SORTS[] = {
    {"at", &HISTORY_AT, NULL}, {"-at", &HISTORY_AT_DESC, NULL}, {NULL, NULL, NULL}};

#define COMMENT_JSON(alias, pseudo)                                                                          \
    "json_build_object('id', " alias ".id, 'report_id', " alias ".report_id, 'text', " alias                 \
    ".text, " MEMBER_REF("author", alias ".author_id", "m.name",                                             \
                         pseudo) ","                                                                         \
                                 " 'created_at', rfc3339(" alias                                             \
                                 ".created_at), 'updated_at', rfc3339(" alias ".updated_at))::text"

#define COMMENTS_SELECT                                                                                      \
    "SELECT " COMMENT_JSON(                                                                                  \
        "c", "$2::boolean") ", c.created_at::text, c.id"                                                     \
                            " FROM report_comments c JOIN members m ON m.id = c.author_id"                   \
                            " WHERE c.report_id = $1 AND ($3::timestamptz IS NULL OR c.updated_at >= $3)"

static const db_stmt COMMENTS_CREATED = {
    "reports_comments_created",
    COMMENTS_SELECT " AND ($5::bigint IS NULL OR (c.created_at, c.id) > ($4::timestamptz, $5))"
                    " ORDER BY c.created_at, c.id LIMIT $6"};
static const db_stmt COMMENTS_CREATED_DESC = {
    "reports_comments_created_desc",
    COMMENTS_SELECT " AND ($5::bigint IS NULL OR (c.created_at, c.id) < ($4::timestamptz, $5))"
                    " ORDER BY c.created_at DESC, c.id DESC LIMIT $6"};

const list_sort REPORTS_COMMENTS_SORTS[] = {{"created_at", &COMMENTS_CREATED, NULL},
                                            {"-created_at", &COMMENTS_CREATED_DESC, NULL},
                                            {NULL, NULL, NULL}};

/* Reads one report on connection c, as principal p sees it. */
static dna_status fetch(db_conn *c, const principal *p, int64_t id, report_doc *out)
{
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    report_viewer v;
    reports_viewer(p, &v);
    const char *params[4] = {idtext, v.member, v.privileged, v.pseudo};
    return db_fetch_doc(c, &GET, 4, params, id, out);
}

dna_status reports_get(const principal *p, int64_t id, report_doc *out, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    dna_status st = fetch(c, p, id, out);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        dna_err_set(err, st, "no report with id %lld", (long long)id);
    return st;
}

dna_status reports_exists(int64_t id, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    const char *params[1] = {idtext};
    PGresult *r = db_exec(c, &EXISTS, 1, params);
    dna_status st = db_ok(r) ? (PQntuples(r) == 1 ? DNA_OK : DNA_NOT_FOUND) : db_status_of(r);
    PQclear(r);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        dna_err_set(err, st, "no report with id %lld", (long long)id);
    return st;
}

/* ---- shared helpers for writes ----------------------------------------- */

/* Maps a failed statement to a result with a field error for the
 * constraints a client can break. */
static dna_status statement_failure(const PGresult *r, dna_err *err)
{
    dna_status st = db_status_of(r);
    if (st != DNA_INVALID)
        return st;
    const char *constraint = r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : NULL;
    const char *column = r ? PQresultErrorField(r, PG_DIAG_COLUMN_NAME) : NULL;
    if (column && strcmp(column, "department_id") == 0)
        return dna_err_field(err, "department", "is not a known department code");
    if (constraint && strstr(constraint, "assignee_id"))
        return dna_err_field(err, "assignee_id", "is not a member");
    if (constraint && strstr(constraint, "rule_id"))
        return dna_err_field(err, "rule_id", "is not a rule in the register");
    if (constraint && strstr(constraint, "duplicate_of"))
        return dna_err_field(err, "duplicate_of", "is not a report");
    if (constraint && strstr(constraint, "theme_code"))
        return dna_err_field(err, "theme_code", "must be a slug such as wachttijd-telefoon");
    return dna_err_field(err, "body", "a value breaks a rule of the reports register");
}

/* Ends a failed write: rolls back, releases, maps the error. */
static dna_status fail(db_conn *c, PGresult *r, dna_err *err)
{
    dna_status st = r ? statement_failure(r, err) : DNA_UNAVAILABLE;
    PQclear(r);
    db_rollback(c);
    db_release(c);
    return st;
}

/* Ends a write refused for a reason in err: rolls back, releases. */
static dna_status refuse(db_conn *c, dna_status st)
{
    db_rollback(c);
    db_release(c);
    return st;
}

/* Commits and reads the report back as the caller sees it. */
static dna_status commit_and_fetch(db_conn *c, const principal *p, int64_t id, report_doc *out, dna_err *err)
{
    if (db_commit(c) != 0)
        return fail(c, NULL, err);
    dna_status st = fetch(c, p, id, out);
    db_release(c);
    return st;
}

static int is_slug(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
            return 0;
        if (ch == '-' && s[i + 1] == '-')
            return 0;
    }
    return 1;
}

static int blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

static int in_list(const char *key, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(*list, key) == 0)
            return 1;
    return 0;
}

/* The report row a change starts from, locked. */
typedef struct {
    lc_status status;
    long long version;
    int64_t reporter_id; /* 0 for anonymous reports */
} locked_report;

static const db_stmt LOCK = {
    "reports_lock", "SELECT status, version, COALESCE(reporter_id, 0) FROM reports WHERE id = $1 FOR UPDATE"};

/* Begins a transaction and locks report `idtext`; checks If-Match. On
 * failure the connection is released and the result returned. */
/* Duplicate transitions are serialised so the cycle check sees every other
 * one. The lock is taken before the report's row lock, in every transaction
 * that takes both, so two reports marked duplicates of each other at once
 * cannot deadlock: the second waits, then finds the cycle. */
static const db_stmt DUPLICATE_LOCK = {"reports_duplicate_lock", "SELECT pg_advisory_xact_lock(7305119422)"};

static dna_status begin_locked(db_conn *c, const char *idtext, long long if_match, int serialise_duplicates,
                               locked_report *out, dna_err *err)
{
    if (db_begin(c) != 0)
        return fail(c, NULL, err);
    if (serialise_duplicates) {
        PGresult *l = db_exec(c, &DUPLICATE_LOCK, 0, NULL);
        if (!db_ok(l))
            return fail(c, l, err);
        PQclear(l);
    }
    const char *params[1] = {idtext};
    PGresult *r = db_exec(c, &LOCK, 1, params);
    if (!db_ok(r))
        return fail(c, r, err);
    if (PQntuples(r) != 1) {
        PQclear(r);
        dna_err_set(err, DNA_NOT_FOUND, "no report with id %s", idtext);
        return refuse(c, DNA_NOT_FOUND);
    }
    if (lifecycle_parse(PQgetvalue(r, 0, 0), &out->status) != 0) {
        PQclear(r);
        return refuse(c, DNA_ERROR);
    }
    out->version = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
    out->reporter_id = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
    PQclear(r);
    if (if_match >= 0 && if_match != out->version) {
        dna_err_set(err, DNA_PRECONDITION, "the report changed since you read it (ETag \"%lld\")",
                    out->version);
        return refuse(c, DNA_PRECONDITION);
    }
    return DNA_OK;
}

/* ---- filing ------------------------------------------------------------ */

/* The hash an Idempotency-Key is stored under: the scope, the caller's
 * subject (NULL, hence left out, for anonymous filings) and the key. */
#define KEY_HASH(sub, key)                                                                                   \
    "sha256(convert_to(concat_ws(chr(31), 'POST /api/v1/reports', " sub "::text, " key "::text), 'UTF8'))"

/* Looks a key up; keys live 24 hours. Also clears out a few expired keys. */
static const db_stmt KEY_LOOKUP = {
    "reports_key_lookup",
    "WITH k AS (SELECT " KEY_HASH(
        "$2",
        "$1") " AS h),"
              " purge AS (DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'"
              "   AND (key_hash = (SELECT h FROM k) OR key_hash IN (SELECT key_hash FROM idempotency_keys"
              "   WHERE created_at < now() - interval '24 hours' LIMIT 100)))"
              " SELECT i.request_hash = sha256(convert_to($3, 'UTF8')), i.status, i.resource_id, i.version, "
              "i.body"
              " FROM idempotency_keys i, k WHERE i.key_hash = k.h AND i.created_at >= now() - interval '24 "
              "hours'"};

/* The report, its history row, its audit entry and its key, in one
 * statement (one round trip, atomic without BEGIN/COMMIT). */
static const db_stmt FILE_REPORT = {
    "reports_file",
    "WITH ins AS (INSERT INTO reports (title, description, procedure, impact, department_id, category,"
    "   anonymous, reporter_id)"
    "   VALUES ($1, $2, $3, $4, (SELECT id FROM departments WHERE code = $5), $6, $7, $8) RETURNING *),"
    " hist AS (INSERT INTO report_history (report_id, to_status) SELECT id, 'new' FROM ins),"
    " aud AS (INSERT INTO audit_log (actor, action, entity, entity_id, changes)"
    "   SELECT $9, 'create', 'report', id::text, $10::jsonb FROM ins),"
    " doc AS (SELECT " REPORT_JSON "::text AS body, r.id, r.version"
    "   FROM ins r" REPORT_JOINS(
        "$8", "false",
        "$14") "),"
               " idem AS (INSERT INTO idempotency_keys (key_hash, request_hash, status, resource_id, "
               "version, body)"
               "   SELECT " KEY_HASH("$12", "$11") ", sha256(convert_to($13, 'UTF8')), 201, id, version, body"
                                                   "   FROM doc WHERE $11::text IS NOT NULL)"
                                                   " SELECT body, id, version FROM doc"};

/* Looks the key up: *outcome 1 when the same request was answered before
 * (`out` then holds that answer), 0 when the key is unused, -1 when it was
 * used with another body. */
static dna_status key_replay(db_conn *c, const char *key, const char *sub, const char *canon, report_doc *out,
                             int *outcome)
{
    const char *params[3] = {key, sub, canon};
    PGresult *r = db_exec(c, &KEY_LOOKUP, 3, params);
    if (!db_ok(r)) {
        dna_status st = db_status_of(r);
        PQclear(r);
        return st;
    }
    *outcome = 0;
    if (PQntuples(r) == 1 && strcmp(PQgetvalue(r, 0, 0), "t") != 0) {
        *outcome = -1;
    } else if (PQntuples(r) == 1) {
        *outcome = 1;
        out->json = strdup(PQgetvalue(r, 0, 4));
        out->id = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
        out->version = strtoll(PQgetvalue(r, 0, 3), NULL, 10);
    }
    PQclear(r);
    return DNA_OK;
}

dna_status reports_file(const principal *p, const json_t *body, const char *idempotency_key, report_doc *out,
                        int *replayed, dna_err *err)
{
    *replayed = 0;
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "reports are filed by members");
    int anonymous = json_is_true(json_object_get(body, "anonymous"));
    /* The same body in any key order or spacing is the same request. */
    char *canon = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
    char *changes = audit_changes_text(body);
    char reporter[24], actor[160];
    snprintf(reporter, sizeof reporter, "%lld", (long long)p->member_id);
    if (anonymous)
        snprintf(actor, sizeof actor, "%s", AUDIT_ANONYMOUS);
    else
        audit_actor(p, actor);
    const char *sub = anonymous ? NULL : p->sub;
    dna_status st = DNA_CREATED;
    db_conn *c = canon && changes ? db_acquire() : NULL;
    if (c == NULL) {
        st = canon && changes ? DNA_UNAVAILABLE : DNA_ERROR;
        goto done;
    }
    for (int attempt = 0; attempt < 2; attempt++) {
        if (idempotency_key) {
            int outcome = 0;
            if ((st = key_replay(c, idempotency_key, sub, canon, out, &outcome)) != DNA_OK)
                break;
            st = DNA_CREATED;
            if (outcome == 1) {
                *replayed = 1;
                st = out->json ? DNA_CREATED : DNA_ERROR;
                break;
            }
            if (outcome == -1) {
                st = dna_err_field(err, "Idempotency-Key", "was used before with another body");
                break;
            }
        }
        const char *params[14] = {json_in_str(body, "title"),
                                  json_in_str(body, "description"),
                                  json_in_str(body, "procedure"),
                                  json_in_str(body, "impact"),
                                  json_in_str(body, "department"),
                                  json_in_str(body, "category"),
                                  anonymous ? "true" : "false",
                                  anonymous ? NULL : reporter,
                                  actor,
                                  changes,
                                  idempotency_key,
                                  sub,
                                  canon,
                                  p->pseudonymise ? "true" : "false"};
        PGresult *r = db_exec(c, &FILE_REPORT, 14, params);
        if (db_ok(r) && PQntuples(r) == 1) {
            out->json = strdup(PQgetvalue(r, 0, 0));
            out->id = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
            out->version = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
            st = out->json ? DNA_CREATED : DNA_ERROR;
            PQclear(r);
            break;
        }
        const char *constraint = r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : NULL;
        int key_taken = idempotency_key && constraint && strcmp(constraint, "idempotency_keys_pkey") == 0;
        st = r ? statement_failure(r, err) : DNA_UNAVAILABLE;
        PQclear(r);
        /* A request with the same key committed meanwhile: answer as it did. */
        if (!key_taken)
            break;
        dna_err_clear(err);
    }
    db_release(c);
done:
    free(canon);
    free(changes);
    return st;
}

/* ---- merge patch --------------------------------------------------------- */

/* Each field from the patch when present (JSON null clears the nullable
 * ones); a department code that names none leaves NULL and so fails with
 * the not-null violation on department_id, which becomes a field error. */
static const db_stmt UPDATE = {
    "reports_update",
    "UPDATE reports r SET"
    " title = CASE WHEN $2::jsonb ? 'title' THEN $2::jsonb->>'title' ELSE r.title END,"
    " description = CASE WHEN $2::jsonb ? 'description' THEN $2::jsonb->>'description' ELSE r.description "
    "END,"
    " procedure = CASE WHEN $2::jsonb ? 'procedure' THEN $2::jsonb->>'procedure' ELSE r.procedure END,"
    " impact = CASE WHEN $2::jsonb ? 'impact' THEN $2::jsonb->>'impact' ELSE r.impact END,"
    " priority = CASE WHEN $2::jsonb ? 'priority' THEN $2::jsonb->>'priority' ELSE r.priority END,"
    " assignee_id = CASE WHEN $2::jsonb ? 'assignee_id' THEN ($2::jsonb->>'assignee_id')::bigint ELSE "
    "r.assignee_id END,"
    " department_id = CASE WHEN $2::jsonb ? 'department'"
    "   THEN (SELECT id FROM departments WHERE code = $2::jsonb->>'department') ELSE r.department_id END,"
    " category = CASE WHEN $2::jsonb ? 'category' THEN $2::jsonb->>'category' ELSE r.category END,"
    " theme_code = CASE WHEN $2::jsonb ? 'theme_code' THEN $2::jsonb->>'theme_code' ELSE r.theme_code END,"
    " rule_id = CASE WHEN $2::jsonb ? 'rule_id' THEN ($2::jsonb->>'rule_id')::bigint ELSE r.rule_id END"
    " WHERE r.id = $1"};

/* Checks every field of the patch against the caller's rights on the
 * locked report. Returns DNA_OK or DNA_FORBIDDEN with the reason. */
static dna_status patch_rights(const principal *p, const locked_report *row, const json_t *patch,
                               dna_err *err)
{
    int reporter = row->reporter_id > 0 && authz_is_self(p, row->reporter_id);
    int team = authz_has(p, ROLE_DEREGULATION_TEAM | ROLE_PROGRAM_MANAGER);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)patch, key, v)
    {
        (void)v;
        if (in_list(key, REPORTER_FIELDS)) {
            if (!reporter)
                return dna_err_set(err, DNA_FORBIDDEN, "only the reporter changes %s", key);
            if (row->status != LC_NEW)
                return dna_err_set(err, DNA_FORBIDDEN, "the reporter changes %s only while the report is new",
                                   key);
        } else if (in_list(key, TEAM_FIELDS) && !team) {
            return dna_err_set(err, DNA_FORBIDDEN,
                               "only the deregulation team and program managers change %s", key);
        }
    }
    return DNA_OK;
}

dna_status reports_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                          report_doc *out, dna_err *err)
{
    const char *theme = json_in_str(patch, "theme_code");
    if (theme && !is_slug(theme))
        return dna_err_field(err, "theme_code", "must be a slug such as wachttijd-telefoon");
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    locked_report row;
    dna_status st = begin_locked(c, idtext, if_match, 0, &row, err);
    if (st != DNA_OK)
        return st;
    if ((st = patch_rights(p, &row, patch, err)) != DNA_OK)
        return refuse(c, st);
    if (json_object_size(patch) == 0)
        return commit_and_fetch(c, p, id, out, err);
    char *text = json_dumps(patch, JSON_COMPACT);
    const char *params[2] = {idtext, text};
    PGresult *r = text ? db_exec(c, &UPDATE, 2, params) : NULL;
    free(text);
    if (!db_ok(r))
        return fail(c, r, err);
    PQclear(r);
    if (audit_record(c, p, "update", "report", idtext, patch) != 0)
        return fail(c, NULL, err);
    return commit_and_fetch(c, p, id, out, err);
}

/* ---- transitions ----------------------------------------------------------- */

/* Marking duplicates is serialised by this lock, so the cycle check below
 * sees every committed duplicate link (two reports marked duplicates of
 * each other at once cannot both pass). */

/* Does the target exist, and is this report ($1) already in the target's
 * chain of duplicate_of links (which the new link would close)? */
static const db_stmt DUPLICATE_CHECK = {
    "reports_duplicate_check",
    "WITH RECURSIVE chain (id) AS ("
    "   SELECT duplicate_of FROM reports WHERE id = $2 AND duplicate_of IS NOT NULL"
    "   UNION SELECT r.duplicate_of FROM reports r JOIN chain ON r.id = chain.id WHERE r.duplicate_of IS NOT "
    "NULL)"
    " SELECT EXISTS (SELECT 1 FROM reports WHERE id = $2), EXISTS (SELECT 1 FROM chain WHERE id = $1)"};

static const db_stmt TRANSITION = {
    "reports_transition",
    "WITH u AS (UPDATE reports r SET status = $2,"
    "   triage_week = CASE WHEN $2 = 'triaged' THEN COALESCE($3, iso_week(now())) ELSE r.triage_week END,"
    "   priority = CASE WHEN $2 = 'triaged' THEN COALESCE($4, 'normal') ELSE r.priority END,"
    "   resolution = CASE WHEN $2 = 'resolved' THEN $5 WHEN $2 = 'triaged' THEN NULL ELSE r.resolution END,"
    "   duplicate_of = CASE WHEN $2 = 'duplicate' THEN $6::bigint END,"
    "   closed_at = CASE WHEN $2 IN ('resolved', 'rejected', 'duplicate') THEN now() END"
    "   WHERE r.id = $1 RETURNING r.id)"
    " INSERT INTO report_history (report_id, actor_id, from_status, to_status, note, resolution, "
    "duplicate_of)"
    " SELECT id, $7, $8, $2, $9, $5, $6::bigint FROM u"};

/* Which optional fields the request carries (a blank text counts as absent). */
static unsigned given_fields(const json_t *body)
{
    unsigned given = 0;
    const char *note = json_in_str(body, "note"), *resolution = json_in_str(body, "resolution");
    if (note && !blank(note))
        given |= LC_NOTE;
    if (resolution && !blank(resolution))
        given |= LC_RESOLUTION;
    if (json_is_integer(json_object_get(body, "duplicate_of")))
        given |= LC_DUPLICATE_OF;
    if (json_in_str(body, "triage_week"))
        given |= LC_TRIAGE_WEEK;
    if (json_in_str(body, "priority"))
        given |= LC_PRIORITY;
    return given;
}

/* For a transition to duplicate: the target exists, is another report, and
 * is not (transitively) a duplicate of this one. */
static dna_status check_duplicate_target(db_conn *c, const char *idtext, const char *target, dna_err *err)
{
    if (strcmp(idtext, target) == 0)
        return dna_err_field(err, "duplicate_of", "must be another report, not this one");
    const char *params[2] = {idtext, target};
    PGresult *r = db_exec(c, &DUPLICATE_CHECK, 2, params);
    if (!db_ok(r) || PQntuples(r) != 1) {
        dna_status st = db_status_of(r);
        PQclear(r);
        return st;
    }
    int exists = strcmp(PQgetvalue(r, 0, 0), "t") == 0, cycle = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    PQclear(r);
    if (!exists)
        return dna_err_field(err, "duplicate_of", "is not a report");
    if (cycle)
        return dna_err_field(err, "duplicate_of",
                             "is already, directly or through others, a duplicate of this report");
    return DNA_OK;
}

dna_status reports_transition(const principal *p, int64_t id, const json_t *body, long long if_match,
                              report_doc *out, dna_err *err)
{
    lc_status to;
    if (lifecycle_parse(json_in_str(body, "to"), &to) != 0)
        return dna_err_field(err, "to", "is not a status");
    unsigned given = given_fields(body);
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24], target[24] = "", actor[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    snprintf(actor, sizeof actor, "%lld", (long long)p->member_id);
    locked_report row;
    dna_status st = begin_locked(c, idtext, if_match, to == LC_DUPLICATE, &row, err);
    if (st != DNA_OK)
        return st;
    if ((st = lifecycle_check(row.status, to, given, err)) != DNA_OK)
        return refuse(c, st);
    if (given & LC_DUPLICATE_OF) {
        snprintf(target, sizeof target, "%lld",
                 (long long)json_integer_value(json_object_get(body, "duplicate_of")));
        if ((st = check_duplicate_target(c, idtext, target, err)) != DNA_OK)
            return refuse(c, st);
    }
    const char *params[9] = {idtext,
                             lifecycle_name(to),
                             json_in_str(body, "triage_week"),
                             json_in_str(body, "priority"),
                             (given & LC_RESOLUTION) ? json_in_str(body, "resolution") : NULL,
                             (given & LC_DUPLICATE_OF) ? target : NULL,
                             p->member_id > 0 ? actor : NULL,
                             lifecycle_name(row.status),
                             (given & LC_NOTE) ? json_in_str(body, "note") : NULL};
    PGresult *r = db_exec(c, &TRANSITION, 9, params);
    if (!db_ok(r))
        return fail(c, r, err);
    PQclear(r);
    json_t *changes = json_deep_copy(body);
    json_object_set_new(changes, "from", json_string(lifecycle_name(row.status)));
    int audited = audit_record(c, p, "transition", "report", idtext, changes);
    json_decref(changes);
    if (audited != 0)
        return fail(c, NULL, err);
    return commit_and_fetch(c, p, id, out, err);
}

/* ---- supports ---------------------------------------------------------------- */

/* The support row and the counter change in one statement: a second +1 of
 * the same member (even at the same moment) finds the row and changes
 * nothing; the counter's UPDATE serialises members on the report's row and
 * answers the count after it. Each answers (report found, changed, count). */
static const db_stmt SUPPORT_ON = {
    "reports_support_on",
    "WITH target AS (SELECT id FROM reports WHERE id = $1),"
    " ins AS (INSERT INTO report_supports (report_id, member_id) SELECT id, $2 FROM target"
    "   ON CONFLICT DO NOTHING RETURNING report_id),"
    " upd AS (UPDATE reports SET supporters_count = supporters_count + 1"
    "   WHERE id IN (SELECT report_id FROM ins) RETURNING supporters_count)"
    " SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM upd), (SELECT supporters_count FROM upd)"};

static const db_stmt SUPPORT_OFF = {
    "reports_support_off",
    "WITH target AS (SELECT id FROM reports WHERE id = $1),"
    " del AS (DELETE FROM report_supports WHERE report_id = $1 AND member_id = $2 RETURNING report_id),"
    " upd AS (UPDATE reports SET supporters_count = supporters_count - 1"
    "   WHERE id IN (SELECT report_id FROM del) RETURNING supporters_count)"
    " SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM upd), (SELECT supporters_count FROM upd)"};

/* When nothing changed, the count as of now: a statement of its own, so its
 * snapshot includes the concurrent support that made ours a no-op. */
static const db_stmt SUPPORTERS = {"reports_supporters",
                                   "SELECT supporters_count FROM reports WHERE id = $1"};

dna_status reports_support(const principal *p, int64_t id, int on, long long *count, dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "reports are supported by members");
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24], member[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    snprintf(member, sizeof member, "%lld", (long long)p->member_id);
    if (db_begin(c) != 0)
        return fail(c, NULL, err);
    const char *params[2] = {idtext, member};
    PGresult *r = db_exec(c, on ? &SUPPORT_ON : &SUPPORT_OFF, 2, params);
    if (!db_ok(r) || PQntuples(r) != 1)
        return fail(c, r, err);
    int found = strcmp(PQgetvalue(r, 0, 0), "1") == 0, changed = strcmp(PQgetvalue(r, 0, 1), "1") == 0;
    *count = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
    PQclear(r);
    if (!found) {
        dna_err_set(err, DNA_NOT_FOUND, "no report with id %lld", (long long)id);
        return refuse(c, DNA_NOT_FOUND);
    }
    if (changed && audit_record(c, p, on ? "link" : "unlink", "report_support", idtext, NULL) != 0)
        return fail(c, NULL, err);
    if (!changed) {
        r = db_exec(c, &SUPPORTERS, 1, params);
        if (!db_ok(r) || PQntuples(r) != 1)
            return fail(c, r, err);
        *count = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
        PQclear(r);
    }
    if (db_commit(c) != 0)
        return fail(c, NULL, err);
    db_release(c);
    return DNA_OK;
}

/* ---- comments ---------------------------------------------------------------- */

static const db_stmt COMMENT = {
    "reports_comment",
    "WITH ins AS (INSERT INTO report_comments (report_id, author_id, text)"
    "   SELECT id, $2, $3 FROM reports WHERE id = $1 RETURNING *),"
    " upd AS (UPDATE reports SET comments_count = comments_count + 1 WHERE id IN (SELECT report_id FROM ins))"
    " SELECT " COMMENT_JSON("ins", "$4::boolean") ", ins.id FROM ins JOIN members m ON m.id = ins.author_id"};

dna_status reports_comment(const principal *p, int64_t id, const json_t *body, char **json, dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "comments are signed by members");
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24], member[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    snprintf(member, sizeof member, "%lld", (long long)p->member_id);
    if (db_begin(c) != 0)
        return fail(c, NULL, err);
    const char *params[4] = {idtext, member, json_in_str(body, "text"), p->pseudonymise ? "true" : "false"};
    PGresult *r = db_exec(c, &COMMENT, 4, params);
    if (!db_ok(r))
        return fail(c, r, err);
    if (PQntuples(r) != 1) {
        PQclear(r);
        dna_err_set(err, DNA_NOT_FOUND, "no report with id %lld", (long long)id);
        return refuse(c, DNA_NOT_FOUND);
    }
    *json = strdup(PQgetvalue(r, 0, 0));
    json_t *changes = json_pack("{s:I}", "report_id", (json_int_t)id);
    int audited = audit_record(c, p, "create", "report_comment", PQgetvalue(r, 0, 1), changes);
    json_decref(changes);
    PQclear(r);
    if (audited != 0 || db_commit(c) != 0) {
        free(*json);
        *json = NULL;
        return fail(c, NULL, err);
    }
    db_release(c);
    return *json ? DNA_CREATED : DNA_ERROR;
}

const char *reports_bench_sql(const char *which)
{
    if (strcmp(which, "get") == 0)
        return GET.sql;
    if (strcmp(which, "list") == 0)
        return LIST_CREATED_DESC.sql;
    if (strcmp(which, "file") == 0)
        return FILE_REPORT.sql;
    if (strcmp(which, "export") == 0)
        return COLUMNS_CREATED_DESC.sql;
    return NULL;
}
