/* reports.c: SQL and rules for red-button reports. Filing is the hot write
 * path (B3): one statement inserts the report, its history row, its audit
 * entry and its idempotency key. Reads (B1) are one prepared statement whose
 * JSON PostgreSQL builds. Changes go through the write skeleton (db_write.h):
 * the row locked, If-Match checked, the change with its history and audit
 * entry in one transaction. */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "authz.h"
#include "db_write.h"
#include "lifecycle.h"
#include "members.h"
#include "text.h"

const char *const REPORT_CATEGORIES[] = {"procedure",     "regulation", "it_system", "form",
                                         "communication", "other",      NULL};
const char *const REPORT_PRIORITIES[] = {"low", "normal", "high", "urgent", NULL};

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
    {.name = "assignee_id", .type = F_INT, .nullable = 1, .min = 1, .max = JSON_IN_ID_MAX},
    {.name = "department", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "category", .type = F_ENUM, .required = 1, .values = REPORT_CATEGORIES},
    {.name = "theme_code", .type = F_STRING, .nullable = 1, .maxlen = 64},
    {.name = "rule_id", .type = F_INT, .nullable = 1, .min = 1, .max = JSON_IN_ID_MAX},
    {.name = NULL},
};

const field_spec REPORTS_TRANSITION_FIELDS[] = {
    {.name = "to", .type = F_ENUM, .required = 1, .values = LIFECYCLE_STATUSES},
    {.name = "note", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = "resolution", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = "duplicate_of", .type = F_INT, .nullable = 1, .min = 1, .max = JSON_IN_ID_MAX},
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

static const db_stmt GET = {"reports_get", "SELECT " REPORT_JSON "::text, r.version" REPORTS_FROM(
                                               "$2", "$3", "$4") " WHERE r.id = $1::bigint"};

static const db_stmt EXISTS = {"reports_exists", "SELECT 1 FROM reports WHERE id = $1::bigint"};

static const listing_filter FILTERS[] = {
    {"status", LISTING_ENUM_SET, .values = LIFECYCLE_STATUSES, .where = "r.status = ANY ({})"},
    {"department", LISTING_TEXT, .maxlen = 16, .where = "d.code = {}"},
    {"category", LISTING_ENUM, .values = REPORT_CATEGORIES, .where = "r.category = {}"},
    {"triage_week", LISTING_WEEK, .where = "r.triage_week = {}"},
    {"assignee_id", LISTING_INT, .min = 1, .max = JSON_IN_ID_MAX, .where = "r.assignee_id = {}",
     .member_id = 1},
    {"theme_code", LISTING_TEXT, .maxlen = 64, .where = "r.theme_code = {}"},
    {"q", LISTING_TEXT, .maxlen = 200, .where = "r.search @@ websearch_to_tsquery('dutch', {})"},
    {"created_from", LISTING_DATE, .where = "r.created_at >= local_day_start({})"},
    {"created_to", LISTING_DATE, .where = "r.created_at < local_day_start({} + 1)"},
    {"overdue", LISTING_BOOL,
     .where = "(r.status = 'new' AND r.created_at < now() - interval '7 days') = {}"},
    {"viewer", LISTING_CONTEXT, .type = "bigint"},
    {"privileged", LISTING_CONTEXT, .type = "boolean"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};

static const listing_sort SORTS[] = {
    {"created_at", "r.created_at", "timestamptz"},
    {"supporters_count", "r.supporters_count", "integer"},
    {NULL},
};

/* CSV exports read the plain columns of rj (no JSON per row). */
const listing_def REPORTS_LIST = {
    .name = "reports",
    .row = REPORT_JSON "::text",
    .columns = "rj.*",
    .from = REPORTS_FROM("{viewer}", "{privileged}", "{pseudo}"),
    .id = "r.id",
    .updated_at = "r.updated_at",
    .default_sort = "-created_at",
    .filters = FILTERS,
    .sorts = SORTS,
};

/* The sub-collections of one report: its `report`, the viewer's `pseudo`
 * and whether the answer is an `export` (bound by the HTTP layer). */
#define SUB_FILTERS(alias)                                                                                   \
    {                                                                                                        \
        {"report", LISTING_CONTEXT, .type = "bigint", .where = alias ".report_id = {}"},                     \
            {"pseudo", LISTING_CONTEXT, .type = "boolean"}, {"export", LISTING_CONTEXT, .type = "boolean"},  \
            {NULL},                                                                                          \
    }

/* Free text that may name people (a comment, a note on a transition) stays
 * out of analysts' exports; their pages show it, as the report does. An
 * unbound `export` counts as one. */
#define UNLESS_ANALYST_EXPORT(text) "CASE WHEN {pseudo} AND {export} IS NOT FALSE THEN NULL ELSE " text " END"

static const listing_filter HISTORY_FILTERS[] = SUB_FILTERS("h");
static const listing_sort HISTORY_SORTS[] = {{"at", "h.at", "timestamptz"}, {NULL}};

#define HISTORY_JSON                                                                                         \
    "json_build_object('id', h.id, 'report_id', h.report_id, 'at', rfc3339(h.at), 'from', h.from_status,"    \
    " 'to', h.to_status, 'note', " UNLESS_ANALYST_EXPORT(                                                    \
        "h.note") ", 'resolution', h.resolution,"                                                            \
                  " 'duplicate_of', h.duplicate_of, " MEMBER_REF("actor", "h.actor_id", "m",                 \
                                                                 "{pseudo}") ")::text"

const listing_def REPORTS_HISTORY_LIST = {
    .name = "report_history",
    .row = HISTORY_JSON,
    .from = " FROM report_history h LEFT JOIN members m ON m.id = h.actor_id",
    .id = "h.id",
    .updated_at = "h.at",
    .csv_header = "id,report_id,at,from,to,note,resolution,duplicate_of,actor_id,actor_name,actor_pseudonym",
    .default_sort = "at",
    .filters = HISTORY_FILTERS,
    .sorts = HISTORY_SORTS,
};

/* A comment; `text` is the expression of its text. */
#define COMMENT_JSON(alias, pseudo, text)                                                                    \
    "json_build_object('id', " alias ".id, 'report_id', " alias ".report_id, 'text', " text                  \
    ", " MEMBER_REF("author", alias ".author_id", "m", pseudo) ", 'created_at', rfc3339(" alias              \
                                                               ".created_at), 'updated_at', rfc3339(" alias  \
                                                               ".updated_at))::text"

static const listing_filter COMMENT_FILTERS[] = SUB_FILTERS("c");
static const listing_sort COMMENT_SORTS[] = {{"created_at", "c.created_at", "timestamptz"}, {NULL}};

const listing_def REPORTS_COMMENTS_LIST = {
    .name = "report_comments",
    .row = COMMENT_JSON("c", "{pseudo}", UNLESS_ANALYST_EXPORT("c.text")),
    .from = " FROM report_comments c JOIN members m ON m.id = c.author_id",
    .id = "c.id",
    .updated_at = "c.updated_at",
    .csv_header = "id,report_id,text,author_id,author_name,author_pseudonym,created_at,updated_at",
    .default_sort = "created_at",
    .filters = COMMENT_FILTERS,
    .sorts = COMMENT_SORTS,
};

dna_status reports_exists(int64_t id, dna_err *err)
{
    return db_read_exists("report", &EXISTS, id, err);
}

/* ---- what every write shares ----------------------------------------------- */

/* The constraints a client's values can break, as field errors. A
 * department code that names none leaves department_id NULL. */
static const db_field_error ERRORS[] = {
    {"department_id", "department", "is not a known department code"},
    {"reports_assignee_id_fkey", "assignee_id", "is not a member"},
    {"reports_rule_id_fkey", "rule_id", "is not a rule in the register"},
    {"reports_theme_code_fkey", "theme_code", "is not a known complaint theme"},
    {"reports_duplicate_of_fkey", "duplicate_of", "is not a report"},
    {"report_history_duplicate_of_fkey", "duplicate_of", "is not a report"},
    {"reports_theme_code_check", "theme_code", "must be a slug such as wachttijd-telefoon"},
    {NULL},
};

/* The locked row: version, status, reporter (0 for anonymous reports). */
static const db_stmt LOCK = {
    "reports_lock",
    "SELECT version, status, COALESCE(reporter_id, 0) FROM reports WHERE id = $1::bigint FOR UPDATE"};

static const db_resource REPORT = {.entity = "report", .lock = &LOCK, .fetch = &GET, .errors = ERRORS};

dna_status reports_get(const principal *p, int64_t id, db_doc *out, dna_err *err)
{
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    report_viewer v;
    reports_viewer(p, &v);
    const char *view[3] = {v.member, v.privileged, v.pseudo};
    return db_read_doc(&REPORT, key, view, 3, out, err);
}

/* A change to a report, answered as the caller sees the report. */
static void report_write(db_write *w, const principal *p, int64_t id, report_viewer *v)
{
    reports_viewer(p, v);
    w->res = &REPORT;
    w->who = p;
    db_write_key(w, id);
    w->view[0] = v->member;
    w->view[1] = v->privileged;
    w->view[2] = v->pseudo;
    w->nview = 3;
}

static lc_status locked_status(const PGresult *row)
{
    lc_status s = LC_NEW;
    lifecycle_parse(PQgetvalue(row, 0, 1), &s);
    return s;
}

/* ---- filing ------------------------------------------------------------ */

/* The hash an Idempotency-Key is stored under: the scope, the caller's
 * subject and the key, so that one member's key can never replay or block
 * another's. For an anonymous filing this hash is the only trace of the
 * filer, and it lasts ANONYMOUS_KEY_LIFE (long enough for a client's
 * retries), not the 24 hours of a named filing's key; the stored answer of
 * a named filing names its member (member_id), so erasure removes it. */
#define KEY_HASH(sub, key)                                                                                   \
    "sha256(convert_to(concat_ws(chr(31), 'POST /api/v1/reports', " sub "::text, " key "::text), 'UTF8'))"
#define ANONYMOUS_KEY_LIFE "10 minutes"

/* Looks a key up; an expired one with the same hash is cleared out of the
 * way (the rest are purged on a schedule: server.c). */
static const db_stmt KEY_LOOKUP = {
    "reports_key_lookup",
    "WITH k AS (SELECT " KEY_HASH(
        "$2", "$1") " AS h),"
                    " purge AS (DELETE FROM idempotency_keys WHERE key_hash = (SELECT h FROM k) AND "
                    "expires_at <= now())"
                    " SELECT i.request_hash = sha256(convert_to($3, 'UTF8')), i.status, i.resource_id, "
                    "i.version, i.body"
                    " FROM idempotency_keys i, k WHERE i.key_hash = k.h AND i.expires_at > now()"};

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
               "version, body, member_id, expires_at)"
               "   SELECT " KEY_HASH(
                   "$12",
                   "$11") ", sha256(convert_to($13, 'UTF8')), 201, id, version, body,"
                          "   $8::bigint, now() + CASE WHEN $7::boolean THEN interval '" ANONYMOUS_KEY_LIFE
                          "'"
                          "     ELSE interval '24 hours' END"
                          "   FROM doc WHERE $11::text IS NOT NULL)"
                          " SELECT body, id, version FROM doc"};

/* Looks the key up: *outcome 1 when the same request was answered before
 * (`out` then holds that answer), 0 when the key is unused, -1 when it was
 * used with another body. */
static dna_status key_replay(db_conn *c, const char *key, const char *sub, const char *canon, db_doc *out,
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
        text_clip(out->key, sizeof out->key, PQgetvalue(r, 0, 2));
        out->version = strtoll(PQgetvalue(r, 0, 3), NULL, 10);
    }
    PQclear(r);
    return DNA_OK;
}

