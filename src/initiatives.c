/* initiatives.c: SQL and rules for initiatives, their progress updates,
 * participants and links. Counts are read when shown (indexes on every
 * link table make that cheap), so joining or linking never touches the
 * initiative's version: a trigger of 0008 moves only its updated_at. */
#include "initiatives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authz.h"
#include "db_write.h"
#include "lifecycle.h"
#include "members.h"
#include "text.h"

const char *const INITIATIVE_STATUSES[] = {"idea", "active", "completed", "stopped", NULL};
/* A new initiative is an idea, or one that already runs. */
static const char *const CREATE_STATUSES[] = {"idea", "active", NULL};

/* The status moves of domain.md, read strictly: idea → active, active →
 * completed or stopped, and nothing else (completed and stopped are final). */
static const struct {
    const char *from;
    const char *const to[3];
} MOVES[] = {
    {"idea", {"active", NULL}},
    {"active", {"completed", "stopped", NULL}},
    {"completed", {NULL}},
    {"stopped", {NULL}},
};

const field_spec INITIATIVES_CREATE_FIELDS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "summary", .type = F_STRING, .required = 1, .maxlen = 5000},
    {.name = "department", .type = F_STRING, .maxlen = 16},
    {.name = "status", .type = F_ENUM, .values = CREATE_STATUSES},
    {.name = NULL},
};

/* In a merge patch `required` means "not null". */
const field_spec INITIATIVES_PATCH_FIELDS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "summary", .type = F_STRING, .required = 1, .maxlen = 5000},
    {.name = "department", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "owner_id", .type = F_INT, .required = 1, .min = 1, .max = JSON_IN_ID_MAX},
    {.name = "status", .type = F_ENUM, .required = 1, .values = INITIATIVE_STATUSES},
    {.name = NULL},
};

const field_spec INITIATIVES_UPDATE_FIELDS[] = {
    {.name = "text", .type = F_STRING, .required = 1, .maxlen = 5000},
    {.name = NULL},
};

const char *const *initiatives_moves(const char *status)
{
    static const char *const NONE[] = {NULL};
    for (size_t i = 0; status && i < sizeof MOVES / sizeof MOVES[0]; i++)
        if (strcmp(MOVES[i].from, status) == 0)
            return MOVES[i].to;
    return NONE;
}

/* ---- how an initiative is shown ----------------------------------------------
 * From initiatives i with its department (d) and owner (om); `pseudo` is a
 * SQL boolean (analysts see the owner's pseudonym only). The detail adds
 * the participants, linked reports and themes, each shown as PUT answers it. */

// clang-format off
#define INITIATIVE_FIELDS(pseudo)                                                                            \
    "'id', i.id, 'title', i.title, 'summary', i.summary, 'status', i.status, 'department', d.code, "        \
    MEMBER_REF("owner", "i.owner_id", "om", pseudo) ","                                                      \
    " 'participants_count', (SELECT count(*) FROM initiative_participants p WHERE p.initiative_id = i.id),"  \
    " 'updates_count', (SELECT count(*) FROM initiative_updates u WHERE u.initiative_id = i.id),"            \
    " 'reports_count', (SELECT count(*) FROM initiative_reports lr WHERE lr.initiative_id = i.id),"         \
    " 'theme_codes', ARRAY(SELECT lt.theme_code FROM initiative_themes lt WHERE lt.initiative_id = i.id"    \
    "   ORDER BY lt.theme_code),"                                                                            \
    " 'started_at', rfc3339(i.started_at), 'closed_at', rfc3339(i.closed_at),"                              \
    " 'created_at', rfc3339(i.created_at), 'updated_at', rfc3339(i.updated_at)"

#define INITIATIVES_FROM                                                                                     \
    " FROM initiatives i JOIN departments d ON d.id = i.department_id JOIN members om ON om.id = i.owner_id"

#define PARTICIPANT_JSON(pseudo)                                                                             \
    "json_build_object(" MEMBER_REF("member", "p.member_id", "pm", pseudo) ","                               \
    " 'joined_at', rfc3339(p.joined_at))"
#define PARTICIPANTS_FROM " FROM initiative_participants p JOIN members pm ON pm.id = p.member_id"

