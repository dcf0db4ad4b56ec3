/* themes.c: SQL and rules for the complaint themes, their periods, the
 * batch, the list with totals and trend, and the thread. */
#include "themes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db_write.h"
#include "params.h"
#include "text.h"

const field_spec THEME_PUT_FIELDS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "description", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = NULL},
};

const field_spec THEME_PERIOD_FIELDS[] = {
    {.name = "complaint_count", .type = F_INT, .required = 1, .min = 0, .max = 1000000},
    {.name = "summary", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = NULL},
};

/* A batch item: title and description may be left out for a theme the API
 * knows (it keeps them); a new theme needs a title. */
static const field_spec BATCH_ITEM_FIELDS[] = {
    {.name = "code", .type = F_SLUG, .required = 1},
    {.name = "title", .type = F_STRING, .nullable = 1, .maxlen = 200},
    {.name = "description", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = "complaint_count", .type = F_INT, .required = 1, .min = 0, .max = 1000000},
    {.name = "summary", .type = F_STRING, .nullable = 1, .maxlen = 5000},
    {.name = NULL},
};

const field_spec THEME_BATCH_FIELDS[] = {
    {.name = "period", .type = F_PERIOD, .required = 1},
    {.name = "themes",
     .type = F_OBJECT_ARRAY,
     .required = 1,
     .min = 1,
     .max = THEMES_BATCH_MAX,
     .items = BATCH_ITEM_FIELDS},
    {.name = NULL},
};

static const char SLUG_RULE[] = "must be a lowercase slug of 1 to 64 characters (a-z, 0-9, single hyphens)";

/* ---- reads ------------------------------------------------------------- */

#define THEME_FIELDS                                                                                         \
    "'code', t.code, 'title', t.title, 'description', t.description,"                                        \
    " 'created_at', rfc3339(t.created_at), 'updated_at', rfc3339(t.updated_at)"

static const db_stmt GET = {"themes_get", "SELECT json_build_object(" THEME_FIELDS ")::text, t.version"
                                          " FROM complaint_themes t WHERE t.code = $1"};

#define PERIOD_FIELDS                                                                                        \
    "'period', p.period, 'kind', p.kind, 'complaint_count', p.complaint_count, 'summary', p.summary"

static const db_stmt GET_PERIOD = {
    "themes_get_period",
    "SELECT json_build_object('theme_code', p.theme_code, " PERIOD_FIELDS ","
    " 'created_at', rfc3339(p.created_at), 'updated_at', rfc3339(p.updated_at))::text, p.version"
    " FROM complaint_theme_periods p WHERE p.theme_code = $1 AND p.period = $2"};

/* The thread, in one round trip: what residents complained about (the
 * counts, months and quarters apart), what staff reported, what was learned
 * in sessions, and what is being done. People are not named in it. */
static const db_stmt THREAD = {
    "themes_thread",
    "SELECT json_build_object(" THEME_FIELDS ","
    " 'periods', COALESCE((SELECT json_agg(json_build_object(" PERIOD_FIELDS ")"
    "   ORDER BY p.kind, p.starts_on) FROM complaint_theme_periods p WHERE p.theme_code = t.code), "
    "'[]'),"
    " 'reports', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'title', r.title,"
    "   'status', r.status, 'department', d.code, 'supporters_count', r.supporters_count,"
    "   'created_at', rfc3339(r.created_at)) ORDER BY r.created_at DESC, r.id DESC)"
    "   FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.theme_code = t.code), '[]'),"
    " 'insights', COALESCE((SELECT json_agg(json_build_object('id', i.id, 'text', i.text,"
    "   'created_at', rfc3339(i.created_at), 'session', json_build_object('id', s.id, 'title', s.title,"
    "   'kind', s.kind, 'starts_at', rfc3339(s.starts_at), 'partner', s.partner))"
    "   ORDER BY s.starts_at DESC, i.id)"
    "   FROM session_insights i JOIN sessions s ON s.id = i.session_id WHERE i.theme_code = t.code), '[]'),"
    " 'initiatives', COALESCE((SELECT json_agg(json_build_object('id', n.id, 'title', n.title,"
    "   'status', n.status, 'department', d.code, 'updated_at', rfc3339(n.updated_at)) ORDER BY n.id)"
    "   FROM initiative_themes it JOIN initiatives n ON n.id = it.initiative_id"
    "   JOIN departments d ON d.id = n.department_id WHERE it.theme_code = t.code), '[]')"
    ")::text, t.version FROM complaint_themes t WHERE t.code = $1"};