dna_status reports_file(const principal *p, const json_t *body, const char *idempotency_key, db_doc *out,
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
    const char *sub = p->sub;
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
            text_clip(out->key, sizeof out->key, PQgetvalue(r, 0, 1));
            out->version = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
            st = out->json ? DNA_CREATED : DNA_ERROR;
            PQclear(r);
            break;
        }
        const char *constraint = r ? PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME) : NULL;
        int key_taken = idempotency_key && constraint && strcmp(constraint, "idempotency_keys_pkey") == 0;
        st = db_error(r, ERRORS, err);
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

/* Each field from the patch when present (DB_PATCH); a department code
 * that names none leaves NULL and so fails with the not-null violation on
 * department_id, which becomes a field error. */
// clang-format off
static const db_stmt UPDATE = {
    "reports_update",
    "UPDATE reports SET"
    DB_PATCH("title", "title", "text") ","
    DB_PATCH("description", "description", "text") ","
    DB_PATCH("procedure", "procedure", "text") ","
    DB_PATCH("impact", "impact", "text") ","
    DB_PATCH("priority", "priority", "text") ","
    DB_PATCH("assignee_id", "assignee_id", "bigint") ","
    " department_id = CASE WHEN $2::jsonb ? 'department'"
    "   THEN (SELECT id FROM departments WHERE code = $2::jsonb->>'department') ELSE department_id END,"
    DB_PATCH("category", "category", "text") ","
    DB_PATCH("theme_code", "theme_code", "text") ","
    DB_PATCH("rule_id", "rule_id", "bigint")
    " WHERE id = $1::bigint"};
