/* sessions.c: SQL and rules for sessions and their registrations,
 * attendance, feedback and insights. */
#include "sessions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authz.h"
#include "calendar.h"
#include "db_write.h"
#include "members.h"
#include "text.h"

const char *const SESSION_KINDS[] = {"inspiration", "listening", "leadership", "workshop", NULL};
static const char *const SESSION_STATES[] = {"upcoming", "past", "cancelled", NULL};
static const char *const REGISTRATION_STATES[] = {"registered", "waitlisted", "cancelled", NULL};

const field_spec SESSIONS_CREATE_FIELDS[] = {
    {.name = "kind", .type = F_ENUM, .required = 1, .values = SESSION_KINDS},
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "description", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = "starts_at", .type = F_DATETIME, .required = 1},
    {.name = "ends_at", .type = F_DATETIME, .required = 1},
    {.name = "location", .type = F_STRING, .nullable = 1, .maxlen = 300},
    {.name = "capacity", .type = F_INT, .nullable = 1, .min = 1, .max = 10000},
    {.name = "host_id", .type = F_INT, .nullable = 1, .min = 1, .max = JSON_IN_ID_MAX},
    {.name = "partner", .type = F_STRING, .nullable = 1, .maxlen = 200},
    {.name = NULL},
};

/* In a merge patch `required` means "not null". */
const field_spec SESSIONS_PATCH_FIELDS[] = {
    {.name = "kind", .type = F_ENUM, .required = 1, .values = SESSION_KINDS},
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "description", .type = F_STRING, .nullable = 1, .maxlen = 10000},
    {.name = "starts_at", .type = F_DATETIME, .required = 1},
    {.name = "ends_at", .type = F_DATETIME, .required = 1},
    {.name = "location", .type = F_STRING, .nullable = 1, .maxlen = 300},
    {.name = "capacity", .type = F_INT, .nullable = 1, .min = 1, .max = 10000},
    {.name = "host_id", .type = F_INT, .nullable = 1, .min = 1, .max = JSON_IN_ID_MAX},
    {.name = "partner", .type = F_STRING, .nullable = 1, .maxlen = 200},
    {.name = NULL},
};

const field_spec SESSIONS_REGISTER_FIELDS[] = {
    {.name = "member_id", .type = F_INT, .nullable = 1, .min = 1, .max = JSON_IN_ID_MAX},
    {.name = NULL},
};

const field_spec SESSIONS_ATTENDANCE_FIELDS[] = {
    {.name = "attended",
     .type = F_INT_ARRAY,
     .required = 1,
     .min = 1,
     .max = JSON_IN_ID_MAX,
     .maxlen = 10000},
    {.name = NULL},
};

const field_spec SESSIONS_FEEDBACK_FIELDS[] = {
    {.name = "rating", .type = F_INT, .required = 1, .min = 1, .max = 5},
    {.name = "comment", .type = F_STRING, .nullable = 1, .maxlen = 2000},
    {.name = NULL},
};

const field_spec SESSIONS_INSIGHT_FIELDS[] = {
    {.name = "text", .type = F_STRING, .required = 1, .maxlen = 2000},
    {.name = "theme_code", .type = F_STRING, .nullable = 1, .maxlen = 64},
    {.name = NULL},
};

void sessions_viewer(const principal *p, session_viewer *v)
{
    v->member = NULL;
    if (p->member_id > 0) {
        snprintf(v->member_text, sizeof v->member_text, "%lld", (long long)p->member_id);
        v->member = v->member_text;
    }
    v->pseudo = p->pseudonymise ? "true" : "false";
}

/* ---- how a session is shown ------------------------------------------------
 * A session as the viewer sees it: from sessions s, with the host (hm), the
 * counts (c), the viewer's own registration (mine) and the fields (sj).
 * `viewer` and `pseudo` are SQL expressions (parameters). Analysts see the
 * host as a pseudonym only; nobody else receives one. */
#define SESSION_STATUS                                                                                       \
    "CASE WHEN s.cancelled_at IS NOT NULL THEN 'cancelled' WHEN s.starts_at > now() THEN 'upcoming' ELSE "   \
    "'past' END"
/* The waitlist position of registration `r` (1 for the first in line). */
#define POSITION_OF(r)                                                                                       \
    "(SELECT count(*) FROM session_registrations w WHERE w.session_id = " r ".session_id"                    \
    " AND w.status = 'waitlisted' AND (w.queued, w.member_id) <= (" r ".queued, " r ".member_id))"