#define LINKED_REPORT_JSON                                                                                   \
    "json_build_object('id', r.id, 'title', r.title, 'status', r.status, 'linked_at', rfc3339(lr.linked_at))"
#define LINKED_REPORTS_FROM " FROM initiative_reports lr JOIN reports r ON r.id = lr.report_id"

#define LINKED_THEME_JSON                                                                                    \
    "json_build_object('code', t.code, 'title', t.title, 'linked_at', rfc3339(lt.linked_at))"
#define LINKED_THEMES_FROM " FROM initiative_themes lt JOIN complaint_themes t ON t.code = lt.theme_code"

/* $1 the initiative, $2 pseudo. */
static const db_stmt GET = {
    "initiatives_get",
    "SELECT json_build_object(" INITIATIVE_FIELDS("$2::boolean") ","
    " 'participants', COALESCE((SELECT json_agg(" PARTICIPANT_JSON("$2::boolean")
    "   ORDER BY p.joined_at, p.member_id)" PARTICIPANTS_FROM " WHERE p.initiative_id = i.id), '[]'),"
    " 'reports', COALESCE((SELECT json_agg(" LINKED_REPORT_JSON " ORDER BY r.id)" LINKED_REPORTS_FROM
    "   WHERE lr.initiative_id = i.id), '[]'),"
    " 'themes', COALESCE((SELECT json_agg(" LINKED_THEME_JSON " ORDER BY t.code)" LINKED_THEMES_FROM
    "   WHERE lt.initiative_id = i.id), '[]'))::text, i.version"
    INITIATIVES_FROM " WHERE i.id = $1::bigint"};

/* One link as PUT answers it: $1 the initiative, $2 the target (, $3 pseudo). */
static const db_stmt PARTICIPANT = {
    "initiatives_participant",
    "SELECT " PARTICIPANT_JSON("$3::boolean") "::text, 0" PARTICIPANTS_FROM
    " WHERE p.initiative_id = $1::bigint AND p.member_id = $2::bigint"};
static const db_stmt LINKED_REPORT = {
    "initiatives_linked_report",
    "SELECT " LINKED_REPORT_JSON "::text, 0" LINKED_REPORTS_FROM
    " WHERE lr.initiative_id = $1::bigint AND lr.report_id = $2::bigint"};
static const db_stmt LINKED_THEME = {
    "initiatives_linked_theme",
    "SELECT " LINKED_THEME_JSON "::text, 0" LINKED_THEMES_FROM
    " WHERE lt.initiative_id = $1::bigint AND lt.theme_code = $2"};

#define UPDATE_JSON(u, pseudo)                                                                               \
    "json_build_object('id', " u ".id, 'initiative_id', " u ".initiative_id, 'text', " u ".text, "          \
    MEMBER_REF("author", u ".author_id", "m", pseudo) ","                                                    \
    " 'created_at', rfc3339(" u ".created_at), 'updated_at', rfc3339(" u ".updated_at))"
// clang-format on

static const db_stmt EXISTS = {"initiatives_exists", "SELECT 1 FROM initiatives WHERE id = $1::bigint"};