// clang-format on

/* Checks every field of the patch against the caller's rights on the
 * locked report. Returns DNA_OK or DNA_FORBIDDEN with the reason. */
static dna_status patch_rights(const principal *p, const PGresult *row, const json_t *patch, dna_err *err)
{
    int64_t reporter = strtoll(PQgetvalue(row, 0, 2), NULL, 10);
    int is_reporter = reporter > 0 && authz_is_self(p, reporter);
    int team = authz_has(p, ROLE_DEREGULATION_TEAM | ROLE_PROGRAM_MANAGER);
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)patch, key, v)
    {
        (void)v;
        if (text_in_list(key, REPORTER_FIELDS)) {
            if (!is_reporter)
                return dna_err_set(err, DNA_FORBIDDEN, "only the reporter changes %s", key);
            if (locked_status(row) != LC_NEW)
                return dna_err_set(err, DNA_FORBIDDEN, "the reporter changes %s only while the report is new",
                                   key);
        } else if (text_in_list(key, TEAM_FIELDS) && !team) {
            return dna_err_set(err, DNA_FORBIDDEN,
                               "only the deregulation team and program managers change %s", key);
        }
    }
    return DNA_OK;
}

static dna_status update_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    dna_status st = patch_rights(w->who, row, w->changes, err);
    if (st != DNA_OK)
        return st;
    char *text = json_dumps(w->changes, JSON_COMPACT);
    if (text == NULL)
        return DNA_ERROR;
    const char *params[2] = {w->key, text};
    st = db_write_exec(c, w, &UPDATE, 2, params, NULL, err);
    free(text);
    return st;
}