#define SESSION_JOINS(viewer, pseudo)                                                                        \
    " LEFT JOIN members hm ON hm.id = s.host_id"                                                             \
    " LEFT JOIN session_registrations mine ON mine.session_id = s.id AND mine.member_id = " viewer           \
    "::bigint"                                                                                               \
    "   AND mine.status <> 'cancelled'"                                                                      \
    " CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE g.status = 'registered') AS registered,"             \
    "   count(*) FILTER (WHERE g.status = 'waitlisted') AS waitlisted"                                       \
    "   FROM session_registrations g WHERE g.session_id = s.id) c"                                           \
    " CROSS JOIN LATERAL (SELECT s.id, s.kind, s.title, s.description, rfc3339(s.starts_at) AS starts_at,"   \
    "   rfc3339(s.ends_at) AS ends_at, s.location, s.capacity,"                                              \
    "   CASE WHEN NOT " pseudo "::boolean THEN s.host_id END AS host_id,"                                    \
    "   CASE WHEN NOT " pseudo "::boolean THEN hm.name END AS host_name,"                                    \
    "   CASE WHEN " pseudo "::boolean THEN hm.pseudonym END AS host_pseudonym,"                              \
    "   s.partner, " SESSION_STATUS " AS status, c.registered AS registered_count,"                          \
    "   c.waitlisted AS waitlist_count,"                                                                     \
    "   CASE WHEN s.capacity IS NOT NULL THEN greatest(s.capacity - c.registered, 0) END AS seats_left,"     \
    "   CASE WHEN mine.member_id IS NOT NULL THEN json_build_object('status', mine.status, 'position',"      \
    "     CASE WHEN mine.status = 'waitlisted' THEN " POSITION_OF(                                           \
        "mine") " END) END AS my_registration,"                                                              \
                "   rfc3339(s.cancelled_at) AS cancelled_at, rfc3339(s.created_at) AS created_at,"           \
                "   rfc3339(s.updated_at) AS updated_at, s.version) sj"
#define SESSION_JSON "row_to_json(sj)"

static const db_stmt GET = {
    "sessions_get", "SELECT " SESSION_JSON
                    "::text, s.version FROM sessions s" SESSION_JOINS("$2", "$3") " WHERE s.id = $1::bigint"};