/* The themes as the office pushes them: PUT is an upsert, so there is no
 * row to lock first. */
static const db_field_error ERRORS[] = {
    {"complaint_themes_code_check", "code", SLUG_RULE},
    {NULL},
};
static const db_resource THEME = {
    .entity = "complaint_theme", .fetch = &GET, .errors = ERRORS, .key_name = "code"};

/* A period belongs to a theme that must exist: the theme's row is the lock. */
static const db_stmt LOCK_THEME = {"themes_lock",
                                   "SELECT version FROM complaint_themes WHERE code = $1 FOR KEY SHARE"};
static const db_resource PERIOD = {.entity = "complaint_theme",
                                   .lock = &LOCK_THEME,
                                   .fetch = &GET_PERIOD,
                                   .errors = ERRORS,
                                   .key_name = "code"};

/* The thread is read like a theme. */
static const db_resource THREAD_OF_THEME = {
    .entity = "complaint theme", .fetch = &THREAD, .key_name = "code"};

/* A batch answers its own summary. */
static const db_resource BATCH = {.entity = "complaint_theme", .errors = ERRORS, .key_name = "code"};

/* The list: totals over the range (complaint_range, migration 0009) and
 * over the range before it, from the series of the range's kind only. */
#define THEMES_FROM                                                                                          \
    " FROM complaint_themes t"                                                                               \
    " CROSS JOIN complaint_range({period_from}, {period_to}, (now() AT TIME ZONE "                           \
    "'Europe/Amsterdam')::date) g"                                                                           \
    " CROSS JOIN LATERAL (SELECT"                                                                            \
    "   COALESCE(sum(p.complaint_count) FILTER (WHERE p.starts_on >= g.from_start), 0) AS total,"            \
    "   COALESCE(sum(p.complaint_count) FILTER (WHERE p.starts_on < g.from_start), 0) AS previous,"          \
    "   count(*) FILTER (WHERE p.starts_on >= g.from_start) AS reported"                                     \
    "   FROM complaint_theme_periods p WHERE p.theme_code = t.code AND p.kind = g.kind"                      \
    "   AND p.starts_on BETWEEN g.prev_from AND g.to_start) c"

#define THEMES_ROW                                                                                           \
    "json_build_object(" THEME_FIELDS ", 'kind', g.kind,"                                                    \
    " 'period_from', complaint_period_name(g.kind, g.from_start),"                                           \
    " 'period_to', complaint_period_name(g.kind, g.to_start), 'periods_reported', c.reported,"               \
    " 'total_complaints', c.total,"                                                                          \
    " 'previous_period_from', complaint_period_name(g.kind, g.prev_from),"                                   \
    " 'previous_period_to', complaint_period_name(g.kind, g.prev_to),"                                       \
    " 'previous_total_complaints', c.previous, 'change', c.total - c.previous,"                              \
    " 'change_percent', CASE WHEN c.previous > 0"                                                            \
    "   THEN round(100.0 * (c.total - c.previous) / c.previous, 1) END,"                                     \
    " 'trend', CASE WHEN c.total > c.previous THEN 'up' WHEN c.total < c.previous THEN 'down'"               \
    "   ELSE 'flat' END)"

static const listing_filter FILTERS[] = {
    {"period_from", LISTING_PERIOD, .where = NULL},
    {"period_to", LISTING_PERIOD, .where = NULL},
    {"q", LISTING_TEXT, .maxlen = 200,
     .where = "t.code ILIKE like_anywhere({}) OR t.title ILIKE like_anywhere({})"},
    {NULL},
};

static const listing_sort SORTS[] = {
    {"total", "c.total", "bigint"},
    {"code", "t.code", "text"},
    {NULL},
};