dna_status reports_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                          db_doc *out, dna_err *err)
{
    const char *theme = json_in_str(patch, "theme_code");
    if (theme && !text_is_slug(theme))
        return dna_err_field(err, "theme_code", "must be a slug such as wachttijd-telefoon");
    report_viewer v;
    db_write w = {.action = "update", .changes = patch, .if_match = if_match, .step = update_step};
    report_write(&w, p, id, &v);
    return db_write_run(&w, out, err);
}

/* ---- transitions ----------------------------------------------------------- */

/* Marking duplicates is serialised by this lock, taken before the report's
 * row lock in every transaction that takes both, so the cycle check sees
 * every committed duplicate link and two reports marked duplicates of each
 * other at once cannot deadlock: the second waits, then finds the cycle. */
static const db_stmt DUPLICATE_LOCK = {"reports_duplicate_lock", "SELECT pg_advisory_xact_lock(7305119422)"};

/* Does the target exist, and is this report ($1) already in the target's
 * chain of duplicate_of links (which the new link would close)? */
static const db_stmt DUPLICATE_CHECK = {
    "reports_duplicate_check",
    "WITH RECURSIVE chain (id) AS ("
    "   SELECT duplicate_of FROM reports WHERE id = $2::bigint AND duplicate_of IS NOT NULL"
    "   UNION SELECT r.duplicate_of FROM reports r JOIN chain ON r.id = chain.id WHERE r.duplicate_of IS NOT "
    "NULL)"
    " SELECT EXISTS (SELECT 1 FROM reports WHERE id = $2::bigint), EXISTS (SELECT 1 FROM chain WHERE id = "
    "$1::bigint)"};