static const listing_filter FILTERS[] = {
    {"kind", LISTING_ENUM, .values = SESSION_KINDS, .where = "s.kind = {}"},
    {"from", LISTING_DATETIME, .where = "s.starts_at >= {}"},
    {"to", LISTING_DATETIME, .where = "s.starts_at < {}"},
    {"status", LISTING_ENUM, .values = SESSION_STATES, .where = "(" SESSION_STATUS ") = {}"},
    {"host_id", LISTING_INT, .min = 1, .max = JSON_IN_ID_MAX, .where = "s.host_id = {}", .member_id = 1},
    {"q", LISTING_TEXT, .maxlen = 200,
     .where = "s.title ILIKE like_anywhere({}) OR s.description ILIKE like_anywhere({})"
              " OR s.partner ILIKE like_anywhere({}) OR s.location ILIKE like_anywhere({})"},
    {"registered", LISTING_BOOL,
     .where = "EXISTS (SELECT 1 FROM session_registrations r WHERE r.session_id = s.id"
              " AND r.member_id = {viewer} AND r.status <> 'cancelled') = {}"},
    {"viewer", LISTING_CONTEXT, .type = "bigint"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};

static const listing_sort SORTS[] = {
    {"starts_at", "s.starts_at", "timestamptz"},
    {"title", "s.title", "text"},
    {NULL},
};

const listing_def SESSIONS_LIST = {
    .name = "sessions",
    .row = SESSION_JSON "::text",
    .from = " FROM sessions s" SESSION_JOINS("{viewer}", "{pseudo}"),
    .id = "s.id",
    .updated_at = "s.updated_at",
    .csv_header =
        "id,kind,title,description,starts_at,ends_at,location,capacity,host_id,host_name,host_pseudonym,"
        "partner,status,registered_count,waitlist_count,seats_left,my_registration,cancelled_at,"
        "created_at,updated_at,version",
    .default_sort = "starts_at",
    .filters = FILTERS,
    .sorts = SORTS,
    .calendar_event = calendar_session_event,
    .calendar_name = "DNA Dienstverlening: sessies",
};

#define REGISTRATION_JSON(g, m, pseudo)                                                                      \
    "json_build_object('session_id', " g                                                                     \
    ".session_id, " MEMBER_REF("member", g ".member_id", m,                                                  \
                               pseudo) ", 'status', " g ".status, 'position', CASE WHEN " g                  \
                                       ".status = 'waitlisted' THEN " POSITION_OF(                           \
                                           g) " END, 'attended', " g                                         \
                                              ".attended, 'registered_at', rfc3339(" g ".registered_at),"    \
                                              " 'updated_at', rfc3339(" g ".updated_at))::text"

static const listing_filter REGISTRATION_FILTERS[] = {
    {"status", LISTING_ENUM, .values = REGISTRATION_STATES, .where = "g.status = {}"},
    {"session", LISTING_CONTEXT, .type = "bigint", .where = "g.session_id = {}"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};
static const listing_sort REGISTRATION_SORTS[] = {{"registered_at", "g.registered_at", "timestamptz"},
                                                  {NULL}};

const listing_def SESSION_REGISTRATIONS_LIST = {
    .name = "session_registrations",
    .row = REGISTRATION_JSON("g", "m", "{pseudo}"),
    .from = " FROM session_registrations g JOIN members m ON m.id = g.member_id",
    .id = "g.member_id",
    .updated_at = "g.updated_at",
    .csv_header = "session_id,member_id,member_name,member_pseudonym,status,position,attended,registered_at,"
                  "updated_at",
    .default_sort = "registered_at",
    .filters = REGISTRATION_FILTERS,
    .sorts = REGISTRATION_SORTS,
};

#define INSIGHT_JSON(i, pseudo)                                                                              \
    "json_build_object('id', " i ".id, 'session_id', " i ".session_id, 'text', " i ".text,"                  \
    " 'theme_code', " i ".theme_code, " MEMBER_REF("author", i ".author_id", "m",                            \
                                                   pseudo) ", 'created_at', rfc3339(" i                      \
                                                           ".created_at), 'updated_at', rfc3339(" i          \
                                                           ".updated_at))::text"

static const listing_filter INSIGHT_FILTERS[] = {
    {"theme_code", LISTING_TEXT, .maxlen = 64, .where = "i.theme_code = {}"},
    {"session", LISTING_CONTEXT, .type = "bigint", .where = "i.session_id = {}"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};
static const listing_sort INSIGHT_SORTS[] = {{"created_at", "i.created_at", "timestamptz"}, {NULL}};

const listing_def SESSION_INSIGHTS_LIST = {
    .name = "session_insights",
    .row = INSIGHT_JSON("i", "{pseudo}"),
    .from = " FROM session_insights i LEFT JOIN members m ON m.id = i.author_id",
    .id = "i.id",
    .updated_at = "i.updated_at",
    .csv_header =
        "id,session_id,text,theme_code,author_id,author_name,author_pseudonym,created_at,updated_at",
    .default_sort = "created_at",
    .filters = INSIGHT_FILTERS,
    .sorts = INSIGHT_SORTS,
};

/* Feedback items. Analysts see ratings and comments without who wrote them;
 * in their exports (this listing streams only as CSV/NDJSON) no comment text
 * either: free text may name people. */
#define FEEDBACK_ITEM(f, pseudo, comment)                                                                    \
    "json_build_object('session_id', " f ".session_id, 'rating', " f ".rating, 'comment', " comment ","      \
    " 'member_id', CASE WHEN NOT " pseudo " THEN " f ".member_id END,"                                       \
    " 'member_name', CASE WHEN NOT " pseudo " THEN m.name END,"                                              \
    " 'created_at', rfc3339(" f ".created_at))"

static const listing_filter FEEDBACK_FILTERS[] = {
    {"session", LISTING_CONTEXT, .type = "bigint", .where = "f.session_id = {}"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};
static const listing_sort FEEDBACK_SORTS[] = {{"created_at", "f.created_at", "timestamptz"}, {NULL}};

const listing_def SESSION_FEEDBACK_LIST = {
    .name = "session_feedback",
    .row = FEEDBACK_ITEM("f", "{pseudo}", "CASE WHEN NOT {pseudo} THEN f.comment END") "::text",
    .from = " FROM session_feedback f JOIN members m ON m.id = f.member_id",
    .id = "f.member_id",
    .updated_at = "f.updated_at",
    .csv_header = "session_id,rating,comment,member_id,member_name,created_at",
    .default_sort = "created_at",
    .filters = FEEDBACK_FILTERS,
    .sorts = FEEDBACK_SORTS,
};

/* ---- the resources of the write skeleton ------------------------------------ */

/* The session row, locked: version, cancelled, started, capacity. */
static const db_stmt LOCK = {"sessions_lock",
                             "SELECT version, cancelled_at IS NOT NULL, starts_at <= now(), capacity"
                             " FROM sessions WHERE id = $1::bigint FOR UPDATE"};

static const db_field_error ERRORS[] = {
    {"sessions_ends_after_start", "ends_at", "must be after starts_at"},
    {"sessions_host_id_fkey", "host_id", "is not a member"},
    {"session_registrations_member_id_fkey", "member_id", "is not a member"},
    {"session_insights_theme_code_fkey", "theme_code", "is not a known complaint theme"},
    {"session_insights_theme_code_check", "theme_code", "must be a slug such as wachttijd-telefoon"},
    {"session_feedback_pkey", "rating", "was given before: feedback is given once"},
    {"session_registrations_pkey", "member_id", "is registered already"},
    {NULL},
};

static const db_resource SESSION = {.entity = "session", .lock = &LOCK, .fetch = &GET, .errors = ERRORS};

static void session_write(db_write *w, const principal *p, int64_t id, session_viewer *v)
{
    sessions_viewer(p, v);
    w->res = &SESSION;
    w->who = p;
    if (id > 0)
        db_write_key(w, id);
    w->view[0] = v->member;
    w->view[1] = v->pseudo;
    w->nview = 2;
}

static int locked_flag(const PGresult *row, int col)
{
    return strcmp(PQgetvalue(row, 0, col), "t") == 0;
}

dna_status sessions_get(const principal *p, int64_t id, db_doc *out, dna_err *err)
{
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    session_viewer v;
    sessions_viewer(p, &v);
    const char *view[2] = {v.member, v.pseudo};
    return db_read_doc(&SESSION, key, view, 2, out, err);
}

static const db_stmt EXISTS = {"sessions_exists", "SELECT 1 FROM sessions WHERE id = $1::bigint"};

dna_status sessions_exists(int64_t id, dna_err *err)
{
    return db_read_exists("session", &EXISTS, id, err);
}

/* ---- sessions: create, change, cancel -------------------------------------- */

static const db_stmt INSERT = {
    "sessions_insert",
    "INSERT INTO sessions (kind, title, description, starts_at, ends_at, location, capacity, host_id, "
    "partner)"
    " VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6, $7::integer, $8::bigint, $9) RETURNING id"};

/* Each field from the patch when present (DB_PATCH). */
// clang-format off
static const db_stmt UPDATE = {
    "sessions_update",
    "UPDATE sessions SET"
    DB_PATCH("kind", "kind", "text") ","
    DB_PATCH("title", "title", "text") ","
    DB_PATCH("description", "description", "text") ","
    DB_PATCH("starts_at", "starts_at", "timestamptz") ","
    DB_PATCH("ends_at", "ends_at", "timestamptz") ","
    DB_PATCH("location", "location", "text") ","
    DB_PATCH("capacity", "capacity", "integer") ","
    DB_PATCH("host_id", "host_id", "bigint") ","
    DB_PATCH("partner", "partner", "text")
    " WHERE id = $1::bigint"};
// clang-format on

/* Moves the first waitlisted up while seats are free (all of them when the
 * capacity is unlimited: LIMIT NULL). Runs under the session's lock. */
static const db_stmt PROMOTE = {
    "sessions_promote",
    "WITH free AS (SELECT CASE WHEN s.capacity IS NULL THEN NULL ELSE greatest(s.capacity -"
    "   (SELECT count(*) FROM session_registrations g WHERE g.session_id = s.id AND g.status = "
    "'registered'), 0)"
    "   END AS n FROM sessions s WHERE s.id = $1::bigint),"
    " next AS (SELECT member_id FROM session_registrations WHERE session_id = $1::bigint AND status = "
    "'waitlisted'"
    "   ORDER BY queued, member_id LIMIT (SELECT n FROM free))"
    " UPDATE session_registrations r SET status = 'registered', queued = NULL, registered_at = now()"
    " FROM next WHERE r.session_id = $1::bigint AND r.member_id = next.member_id"};

static const db_stmt CANCEL = {"sessions_cancel",
                               "UPDATE sessions SET cancelled_at = now() WHERE id = $1::bigint"};

static dna_status create_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const json_t *b = w->changes;
    char capacity[24], host[24];
    const json_t *cap = json_object_get(b, "capacity"), *hid = json_object_get(b, "host_id");
    snprintf(capacity, sizeof capacity, "%lld", (long long)json_integer_value(cap));
    snprintf(host, sizeof host, "%lld", (long long)json_integer_value(hid));
    const char *params[9] = {json_in_str(b, "kind"),
                             json_in_str(b, "title"),
                             json_in_str(b, "description"),
                             json_in_str(b, "starts_at"),
                             json_in_str(b, "ends_at"),
                             json_in_str(b, "location"),
                             json_is_integer(cap) ? capacity : NULL,
                             json_is_integer(hid) ? host : NULL,
                             json_in_str(b, "partner")};
    return db_write_insert(c, w, &INSERT, 9, params, err);
}

dna_status sessions_create(const principal *p, const json_t *body, db_doc *out, dna_err *err)
{
    session_viewer v;
    db_write w = {.action = "create", .changes = body, .if_match = -1, .step = create_step};
    session_write(&w, p, 0, &v);
    return db_write_run(&w, out, err);
}

static dna_status update_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    char *text = json_dumps(w->changes, JSON_COMPACT);
    if (text == NULL)
        return DNA_ERROR;
    const char *params[2] = {w->key, text};
    dna_status st = db_write_exec(c, w, &UPDATE, 2, params, NULL, err);
    free(text);
    /* A larger (or no) capacity frees seats for the waitlist, in order. */
    return st == DNA_OK ? db_write_exec(c, w, &PROMOTE, 1, params, NULL, err) : st;
}

dna_status sessions_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                           db_doc *out, dna_err *err)
{
    session_viewer v;
    db_write w = {.action = "update", .changes = patch, .if_match = if_match, .step = update_step};
    session_write(&w, p, id, &v);
    return db_write_run(&w, out, err);
}

static dna_status cancel_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    if (locked_flag(row, 1)) {
        w->action = NULL; /* cancelled already: nothing changes */
        return DNA_OK;
    }
    const char *params[1] = {w->key};
    return db_write_exec(c, w, &CANCEL, 1, params, NULL, err);
}