static const listing_filter FILTERS[] = {
    {"status", LISTING_ENUM_SET, .values = INITIATIVE_STATUSES, .where = "i.status = ANY ({})"},
    {"department", LISTING_TEXT, .maxlen = 16, .where = "d.code = {}"},
    {"theme_code", LISTING_TEXT, .maxlen = 64,
     .where =
         "EXISTS (SELECT 1 FROM initiative_themes lt WHERE lt.initiative_id = i.id AND lt.theme_code = {})"},
    {"owner_id", LISTING_INT, .min = 1, .max = JSON_IN_ID_MAX, .where = "i.owner_id = {}", .member_id = 1},
    {"q", LISTING_TEXT, .maxlen = 200,
     .where = "i.title ILIKE like_anywhere({}) OR i.summary ILIKE like_anywhere({})"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};

static const listing_sort SORTS[] = {
    {"created_at", "i.created_at", "timestamptz"},
    {"updated_at", "i.updated_at", "timestamptz"},
    {"title", "i.title", "text"},
    {NULL},
};

const listing_def INITIATIVES_LIST = {
    .name = "initiatives",
    .row = "json_build_object(" INITIATIVE_FIELDS("{pseudo}") ")::text",
    .from = INITIATIVES_FROM,
    .id = "i.id",
    .updated_at = "i.updated_at",
    .csv_header = "id,title,summary,status,department,owner_id,owner_name,owner_pseudonym,participants_count,"
                  "updates_count,reports_count,theme_codes,started_at,closed_at,created_at,updated_at",
    .default_sort = "-created_at",
    .filters = FILTERS,
    .sorts = SORTS,
};

static const listing_filter UPDATE_FILTERS[] = {
    {"initiative", LISTING_CONTEXT, .type = "bigint", .where = "u.initiative_id = {}"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};
static const listing_sort UPDATE_SORTS[] = {{"created_at", "u.created_at", "timestamptz"}, {NULL}};

const listing_def INITIATIVE_UPDATES_LIST = {
    .name = "initiative_updates",
    .row = UPDATE_JSON("u", "{pseudo}") "::text",
    .from = " FROM initiative_updates u JOIN members m ON m.id = u.author_id",
    .id = "u.id",
    .updated_at = "u.updated_at",
    .csv_header = "id,initiative_id,text,author_id,author_name,author_pseudonym,created_at,updated_at",
    .default_sort = "-created_at",
    .filters = UPDATE_FILTERS,
    .sorts = UPDATE_SORTS,
};

/* ---- what every write shares ------------------------------------------------ */

/* A department code that names none, or an owner who is no active member,
 * leaves the column NULL: the not-null violation names the field. */
static const db_field_error ERRORS[] = {
    {"department_id", "department", "is not a known department code"},
    {"owner_id", "owner_id", "is not an active member"},
    {"initiatives_title_check", "title", "must not be blank"},
    {"initiatives_summary_check", "summary", "must not be blank"},
    {"initiative_updates_text_check", "text", "must not be blank"},
    {NULL},
};

/* The locked initiative: version, status, owner. */
static const db_stmt LOCK = {
    "initiatives_lock", "SELECT version, status, owner_id FROM initiatives WHERE id = $1::bigint FOR UPDATE"};

static const db_resource INITIATIVE = {
    .entity = "initiative", .lock = &LOCK, .fetch = &GET, .errors = ERRORS};

static const char *pseudo_of(const principal *p)
{
    return p->pseudonymise ? "true" : "false";
}

dna_status initiatives_get(const principal *p, int64_t id, db_doc *out, dna_err *err)
{
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    const char *view[1] = {pseudo_of(p)};
    return db_read_doc(&INITIATIVE, key, view, 1, out, err);
}

dna_status initiatives_exists(int64_t id, dna_err *err)
{
    return db_read_exists("initiative", &EXISTS, id, err);
}

/* The owner of the locked row (column 2) is the caller. */
static int owns(const principal *p, const PGresult *row)
{
    return authz_is_self(p, strtoll(PQgetvalue(row, 0, 2), NULL, 10));
}

/* ---- start and change ---------------------------------------------------------- */

static const db_stmt INSERT = {
    "initiatives_insert",
    "INSERT INTO initiatives (title, summary, owner_id, department_id, status, started_at)"
    " SELECT $1, $2, m.id, CASE WHEN $4::text IS NULL THEN m.department_id"
    "   ELSE (SELECT id FROM departments WHERE code = $4::text) END,"
    "   COALESCE($5::text, 'idea'), CASE WHEN $5::text = 'active' THEN now() END"
    " FROM members m WHERE m.id = $3::bigint RETURNING id"};

/* The fields the patch ($2) holds; none of them may be null. A status move
 * (checked before) stamps when the initiative started or closed. */
static const db_stmt UPDATE = {
    "initiatives_update",
    "UPDATE initiatives i SET title = COALESCE($2::jsonb->>'title', i.title),"
    " summary = COALESCE($2::jsonb->>'summary', i.summary),"
    " department_id = CASE WHEN $2::jsonb ? 'department'"
    "   THEN (SELECT id FROM departments WHERE code = $2::jsonb->>'department') ELSE i.department_id END,"
    " owner_id = CASE WHEN $2::jsonb ? 'owner_id' THEN (SELECT id FROM members"
    "   WHERE id = ($2::jsonb->>'owner_id')::bigint AND active AND erased_at IS NULL) ELSE i.owner_id END,"
    " status = COALESCE($2::jsonb->>'status', i.status),"
    " started_at = CASE WHEN i.status = 'idea' AND $2::jsonb->>'status' = 'active' THEN now()"
    "   ELSE i.started_at END,"
    " closed_at = CASE WHEN i.status = 'active' AND $2::jsonb->>'status' IN ('completed', 'stopped') THEN "
    "now()"
    "   ELSE i.closed_at END"
    " WHERE i.id = $1::bigint"};

static dna_status create_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const json_t *b = w->changes;
    const char *params[5] = {json_in_str(b, "title"), json_in_str(b, "summary"), w->member,
                             json_in_str(b, "department"), json_in_str(b, "status")};
    return db_write_insert(c, w, &INSERT, 5, params, err);
}

dna_status initiatives_create(const principal *p, const json_t *body, db_doc *out, dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "initiatives are started by members");
    db_write w = {.res = &INITIATIVE,
                  .who = p,
                  .action = "create",
                  .changes = body,
                  .if_match = -1,
                  .step = create_step,
                  .view = {pseudo_of(p)},
                  .nview = 1};
    return db_write_run(&w, out, err);
}