static const db_stmt TRANSITION = {
    "reports_transition",
    "WITH u AS (UPDATE reports r SET status = $2,"
    "   triage_week = CASE WHEN $2 = 'triaged' THEN COALESCE($3, iso_week(now())) ELSE r.triage_week END,"
    "   priority = CASE WHEN $2 = 'triaged' THEN COALESCE($4, 'normal') ELSE r.priority END,"
    "   resolution = CASE WHEN $2 = 'resolved' THEN $5 WHEN $2 = 'triaged' THEN NULL ELSE r.resolution END,"
    "   duplicate_of = CASE WHEN $2 = 'duplicate' THEN $6::bigint END,"
    "   closed_at = CASE WHEN $2 IN ('resolved', 'rejected', 'duplicate') THEN now() END"
    "   WHERE r.id = $1::bigint RETURNING r.id)"
    " INSERT INTO report_history (report_id, actor_id, from_status, to_status, note, resolution, "
    "duplicate_of)"
    " SELECT id, $7, $8, $2, $9, $5, $6::bigint FROM u"};

/* Which optional fields the request carries (a blank text counts as absent). */
static unsigned given_fields(const json_t *body)
{
    unsigned given = 0;
    const char *note = json_in_str(body, "note"), *resolution = json_in_str(body, "resolution");
    if (note && !text_blank(note))
        given |= LC_NOTE;
    if (resolution && !text_blank(resolution))
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
static dna_status check_duplicate_target(db_conn *c, const db_write *w, const char *target, dna_err *err)
{
    if (strcmp(w->key, target) == 0)
        return dna_err_field(err, "duplicate_of", "must be another report, not this one");
    const char *params[2] = {w->key, target};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &DUPLICATE_CHECK, 2, params, &r, err);
    if (st != DNA_OK)
        return st;
    int exists = strcmp(PQgetvalue(r, 0, 0), "t") == 0, cycle = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    PQclear(r);
    if (!exists)
        return dna_err_field(err, "duplicate_of", "is not a report");
    if (cycle)
        return dna_err_field(err, "duplicate_of",
                             "is already, directly or through others, a duplicate of this report");
    return DNA_OK;
}

/* The request, and the audit entry's changes (the request and `from`). */
typedef struct {
    const json_t *body;
    lc_status to;
    json_t *changes;
} transition_request;