/* The themes most complained about first: the office's own question. */
const listing_def THEMES_LIST = {
    .name = "complaint_themes",
    .row = THEMES_ROW "::text",
    /* The JSON row's fields, in its order. */
    .columns =
        "t.code, t.title, t.description, rfc3339(t.created_at) AS created_at,"
        " rfc3339(t.updated_at) AS updated_at, g.kind,"
        " complaint_period_name(g.kind, g.from_start) AS period_from,"
        " complaint_period_name(g.kind, g.to_start) AS period_to, c.reported AS periods_reported,"
        " c.total AS total_complaints, complaint_period_name(g.kind, g.prev_from) AS previous_period_from,"
        " complaint_period_name(g.kind, g.prev_to) AS previous_period_to,"
        " c.previous AS previous_total_complaints, c.total - c.previous AS change,"
        " CASE WHEN c.previous > 0 THEN round(100.0 * (c.total - c.previous) / c.previous, 1) END"
        " AS change_percent, CASE WHEN c.total > c.previous THEN 'up' WHEN c.total < c.previous"
        " THEN 'down' ELSE 'flat' END AS trend",
    .from = THEMES_FROM,
    .id = "t.id",
    .updated_at = "t.updated_at",
    .csv_header = "code,title,description,created_at,updated_at,kind,period_from,period_to,periods_reported,"
                  "total_complaints,previous_period_from,previous_period_to,previous_total_complaints,change,"
                  "change_percent,trend",
    .default_sort = "-total",
    .filters = FILTERS,
    .sorts = SORTS,
};

static int period_kind(const char *period)
{
    return period[5] == 'Q';
}

dna_status themes_check_range(const char *from, const char *to, dna_err *err)
{
    if (from == NULL || to == NULL || !params_valid_period(from) || !params_valid_period(to))
        return DNA_OK; /* a missing end has a default; a malformed one is the listing's to name */
    if (period_kind(from) != period_kind(to)) {
        dna_err_field(err, "period_to",
                      "must be of the same kind as period_from (both months or both quarters)");
        return DNA_BAD_REQUEST;
    }
    if (strcmp(from, to) > 0) {
        dna_err_field(err, "period_to", "must not be before period_from");
        return DNA_BAD_REQUEST;
    }
    return DNA_OK;
}

dna_status themes_thread(const char *code, db_doc *out, dna_err *err)
{
    if (!text_is_slug(code))
        return dna_err_set(err, DNA_NOT_FOUND, "no complaint theme with code %s", code);
    return db_read_doc(&THREAD_OF_THEME, code, NULL, 0, out, err);
}

/* ---- writes: one theme, one period -------------------------------------- */

/* Inserts or changes; no row back when nothing differs. (xmax = 0): inserted. */
static const db_stmt UPSERT = {
    "themes_upsert",
    "INSERT INTO complaint_themes AS t (code, title, description) VALUES ($1, $2, $3)"
    " ON CONFLICT (code) DO UPDATE SET title = excluded.title, description = excluded.description"
    " WHERE (t.title, t.description) IS DISTINCT FROM (excluded.title, excluded.description)"
    " RETURNING t.xmax = 0"};

static const db_stmt UPSERT_PERIOD = {
    "themes_upsert_period",
    "INSERT INTO complaint_theme_periods AS p (theme_code, period, complaint_count, summary)"
    " VALUES ($1, $2, $3::integer, $4)"
    " ON CONFLICT (theme_code, period) DO UPDATE SET complaint_count = excluded.complaint_count,"
    " summary = excluded.summary"
    " WHERE (p.complaint_count, p.summary) IS DISTINCT FROM (excluded.complaint_count, excluded.summary)"
    " RETURNING p.xmax = 0"};

/* Runs an upsert: DNA_CREATED, DNA_OK, or DNA_OK with no audit entry when
 * nothing changed. */
static dna_status upsert(db_conn *c, db_write *w, const db_stmt *st, int nparams, const char *const *args,
                         dna_err *err)
{
    PGresult *r;
    dna_status status = db_write_exec(c, w, st, nparams, args, &r, err);
    if (status != DNA_OK)
        return status;
    int changed = PQntuples(r) == 1, created = changed && strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    if (!changed)
        w->action = NULL;
    else if (created)
        w->action = "create";
    return created ? DNA_CREATED : DNA_OK;
}

static dna_status put_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const char *args[3] = {w->key, json_in_str(w->changes, "title"), json_in_str(w->changes, "description")};
    return upsert(c, w, &UPSERT, 3, args, err);
}

dna_status themes_put(const principal *p, const char *code, const json_t *body, idem_key *idem, db_doc *out,
                      dna_err *err)
{
    if (!text_is_slug(code))
        return dna_err_field(err, "code", SLUG_RULE);
    db_write w = {.res = &THEME,
                  .who = p,
                  .action = "update",
                  .changes = body,
                  .if_match = -1,
                  .step = put_step,
                  .idem = idem};
    text_clip(w.key, sizeof w.key, code);
    return db_write_run(&w, out, err);
}