/* `row`: the locked initiative (version, status, owner). */
static dna_status may_change(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)c;
    if (!owns(w->who, row) && !authz_has(w->who, ROLE_PROGRAM_MANAGER))
        return dna_err_set(err, DNA_FORBIDDEN, "only its owner and program managers change an initiative");
    return DNA_OK;
}

static dna_status update_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    const char *from = PQgetvalue(row, 0, 1), *to = json_in_str(w->changes, "status");
    const char *const *moves = initiatives_moves(from);
    if (to && strcmp(from, to) != 0 && !text_in_list(to, moves))
        return lifecycle_refuse(err, "initiative", from, to, moves);
    char *text = json_dumps(w->changes, JSON_COMPACT);
    if (text == NULL)
        return DNA_ERROR;
    const char *params[2] = {w->key, text};
    dna_status st = db_write_exec(c, w, &UPDATE, 2, params, NULL, err);
    free(text);
    return st;
}

dna_status initiatives_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                              db_doc *out, dna_err *err)
{
    db_write w = {.res = &INITIATIVE,
                  .who = p,
                  .action = "update",
                  .changes = patch,
                  .if_match = if_match,
                  .check = may_change,
                  .step = update_step,
                  .view = {pseudo_of(p)},
                  .nview = 1};
    db_write_key(&w, id);
    return db_write_run(&w, out, err);
}

/* ---- progress updates ------------------------------------------------------------ */

/* Written only when the author may ($4: owner or program manager) or takes
 * part; no row means neither. */
static const db_stmt ADD_UPDATE = {
    "initiatives_add_update",
    "WITH u AS (INSERT INTO initiative_updates (initiative_id, author_id, text)"
    "   SELECT $1::bigint, $2::bigint, $3 WHERE $4::boolean OR EXISTS (SELECT 1 FROM initiative_participants "
    "p"
    "     WHERE p.initiative_id = $1::bigint AND p.member_id = $2::bigint) RETURNING *)"
    " SELECT u.id, " UPDATE_JSON("u", "false") "::text FROM u JOIN members m ON m.id = u.author_id"};

/* The lock is the initiative's; the audit entry names the new update. */
static const db_resource UPDATE_OF = {
    .entity = "initiative_update", .parent = "initiative", .lock = &LOCK, .errors = ERRORS};