static dna_status transition_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    transition_request *t = w->arg;
    lc_status from = locked_status(row), to = t->to;
    unsigned given = given_fields(t->body);
    dna_status st = lifecycle_check(from, to, given, err);
    if (st != DNA_OK)
        return st;
    char target[24] = "";
    if (given & LC_DUPLICATE_OF) {
        snprintf(target, sizeof target, "%lld",
                 (long long)json_integer_value(json_object_get(t->body, "duplicate_of")));
        if ((st = check_duplicate_target(c, w, target, err)) != DNA_OK)
            return st;
    }
    const char *params[9] = {w->key,
                             lifecycle_name(to),
                             json_in_str(t->body, "triage_week"),
                             json_in_str(t->body, "priority"),
                             (given & LC_RESOLUTION) ? json_in_str(t->body, "resolution") : NULL,
                             (given & LC_DUPLICATE_OF) ? target : NULL,
                             w->member[0] ? w->member : NULL,
                             lifecycle_name(from),
                             (given & LC_NOTE) ? json_in_str(t->body, "note") : NULL};
    if ((st = db_write_exec(c, w, &TRANSITION, 9, params, NULL, err)) != DNA_OK)
        return st;
    t->changes = json_deep_copy(t->body);
    if (t->changes == NULL || json_object_set_new(t->changes, "from", json_string(lifecycle_name(from))) != 0)
        return DNA_ERROR;
    w->changes = t->changes;
    return DNA_OK;
}

dna_status reports_transition(const principal *p, int64_t id, const json_t *body, long long if_match,
                              db_doc *out, dna_err *err)
{
    lc_status to;
    if (lifecycle_parse(json_in_str(body, "to"), &to) != 0)
        return dna_err_field(err, "to", "is not a status");
    transition_request t = {.body = body, .to = to};
    report_viewer v;
    db_write w = {.action = "transition",
                  .changes = body,
                  .if_match = if_match,
                  .step = transition_step,
                  .arg = &t,
                  .before = to == LC_DUPLICATE ? &DUPLICATE_LOCK : NULL};
    report_write(&w, p, id, &v);
    dna_status st = db_write_run(&w, out, err);
    json_decref(t.changes);
    return st;
}

/* ---- supports ---------------------------------------------------------------- */

/* The support row and the counter change in one statement: a second +1 of
 * the same member (even at the same moment) finds the row and changes
 * nothing; the counter's UPDATE serialises members on the report's row and
 * answers the count after it. Each answers (report found, changed, count). */
static const db_stmt SUPPORT_ON = {
    "reports_support_on",
    "WITH target AS (SELECT id FROM reports WHERE id = $1::bigint),"
    " ins AS (INSERT INTO report_supports (report_id, member_id) SELECT id, $2 FROM target"
    "   ON CONFLICT DO NOTHING RETURNING report_id),"
    " upd AS (UPDATE reports SET supporters_count = supporters_count + 1"
    "   WHERE id IN (SELECT report_id FROM ins) RETURNING supporters_count)"
    " SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM upd), (SELECT supporters_count FROM upd)"};

static const db_stmt SUPPORT_OFF = {
    "reports_support_off",
    "WITH target AS (SELECT id FROM reports WHERE id = $1::bigint),"
    " del AS (DELETE FROM report_supports WHERE report_id = $1::bigint AND member_id = $2 RETURNING "
    "report_id),"
    " upd AS (UPDATE reports SET supporters_count = supporters_count - 1"
    "   WHERE id IN (SELECT report_id FROM del) RETURNING supporters_count)"
    " SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM upd), (SELECT supporters_count FROM upd)"};

/* When nothing changed, the count as of now: a statement of its own, so its
 * snapshot includes the concurrent support that made ours a no-op. */
static const db_stmt SUPPORTERS = {"reports_supporters",
                                   "SELECT supporters_count FROM reports WHERE id = $1::bigint"};

static const db_resource SUPPORT = {.entity = "report_support", .errors = ERRORS};

typedef struct {
    int on;
    long long count;
} support_change;