static dna_status period_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    char count[24];
    snprintf(count, sizeof count, "%lld",
             (long long)json_integer_value(json_object_get(w->changes, "complaint_count")));
    const char *args[4] = {w->key, w->view[0], count, json_in_str(w->changes, "summary")};
    dna_status st = upsert(c, w, &UPSERT_PERIOD, 4, args, err);
    if (w->action != NULL)
        w->action = "update"; /* the theme's counts changed: one kind of entry */
    return st;
}

dna_status themes_put_period(const principal *p, const char *code, const char *period, const json_t *body,
                             idem_key *idem, db_doc *out, dna_err *err)
{
    if (!text_is_slug(code))
        return dna_err_set(err, DNA_NOT_FOUND, "no complaint theme with code %s", code);
    if (!params_valid_period(period))
        return dna_err_field(err, "period", "must be a month YYYY-MM or a quarter YYYY-Qn (2000..2099)");
    /* The audit entry says which period changed. */
    json_t *changes = json_deep_copy(body);
    if (changes == NULL || json_object_set_new(changes, "period", json_string(period)) != 0) {
        json_decref(changes);
        return DNA_ERROR;
    }
    db_write w = {.res = &PERIOD,
                  .who = p,
                  .action = "update",
                  .changes = changes,
                  .if_match = -1,
                  .step = period_step,
                  .view = {period},
                  .nview = 1,
                  .idem = idem};
    text_clip(w.key, sizeof w.key, code);
    dna_status st = db_write_run(&w, out, err);
    json_decref(changes);
    return st;
}

/* ---- the batch ------------------------------------------------------------ */

/* The items (the JSON array in parameter `items`), numbered from 0 as the
 * client sent them; a title or description left out keeps the stored one. */
#define BATCH_INPUT(items)                                                                                   \
    "input AS (SELECT (e.ord - 1)::int AS ord, x.code, COALESCE(x.title, cur.title) AS title,"               \
    " CASE WHEN e.item ? 'description' THEN x.description ELSE cur.description END AS description,"          \
    " x.complaint_count, x.summary"                                                                          \
    " FROM jsonb_array_elements(" items "::jsonb) WITH ORDINALITY AS e(item, ord)"                           \
    " CROSS JOIN LATERAL jsonb_to_record(e.item) AS x(code text, title text, description text,"              \
    " complaint_count integer, summary text)"                                                                \
    " LEFT JOIN complaint_themes cur ON cur.code = x.code)"

/* Items without a title for a theme the API does not know yet. */
static const db_stmt BATCH_UNTITLED = {
    "themes_batch_untitled",
    "WITH " BATCH_INPUT("$1") " SELECT ord FROM input WHERE title IS NULL ORDER BY ord"};

/* Every theme and its period in one statement, in code order (two batches
 * at once lock in the same order); an audit entry per theme that changed;
 * the answer says per item what became of the theme and of its count. */