dna_status sessions_cancel(const principal *p, int64_t id, db_doc *out, dna_err *err)
{
    session_viewer v;
    db_write w = {.action = "cancel", .if_match = -1, .step = cancel_step};
    session_write(&w, p, id, &v);
    return db_write_run(&w, out, err);
}

/* ---- registrations ---------------------------------------------------------------- */

static const db_stmt MEMBER_ACTIVE = {
    "sessions_member_active", "SELECT active AND erased_at IS NULL FROM members WHERE id = $1::bigint"};

static const db_stmt REGISTRATION = {
    "sessions_registration",
    "SELECT status FROM session_registrations WHERE session_id = $1::bigint AND member_id = $2::bigint"};

/* Registered while seats are left (counted under the session's lock), else
 * waitlisted, in line by the moment of joining (clock_timestamp: the lock's
 * order, not the transactions' start). A cancelled registration comes back. */
static const db_stmt REGISTER = {
    "sessions_register",
    "WITH seats AS (SELECT s.capacity IS NULL OR s.capacity > (SELECT count(*) FROM session_registrations g"
    "   WHERE g.session_id = s.id AND g.status = 'registered') AS free FROM sessions s WHERE s.id = "
    "$1::bigint)"
    " INSERT INTO session_registrations AS r (session_id, member_id, status, queued)"
    " SELECT $1::bigint, $2::bigint, CASE WHEN free THEN 'registered' ELSE 'waitlisted' END,"
    "   CASE WHEN free THEN NULL ELSE clock_timestamp() END FROM seats"
    " ON CONFLICT (session_id, member_id) DO UPDATE SET status = excluded.status, queued = excluded.queued,"
    "   registered_at = now(), attended = false WHERE r.status = 'cancelled'"
    /* The statement's snapshot does not hold the new row: it is last in line. */
    " RETURNING json_build_object('session_id', r.session_id, 'member_id', r.member_id, 'status', r.status,"
    "   'position', CASE WHEN r.status = 'waitlisted' THEN 1 + (SELECT count(*) FROM session_registrations w"
    "     WHERE w.session_id = r.session_id AND w.status = 'waitlisted') END,"
    "   'registered_at', rfc3339(r.registered_at))::text"};