static dna_status support_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    support_change *s = w->arg;
    const char *params[2] = {w->key, w->member};
    PGresult *r;
    dna_status st = db_write_exec(c, w, s->on ? &SUPPORT_ON : &SUPPORT_OFF, 2, params, &r, err);
    if (st != DNA_OK)
        return st;
    int found = strcmp(PQgetvalue(r, 0, 0), "1") == 0, changed = strcmp(PQgetvalue(r, 0, 1), "1") == 0;
    s->count = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
    PQclear(r);
    if (!found)
        return dna_err_set(err, DNA_NOT_FOUND, "no report with id %s", w->key);
    if (changed)
        return DNA_OK;
    w->action = NULL;
    if ((st = db_write_exec(c, w, &SUPPORTERS, 1, params, &r, err)) != DNA_OK)
        return st;
    s->count = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    return DNA_OK;
}

dna_status reports_support(const principal *p, int64_t id, int on, long long *count, dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "reports are supported by members");
    support_change s = {.on = on};
    db_write w = {.res = &SUPPORT,
                  .who = p,
                  .action = on ? "link" : "unlink",
                  .if_match = -1,
                  .step = support_step,
                  .arg = &s};
    db_write_key(&w, id);
    dna_status st = db_write_run(&w, NULL, err);
    *count = s.count;
    return st;
}

/* ---- comments ---------------------------------------------------------------- */

static const db_stmt COMMENT = {
    "reports_comment",
    "WITH ins AS (INSERT INTO report_comments (report_id, author_id, text)"
    "   SELECT id, $2, $3 FROM reports WHERE id = $1::bigint RETURNING *),"
    " upd AS (UPDATE reports SET comments_count = comments_count + 1 WHERE id IN (SELECT report_id FROM ins))"
    " SELECT " COMMENT_JSON("ins", "$4::boolean",
                            "ins.text") ", ins.id FROM ins JOIN members m ON m.id = ins.author_id"};

static const db_resource NEW_COMMENT = {.entity = "report_comment", .errors = ERRORS};

/* The comment's text and report in; its JSON out. */
typedef struct {
    const char *report;
    const char *text;
    char *json;
} comment_request;

static dna_status comment_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    comment_request *q = w->arg;
    const char *params[4] = {q->report, w->member, q->text, w->who->pseudonymise ? "true" : "false"};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &COMMENT, 4, params, &r, err);
    if (st != DNA_OK)
        return st;
    if (PQntuples(r) != 1) {
        PQclear(r);
        return dna_err_set(err, DNA_NOT_FOUND, "no report with id %s", q->report);
    }
    q->json = db_first_value(r);
    text_clip(w->key, sizeof w->key, PQgetvalue(r, 0, 1));
    PQclear(r);
    return q->json ? DNA_CREATED : DNA_ERROR;
}

dna_status reports_comment(const principal *p, int64_t id, const json_t *body, char **json, dna_err *err)
{
    *json = NULL;
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "comments are signed by members");
    char report[24];
    snprintf(report, sizeof report, "%lld", (long long)id);
    comment_request q = {.report = report, .text = json_in_str(body, "text")};
    json_t *changes = json_pack("{s:I}", "report_id", (json_int_t)id);
    db_write w = {.res = &NEW_COMMENT,
                  .who = p,
                  .action = "create",
                  .changes = changes,
                  .if_match = -1,
                  .step = comment_step,
                  .arg = &q};
    dna_status st = db_write_run(&w, NULL, err);
    json_decref(changes);
    if (st == DNA_CREATED) {
        *json = q.json;
        text_json_compact(*json, strlen(*json));
    } else {
        free(q.json);
    }
    return st;
}

const char *reports_bench_sql(const char *which)
{
    if (strcmp(which, "get") == 0)
        return GET.sql;
    if (strcmp(which, "list") == 0)
        return listing_sql(&REPORTS_LIST, "-created_at", 0);
    if (strcmp(which, "file") == 0)
        return FILE_REPORT.sql;
    if (strcmp(which, "export") == 0)
        return listing_sql(&REPORTS_LIST, "-created_at", 1);
    return NULL;
}