static const db_stmt BATCH_STORE = {
    "themes_batch",
    "WITH " BATCH_INPUT(
        "$2") ","
              " themes AS (INSERT INTO complaint_themes AS t (code, title, description)"
              "   SELECT code, title, description FROM input ORDER BY code"
              "   ON CONFLICT (code) DO UPDATE SET title = excluded.title, description = excluded.description"
              "   WHERE (t.title, t.description) IS DISTINCT FROM (excluded.title, excluded.description)"
              "   RETURNING t.code, t.xmax = 0 AS created),"
              " periods AS (INSERT INTO complaint_theme_periods AS p (theme_code, period, complaint_count, "
              "summary)"
              "   SELECT code, $1, complaint_count, summary FROM input ORDER BY code"
              "   ON CONFLICT (theme_code, period) DO UPDATE SET complaint_count = excluded.complaint_count,"
              "   summary = excluded.summary"
              "   WHERE (p.complaint_count, p.summary) IS DISTINCT FROM (excluded.complaint_count, "
              "excluded.summary)"
              "   RETURNING p.theme_code AS code, p.xmax = 0 AS created),"
              " outcome AS (SELECT i.ord, i.code, i.complaint_count, i.summary,"
              "   CASE WHEN t.code IS NULL THEN 'unchanged' WHEN t.created THEN 'created' ELSE 'changed' END "
              "AS theme,"
              "   CASE WHEN p.code IS NULL THEN 'unchanged' WHEN p.created THEN 'created' ELSE 'changed' END "
              "AS count"
              "   FROM input i LEFT JOIN themes t ON t.code = i.code LEFT JOIN periods p ON p.code = i.code),"
              " aud AS (INSERT INTO audit_log (actor, action, entity, entity_id, changes)"
              "   SELECT $3, CASE WHEN o.theme = 'created' THEN 'create' ELSE 'update' END, "
              "'complaint_theme', o.code,"
              "   jsonb_build_object('batch', true, 'period', $1, 'theme', o.theme, 'count', o.count,"
              "   'complaint_count', o.complaint_count, 'summary', o.summary)"
              "   FROM outcome o WHERE o.theme <> 'unchanged' OR o.count <> 'unchanged' ORDER BY o.ord)"
              " SELECT json_build_object('period', $1::text, 'kind', CASE WHEN substr($1, 6, 1) = 'Q' THEN "
              "'quarter'"
              "   ELSE 'month' END, 'received', count(*),"
              "   'themes_created', count(*) FILTER (WHERE theme = 'created'),"
              "   'themes_changed', count(*) FILTER (WHERE theme = 'changed'),"
              "   'counts_created', count(*) FILTER (WHERE count = 'created'),"
              "   'counts_changed', count(*) FILTER (WHERE count = 'changed'),"
              "   'unchanged', count(*) FILTER (WHERE theme = 'unchanged' AND count = 'unchanged'),"
              "   'themes', json_agg(json_build_object('code', code, 'theme', theme, 'count', count) ORDER "
              "BY ord))::text"
              " FROM outcome"};

/* Each code once (json_in checked that they are slugs). */
static dna_status check_codes(const json_t *themes, dna_err *err)
{
    size_t i, n = json_array_size(themes);
    for (i = 0; i < n; i++) {
        const char *code = json_in_str(json_array_get(themes, i), "code");
        char field[48];
        snprintf(field, sizeof field, "themes[%zu].code", i);
        for (size_t j = 0; j < i; j++)
            if (strcmp(code, json_in_str(json_array_get(themes, j), "code")) == 0) {
                char msg[64];
                snprintf(msg, sizeof msg, "repeats themes[%zu].code", j);
                dna_err_field(err, field, msg);
                break;
            }
    }
    return err->errors ? DNA_INVALID : DNA_OK;
}

static dna_status batch_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const char **text = w->arg;
    const char *args[3] = {json_in_str(w->changes, "period"), text[0], text[1]};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &BATCH_UNTITLED, 1, args + 1, &r, err);
    if (st != DNA_OK)
        return st;
    for (int i = 0; i < PQntuples(r); i++) {
        char field[48];
        snprintf(field, sizeof field, "themes[%s].title", PQgetvalue(r, i, 0));
        dna_err_field(err, field, "is required for a theme that is new to the API");
    }
    PQclear(r);
    if (err->errors)
        return DNA_INVALID;
    if ((st = db_write_exec(c, w, &BATCH_STORE, 3, args, &r, err)) != DNA_OK)
        return st;
    w->answer = db_first_value(r);
    PQclear(r);
    if (w->answer != NULL)
        text_json_compact(w->answer, strlen(w->answer));
    w->action = NULL; /* the statement wrote an entry per theme */
    return w->answer != NULL ? DNA_OK : DNA_ERROR;
}

dna_status themes_batch(const principal *p, const json_t *body, idem_key *idem, db_doc *out, dna_err *err)
{
    const json_t *themes = json_object_get(body, "themes");
    dna_status st = check_codes(themes, err);
    if (st != DNA_OK)
        return st;
    char actor[160];
    audit_actor(p, actor);
    char *items = json_dumps(themes, JSON_COMPACT);
    if (items == NULL)
        return DNA_ERROR;
    const char *text[2] = {items, actor};
    db_write w = {.res = &BATCH,
                  .who = p,
                  .action = "update",
                  .changes = body,
                  .if_match = -1,
                  .step = batch_step,
                  .arg = (void *)text,
                  .idem = idem};
    text_clip(w.key, sizeof w.key, json_in_str(body, "period"));
    st = db_write_run(&w, out, err);
    free(items);
    return st;
}