static const db_stmt UNREGISTER = {
    "sessions_unregister",
    "UPDATE session_registrations SET status = 'cancelled', queued = NULL, attended = false"
    " WHERE session_id = $1::bigint AND member_id = $2::bigint AND status <> 'cancelled' RETURNING 1"};

static const db_resource REGISTRATION_OF = {
    .entity = "session_registration", .parent = "session", .lock = &LOCK, .errors = ERRORS};

typedef struct {
    int64_t member_id;
    char member[24];
    int organizer; /* organizers and program managers: others, and walk-ins */
    char *json;
    int existed;
} registration_request;

/* Runs a one-value statement and gives its text ("" when no row). */
static dna_status one_value(db_conn *c, const db_write *w, const db_stmt *st, int n,
                            const char *const *params, char *out, size_t cap, dna_err *err)
{
    PGresult *r;
    dna_status s = db_write_exec(c, w, st, n, params, &r, err);
    if (s != DNA_OK)
        return s;
    text_clip(out, cap, PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : "");
    PQclear(r);
    return DNA_OK;
}

static dna_status register_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    registration_request *q = w->arg;
    if (locked_flag(row, 1))
        return dna_err_set(err, DNA_CONFLICT, "the session is cancelled");
    if (locked_flag(row, 2) && !q->organizer)
        return dna_err_set(err, DNA_CONFLICT, "the session has started: registration is closed");
    const char *who[1] = {q->member}, *pair[2] = {w->key, q->member};
    char value[24];
    dna_status st = one_value(c, w, &MEMBER_ACTIVE, 1, who, value, sizeof value, err);
    if (st == DNA_OK && strcmp(value, "t") != 0)
        return dna_err_field(err, "member_id", "is not an active member");
    if (st == DNA_OK)
        st = one_value(c, w, &REGISTRATION, 2, pair, value, sizeof value, err);
    if (st != DNA_OK)
        return st;
    if (value[0] != '\0' && strcmp(value, "cancelled") != 0)
        return dna_err_set(err, DNA_CONFLICT, "member %s is %s for this session already", q->member, value);
    PGresult *r;
    if ((st = db_write_exec(c, w, &REGISTER, 2, pair, &r, err)) != DNA_OK)
        return st;
    q->json = db_first_value(r);
    PQclear(r);
    return q->json ? DNA_CREATED : DNA_ERROR;
}