static dna_status post_update_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    char **json = w->arg;
    int privileged = owns(w->who, row) || authz_has(w->who, ROLE_PROGRAM_MANAGER);
    const char *params[4] = {w->key, w->member, json_in_str(w->changes, "text"),
                             privileged ? "true" : "false"};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &ADD_UPDATE, 4, params, &r, err);
    if (st != DNA_OK)
        return st;
    if (PQntuples(r) != 1) {
        PQclear(r);
        return dna_err_set(err, DNA_FORBIDDEN,
                           "progress updates come from the owner, participants and program "
                           "managers");
    }
    text_clip(w->key, sizeof w->key, PQgetvalue(r, 0, 0));
    *json = strdup(PQgetvalue(r, 0, 1));
    PQclear(r);
    return *json ? DNA_CREATED : DNA_ERROR;
}

dna_status initiatives_post_update(const principal *p, int64_t id, const json_t *body, db_doc *out,
                                   dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "progress updates are signed by members");
    char *json = NULL;
    db_write w = {.res = &UPDATE_OF,
                  .who = p,
                  .action = "create",
                  .changes = body,
                  .if_match = -1,
                  .step = post_update_step,
                  .arg = &json};
    db_write_key(&w, id);
    dna_status st = db_write_run(&w, NULL, err);
    if (st != DNA_CREATED) {
        free(json);
        return st;
    }
    out->json = json;
    text_json_compact(out->json, strlen(out->json));
    return st;
}

/* ---- participants and links -------------------------------------------------------
 * Each kind is a row of LINKS: its statements, who may, and how it is named.
 * A link statement answers (the target exists, a row changed). */

static const db_stmt JOIN = {
    "initiatives_join",
    "WITH target AS (SELECT id FROM members WHERE id = $2::bigint AND active AND erased_at IS NULL),"
    " ins AS (INSERT INTO initiative_participants (initiative_id, member_id) SELECT $1::bigint, id FROM "
    "target"
    "   ON CONFLICT DO NOTHING RETURNING 1)"
    " SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM ins)"};
static const db_stmt LEAVE = {"initiatives_leave", "WITH del AS (DELETE FROM initiative_participants WHERE "
                                                   "initiative_id = $1::bigint AND member_id = $2::bigint"
                                                   "   RETURNING 1) SELECT 1, (SELECT count(*) FROM del)"};
static const db_stmt LINK_REPORT = {
    "initiatives_link_report",
    "WITH target AS (SELECT id FROM reports WHERE id = $2::bigint),"
    " ins AS (INSERT INTO initiative_reports (initiative_id, report_id) SELECT $1::bigint, id FROM target"
    "   ON CONFLICT DO NOTHING RETURNING 1)"
    " SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM ins)"};
static const db_stmt UNLINK_REPORT = {
    "initiatives_unlink_report",
    "WITH del AS (DELETE FROM initiative_reports WHERE initiative_id = $1::bigint AND report_id = $2::bigint"
    "   RETURNING 1) SELECT 1, (SELECT count(*) FROM del)"};
static const db_stmt LINK_THEME = {
    "initiatives_link_theme",
    "WITH target AS (SELECT code FROM complaint_themes WHERE code = $2),"
    " ins AS (INSERT INTO initiative_themes (initiative_id, theme_code) SELECT $1::bigint, code FROM target"
    "   ON CONFLICT DO NOTHING RETURNING 1)"
    " SELECT (SELECT count(*) FROM target), (SELECT count(*) FROM ins)"};
static const db_stmt UNLINK_THEME = {
    "initiatives_unlink_theme",
    "WITH del AS (DELETE FROM initiative_themes WHERE initiative_id = $1::bigint AND theme_code = $2"
    "   RETURNING 1) SELECT 1, (SELECT count(*) FROM del)"};