dna_status sessions_register(const principal *p, int64_t session_id, int64_t member_id, db_doc *out,
                             dna_err *err)
{
    registration_request q = {.member_id = member_id,
                              .organizer = authz_has(p, ROLE_ORGANIZER | ROLE_PROGRAM_MANAGER)};
    snprintf(q.member, sizeof q.member, "%lld", (long long)member_id);
    json_t *changes = json_pack("{s:I}", "member_id", (json_int_t)member_id);
    db_write w = {.res = &REGISTRATION_OF,
                  .who = p,
                  .action = "create",
                  .changes = changes,
                  .if_match = -1,
                  .step = register_step,
                  .arg = &q};
    db_write_key(&w, session_id);
    dna_status st = db_write_run(&w, NULL, err);
    json_decref(changes);
    if (st == DNA_CREATED) {
        out->json = q.json;
        text_json_compact(out->json, strlen(out->json));
        snprintf(out->key, sizeof out->key, "%lld/registrations/%lld", (long long)session_id,
                 (long long)member_id);
        out->version = 1;
    } else {
        free(q.json);
    }
    return st;
}

static dna_status unregister_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const registration_request *q = w->arg;
    const char *pair[2] = {w->key, q->member};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &UNREGISTER, 2, pair, &r, err);
    if (st != DNA_OK)
        return st;
    int found = PQntuples(r) == 1;
    PQclear(r);
    if (!found)
        return dna_err_set(err, DNA_NOT_FOUND, "member %s is not registered for this session", q->member);
    /* A freed seat goes to the first in line. */
    st = db_write_exec(c, w, &PROMOTE, 1, pair, NULL, err);
    return st == DNA_OK ? DNA_NO_CONTENT : st;
}

dna_status sessions_unregister(const principal *p, int64_t session_id, int64_t member_id, dna_err *err)
{
    registration_request q = {.member_id = member_id};
    snprintf(q.member, sizeof q.member, "%lld", (long long)member_id);
    json_t *changes = json_pack("{s:I}", "member_id", (json_int_t)member_id);
    db_write w = {.res = &REGISTRATION_OF,
                  .who = p,
                  .action = "delete",
                  .changes = changes,
                  .if_match = -1,
                  .step = unregister_step,
                  .arg = &q};
    db_write_key(&w, session_id);
    dna_status st = db_write_run(&w, NULL, err);
    json_decref(changes);
    return st;
}

/* ---- attendance ----------------------------------------------------------------------- */

/* The ids of the list that are not registered for the session ($2: a JSON array). */
static const db_stmt NOT_REGISTERED = {
    "sessions_not_registered",
    "SELECT coalesce(json_agg(x.id ORDER BY x.id), '[]')::text FROM (SELECT DISTINCT id::bigint AS id"
    " FROM json_array_elements_text($2::json) AS id) x WHERE NOT EXISTS (SELECT 1 FROM session_registrations "
    "g"
    " WHERE g.session_id = $1::bigint AND g.member_id = x.id AND g.status = 'registered')"};

static const db_stmt ATTENDANCE = {
    "sessions_attendance",
    "WITH u AS (UPDATE session_registrations g SET attended = g.member_id IN"
    "   (SELECT id::bigint FROM json_array_elements_text($2::json) AS id)"
    "   WHERE g.session_id = $1::bigint AND g.status = 'registered' RETURNING g.member_id, g.attended)"
    " SELECT json_build_object('session_id', $1::bigint, 'attended',"
    "   coalesce(json_agg(member_id ORDER BY member_id) FILTER (WHERE attended), '[]'),"
    "   'count', count(*) FILTER (WHERE attended))::text FROM u"};

typedef struct {
    char *list;
    char *json;
} attendance_request;

static dna_status attendance_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    attendance_request *q = w->arg;
    if (locked_flag(row, 1))
        return dna_err_set(err, DNA_CONFLICT, "the session is cancelled");
    if (!locked_flag(row, 2))
        return dna_err_set(err, DNA_CONFLICT, "attendance is recorded from the session's start on");
    const char *params[2] = {w->key, q->list};
    char missing[512];
    dna_status st = one_value(c, w, &NOT_REGISTERED, 2, params, missing, sizeof missing, err);
    if (st != DNA_OK)
        return st;
    if (strcmp(missing, "[]") != 0) {
        char msg[600];
        snprintf(msg, sizeof msg, "holds members who are not registered: %s", missing);
        return dna_err_field(err, "attended", msg);
    }
    PGresult *r;
    if ((st = db_write_exec(c, w, &ATTENDANCE, 2, params, &r, err)) != DNA_OK)
        return st;
    q->json = db_first_value(r);
    PQclear(r);
    return q->json ? DNA_OK : DNA_ERROR;
}

dna_status sessions_attendance(const principal *p, int64_t session_id, const json_t *body, db_doc *out,
                               dna_err *err)
{
    attendance_request q = {.list = json_dumps(json_object_get(body, "attended"), JSON_COMPACT)};
    if (q.list == NULL)
        return DNA_ERROR;
    db_write w = {.res = &REGISTRATION_OF,
                  .who = p,
                  .action = "update",
                  .changes = body,
                  .if_match = -1,
                  .step = attendance_step,
                  .arg = &q};
    db_write_key(&w, session_id);
    dna_status st = db_write_run(&w, NULL, err);
    free(q.list);
    if (st == DNA_OK) {
        out->json = q.json;
        text_json_compact(out->json, strlen(out->json));
    } else {
        free(q.json);
    }
    return st;
}

/* ---- feedback and insights ----------------------------------------------------------------- */

/* Only an attendee gives feedback, once (the primary key). */
static const db_stmt FEEDBACK = {
    "sessions_feedback",
    "INSERT INTO session_feedback (session_id, member_id, rating, comment)"
    " SELECT g.session_id, g.member_id, $3::smallint, $4 FROM session_registrations g"
    " WHERE g.session_id = $1::bigint AND g.member_id = $2::bigint AND g.attended"
    " RETURNING json_build_object('session_id', session_id, 'rating', rating, 'comment', comment,"
    " 'created_at', rfc3339(created_at))::text"};

static const db_stmt FEEDBACK_SUMMARY = {
    "sessions_feedback_summary",
    "SELECT json_build_object('session_id', $1::bigint, 'average_rating', round(avg(f.rating), 2),"
    " 'count', count(f.rating), 'items', coalesce(json_agg(" FEEDBACK_ITEM(
        "f", "$2::boolean",
        "f.comment") " ORDER BY f.created_at, f.member_id) FILTER (WHERE f.rating IS NOT NULL), "
                     "'[]'))::text, 0" /* a summary: no ETag */
                     " FROM sessions s LEFT JOIN session_feedback f ON f.session_id = s.id"
                     " LEFT JOIN members m ON m.id = f.member_id WHERE s.id = $1::bigint GROUP BY s.id"};