static const struct {
    db_resource res;   /* the audit entity, the initiative's lock, the link as PUT answers it */
    const char *field; /* the audit entry's change: {"member_id": 7} */
    const char *noun;  /* "no such <noun>" */
    const char *what;  /* "no <what> <target>" */
    unsigned roles;    /* who may besides the owner */
    int self;          /* a member may for themself */
    const char *refused;
    const db_stmt *link, *unlink;
} LINKS[] = {
    [INITIATIVE_PARTICIPANT] =
        {
            .res = {.entity = "initiative_participant",
                    .parent = "initiative",
                    .lock = &LOCK,
                    .fetch = &PARTICIPANT,
                    .errors = ERRORS},
            .field = "member_id",
            .noun = "member",
            .what = "active member with id",
            .roles = ROLE_PROGRAM_MANAGER,
            .self = 1,
            .refused =
                "members join and leave themselves; the owner and program managers add or remove anyone",
            .link = &JOIN,
            .unlink = &LEAVE,
        },
    [INITIATIVE_REPORT] =
        {
            .res = {.entity = "initiative_report",
                    .parent = "initiative",
                    .lock = &LOCK,
                    .fetch = &LINKED_REPORT,
                    .errors = ERRORS},
            .field = "report_id",
            .noun = "report",
            .what = "report with id",
            .roles = ROLE_DEREGULATION_TEAM | ROLE_PROGRAM_MANAGER,
            .refused = "the owner, the deregulation team and program managers link reports",
            .link = &LINK_REPORT,
            .unlink = &UNLINK_REPORT,
        },
    [INITIATIVE_THEME] =
        {
            .res = {.entity = "initiative_theme",
                    .parent = "initiative",
                    .lock = &LOCK,
                    .fetch = &LINKED_THEME,
                    .errors = ERRORS},
            .field = "theme_code",
            .noun = "complaint theme",
            .what = "complaint theme with code",
            .roles = ROLE_PROGRAM_MANAGER,
            .refused = "the owner and program managers link complaint themes",
            .link = &LINK_THEME,
            .unlink = &UNLINK_THEME,
        },
};

typedef struct {
    initiative_link kind;
    const char *target;
    int on;
} link_request;

static dna_status link_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    const link_request *q = w->arg;
    const char *self = LINKS[q->kind].self ? w->member : "";
    if (!owns(w->who, row) && !authz_has(w->who, LINKS[q->kind].roles) && strcmp(self, q->target) != 0)
        return dna_err_set(err, DNA_FORBIDDEN, "%s", LINKS[q->kind].refused);
    const char *params[2] = {w->key, q->target};
    PGresult *r;
    dna_status st =
        db_write_exec(c, w, q->on ? LINKS[q->kind].link : LINKS[q->kind].unlink, 2, params, &r, err);
    if (st != DNA_OK)
        return st;
    int found = strcmp(PQgetvalue(r, 0, 0), "0") != 0, changed = strcmp(PQgetvalue(r, 0, 1), "0") != 0;
    PQclear(r);
    if (!found)
        return dna_err_set(err, DNA_NOT_FOUND, "no %s %s", LINKS[q->kind].what, q->target);
    if (!changed)
        w->action = NULL; /* as it was: no audit entry */
    return !q->on ? DNA_NO_CONTENT : changed ? DNA_CREATED : DNA_OK;
}

/* A target as the path gave it: an id (digits), or a theme's code (a slug). */
static int plausible_target(initiative_link kind, const char *target)
{
    if (kind == INITIATIVE_THEME)
        return text_is_slug(target) && strlen(target) <= 64;
    size_t n = strspn(target, "0123456789");
    return n > 0 && n <= 16 && target[n] == '\0' && target[0] != '0';
}

dna_status initiatives_link(const principal *p, int64_t id, initiative_link kind, const char *target, int on,
                            db_doc *out, dna_err *err)
{
    if (target == NULL || !plausible_target(kind, target))
        return dna_err_set(err, DNA_NOT_FOUND, "no such %s", LINKS[kind].noun);
    json_t *changes = kind == INITIATIVE_THEME
                          ? json_pack("{s:s}", LINKS[kind].field, target)
                          : json_pack("{s:I}", LINKS[kind].field, (json_int_t)strtoll(target, NULL, 10));
    if (changes == NULL)
        return DNA_ERROR;
    link_request q = {.kind = kind, .target = target, .on = on};
    db_write w = {.res = &LINKS[kind].res,
                  .who = p,
                  .action = on ? "link" : "unlink",
                  .changes = changes,
                  .if_match = -1,
                  .step = link_step,
                  .arg = &q,
                  .view = {target, pseudo_of(p)},
                  .nview = kind == INITIATIVE_PARTICIPANT ? 2 : 1};
    db_write_key(&w, id);
    dna_status st = db_write_run(&w, on ? out : NULL, err);
    json_decref(changes);
    return st;
}