static const db_stmt INSIGHT = {
    "sessions_insight",
    "WITH i AS (INSERT INTO session_insights (session_id, text, theme_code, author_id)"
    " VALUES ($1::bigint, $2, $3, $4::bigint) RETURNING *)"
    " SELECT i.id, " INSIGHT_JSON("i", "false") " FROM i LEFT JOIN members m ON m.id = i.author_id"};

static const db_resource FEEDBACK_OF = {
    .entity = "session_feedback", .parent = "session", .lock = &LOCK, .errors = ERRORS};
static const db_resource INSIGHT_OF = {.entity = "session_insight", .errors = ERRORS};

typedef struct {
    const json_t *body;
    const char *session;
    char *json;
} note_request;

static dna_status feedback_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    note_request *q = w->arg;
    char rating[8];
    snprintf(rating, sizeof rating, "%lld",
             (long long)json_integer_value(json_object_get(q->body, "rating")));
    const char *params[4] = {w->key, w->member, rating, json_in_str(q->body, "comment")};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &FEEDBACK, 4, params, &r, err);
    if (st == DNA_CONFLICT)
        return dna_err_set(err, DNA_CONFLICT, "you gave feedback on this session already");
    if (st != DNA_OK)
        return st;
    int given = PQntuples(r) == 1;
    q->json = given ? db_first_value(r) : NULL;
    PQclear(r);
    if (!given)
        return dna_err_set(err, DNA_FORBIDDEN, "only members who attended give feedback");
    return q->json ? DNA_CREATED : DNA_ERROR;
}

/* The JSON a note step made, into out. */
static dna_status hand_over(dna_status st, note_request *q, db_doc *out)
{
    if (st == DNA_CREATED && q->json != NULL) {
        out->json = q->json;
        text_json_compact(out->json, strlen(out->json));
        return st;
    }
    free(q->json);
    return st;
}

dna_status sessions_feedback(const principal *p, int64_t session_id, const json_t *body, db_doc *out,
                             dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "feedback is given by members");
    note_request q = {.body = body};
    db_write w = {.res = &FEEDBACK_OF,
                  .who = p,
                  .action = "create",
                  .changes = body,
                  .if_match = -1,
                  .step = feedback_step,
                  .arg = &q};
    db_write_key(&w, session_id);
    return hand_over(db_write_run(&w, NULL, err), &q, out);
}

dna_status sessions_feedback_summary(const principal *p, int64_t session_id, db_doc *out, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)session_id);
    const char *params[2] = {key, p->pseudonymise ? "true" : "false"};
    dna_status st = db_fetch_doc(c, &FEEDBACK_SUMMARY, 2, params, out);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        dna_err_set(err, st, "no session with id %s", key);
    return st;
}

static dna_status insight_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    note_request *q = w->arg;
    const char *params[4] = {q->session, json_in_str(q->body, "text"), json_in_str(q->body, "theme_code"),
                             w->member[0] ? w->member : NULL};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &INSIGHT, 4, params, &r, err);
    if (st != DNA_OK)
        return st;
    text_clip(w->key, sizeof w->key, PQgetvalue(r, 0, 0));
    q->json = strdup(PQgetvalue(r, 0, 1));
    PQclear(r);
    return q->json ? DNA_CREATED : DNA_ERROR;
}

dna_status sessions_insight(const principal *p, int64_t session_id, const json_t *body, db_doc *out,
                            dna_err *err)
{
    const char *theme = json_in_str(body, "theme_code");
    if (theme && !text_is_slug(theme))
        return dna_err_field(err, "theme_code", "must be a slug such as wachttijd-telefoon");
    dna_status st = sessions_exists(session_id, err);
    if (st != DNA_OK)
        return st;
    char session[24];
    snprintf(session, sizeof session, "%lld", (long long)session_id);
    note_request q = {.body = body, .session = session};
    db_write w = {.res = &INSIGHT_OF,
                  .who = p,
                  .action = "create",
                  .changes = body,
                  .if_match = -1,
                  .step = insight_step,
                  .arg = &q};
    return hand_over(db_write_run(&w, NULL, err), &q, out);
}
