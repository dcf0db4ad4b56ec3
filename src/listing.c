/* listing.c: statements generated from listing declarations, filters read
 * and bound by name, JSON pages with their next cursor, row streams. */
#include "listing.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynbuf.h"
#include "log.h"
#include "params.h"
#include "text.h"

#define PAGE_BODY_MAX (64u * 1024 * 1024)
#define SQL_MAX (64u * 1024)
#define MAX_PLANS 64
/* After the filters: updated_since, the cursor's value and id, the limit. */
#define EXTRA_PARAMS 4

static const char *const COLLECTION_KEYS[] = {"limit", "cursor", "updated_since", "sort", "format",
                                              "bom",   NULL};

/* ---- the generated statements ------------------------------------------- */

/* stmts[((sort * 2) + descending) * 2 + columns] */
typedef struct {
    const listing_def *def;
    int nfilters, nsorts;
    db_stmt *stmts;
} plan;

static pthread_mutex_t plans_lock = PTHREAD_MUTEX_INITIALIZER;
static plan *plans[MAX_PLANS];
static int nplans;

static int count_filters(const listing_def *def)
{
    int n = 0;
    while (def->filters && def->filters[n].name)
        n++;
    return n;
}

static const char *sql_type(const listing_filter *f)
{
    switch (f->kind) {
    case LISTING_ENUM_SET: return "text[]";
    case LISTING_INT: return "bigint";
    case LISTING_BOOL: return "boolean";
    case LISTING_DATE: return "date";
    case LISTING_DATETIME: return "timestamptz";
    case LISTING_CONTEXT: return f->type ? f->type : "text";
    default: return "text";
    }
}

static int filter_index(const listing_def *def, const char *name, size_t len)
{
    for (int i = 0; def->filters && def->filters[i].name; i++)
        if (strlen(def->filters[i].name) == len && strncmp(def->filters[i].name, name, len) == 0)
            return i;
    return -1;
}

static void param_ref(dynbuf *b, const listing_def *def, int index)
{
    dynbuf_printf(b, "$%d::%s", index + 1, sql_type(&def->filters[index]));
}

/* Appends a fragment with {} (the filter `self`, or -1) and {name} replaced
 * by their parameters; any other brace is copied as it stands. */
static void expand(dynbuf *b, const listing_def *def, const char *fragment, int self)
{
    for (const char *p = fragment; *p;) {
        if (*p == '{') {
            size_t len = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_");
            int index = len == 0 ? self : filter_index(def, p + 1, len);
            if (p[len + 1] == '}' && index >= 0) {
                param_ref(b, def, index);
                p += len + 2;
                continue;
            }
        }
        dynbuf_add(b, p, 1);
        p++;
    }
}

static char *generate(const listing_def *def, int nfilters, const listing_sort *s, int desc, int columns)
{
    dynbuf b;
    dynbuf_init(&b, SQL_MAX);
    dynbuf_str(&b, "SELECT ");
    if (columns) {
        expand(&b, def, def->columns, -1);
    } else {
        expand(&b, def, def->row, -1);
        dynbuf_printf(&b, ", (%s)::text, %s", s->column, def->id);
    }
    expand(&b, def, def->from, -1);
    dynbuf_str(&b, " WHERE ");
    for (int i = 0; i < nfilters; i++) {
        const listing_filter *f = &def->filters[i];
        if (f->where == NULL) {
            /* Named in no condition (used in `from`, or nowhere): its
             * parameter still needs a type. */
            dynbuf_str(&b, "(");
            param_ref(&b, def, i);
            dynbuf_str(&b, " IS NULL OR true) AND ");
            continue;
        }
        if (f->kind == LISTING_CONTEXT) {
            dynbuf_str(&b, "(");
        } else {
            dynbuf_str(&b, "(");
            param_ref(&b, def, i);
            dynbuf_str(&b, " IS NULL OR ");
        }
        dynbuf_str(&b, "(");
        expand(&b, def, f->where, i);
        dynbuf_str(&b, ")) AND ");
    }
    int u = nfilters + 1, v = nfilters + 2, c = nfilters + 3, l = nfilters + 4;
    dynbuf_printf(&b, "($%d::timestamptz IS NULL OR %s >= $%d::timestamptz)", u, def->updated_at, u);
    dynbuf_printf(&b, " AND ($%d::bigint IS NULL OR (%s, %s) %s ($%d::%s, $%d::bigint))", c, s->column,
                  def->id, desc ? "<" : ">", v, s->type, c);
    dynbuf_printf(&b, " ORDER BY %s%s, %s%s LIMIT $%d::bigint", s->column, desc ? " DESC" : "", def->id,
                  desc ? " DESC" : "", l);
    if (b.failed)
        return NULL;
    char *sql = b.data;
    return sql;
}

static plan *build_plan(const listing_def *def)
{
    plan *pl = calloc(1, sizeof *pl);
    if (pl == NULL)
        return NULL;
    pl->def = def;
    pl->nfilters = count_filters(def);
    while (def->sorts[pl->nsorts].name)
        pl->nsorts++;
    if (pl->nfilters > LISTING_MAX_FILTERS ||
        (pl->stmts = calloc((size_t)pl->nsorts * 4, sizeof *pl->stmts)) == NULL) {
        free(pl);
        return NULL;
    }
    for (int s = 0; s < pl->nsorts; s++)
        for (int d = 0; d < 2; d++)
            for (int col = 0; col < (def->columns ? 2 : 1); col++) {
                db_stmt *st = &pl->stmts[(s * 2 + d) * 2 + col];
                char name[128];
                snprintf(name, sizeof name, "%s_%s_%s%s", def->name, def->sorts[s].name, d ? "desc" : "asc",
                         col ? "_columns" : "");
                st->name = strdup(name);
                st->sql = generate(def, pl->nfilters, &def->sorts[s], d, col);
                if (st->name == NULL || st->sql == NULL) {
                    log_event(LOG_ERROR, "cannot generate a listing's statements", NULL);
                    return NULL; /* leaks the partial plan: a start-up bug, never a request's */
                }
            }
    return pl;
}

/* The plan of a listing, generated on first use. */
static const plan *plan_of(const listing_def *def)
{
    pthread_mutex_lock(&plans_lock);
    plan *found = NULL;
    for (int i = 0; i < nplans && found == NULL; i++)
        if (plans[i]->def == def)
            found = plans[i];
    if (found == NULL && nplans < MAX_PLANS && (found = build_plan(def)) != NULL)
        plans[nplans++] = found;
    pthread_mutex_unlock(&plans_lock);
    return found;
}

static const db_stmt *statement(const plan *pl, const listing_sort *s, int desc, int columns)
{
    int index = (int)(s - pl->def->sorts);
    return &pl->stmts[(index * 2 + desc) * 2 + (columns && pl->def->columns ? 1 : 0)];
}

const char *listing_sql(const listing_def *def, const char *sort, int columns)
{
    const plan *pl = plan_of(def);
    int desc = sort[0] == '-';
    for (int s = 0; pl && s < pl->nsorts; s++)
        if (strcmp(def->sorts[s].name, sort + desc) == 0)
            return statement(pl, &def->sorts[s], desc, columns)->sql;
    return NULL;
}

/* ---- reading a request ---------------------------------------------------- */

static int known_key(const listing_def *def, const char *key)
{
    if (text_in_list(key, COLLECTION_KEYS))
        return 1;
    int i = filter_index(def, key, strlen(key));
    return i >= 0 && def->filters[i].kind != LISTING_CONTEXT;
}

/* status=new&status=triaged or status=new,triaged as {new,triaged}, in the
 * order of the declared values. Only declared values get through, so
 * nothing needs quoting. */
static int enum_set(const listing_filter *f, const params *query, char out[128], dna_err *err)
{
    const char *given[32];
    int n = params_all(query, f->name, given, 32);
    unsigned long long chosen = 0;
    for (int i = 0; i < n; i++) {
        for (const char *v = given[i];;) {
            size_t len = strcspn(v, ",");
            int found = -1;
            for (int k = 0; f->values[k] && found < 0 && k < 64; k++)
                if (strlen(f->values[k]) == len && strncmp(f->values[k], v, len) == 0)
                    found = k;
            if (found < 0) {
                char msg[256];
                text_one_of(msg, sizeof msg, f->values);
                dna_err_field(err, f->name, msg);
                return -1;
            }
            chosen |= 1ull << found;
            if (v[len] == '\0')
                break;
            v += len + 1;
        }
    }
    if (chosen == 0)
        return 0;
    dynbuf b;
    dynbuf_init(&b, 128);
    dynbuf_str(&b, "{");
    for (int k = 0; f->values[k] && k < 64; k++)
        if (chosen & (1ull << k))
            dynbuf_printf(&b, "%s%s", b.len > 1 ? "," : "", f->values[k]);
    dynbuf_str(&b, "}");
    if (b.failed) {
        dna_err_field(err, f->name, "names too many values");
        return -1;
    }
    memcpy(out, b.data, b.len + 1);
    dynbuf_free(&b);
    return 1;
}

/* One filter from the query into q->values[i]; 0 or -1 (error in err). */
static int read_filter(listing_query *q, int i, const params *query, dna_err *err)
{
    const listing_filter *f = &q->def->filters[i];
    const char **v = &q->values[i];
    long long n;
    int present = 0, flag = 0, rc;
    switch (f->kind) {
    case LISTING_TEXT: return params_text(query, f->name, f->maxlen, v, err);
    case LISTING_ENUM: return params_enum(query, f->name, f->values, v, err);
    case LISTING_DATE: return params_date(query, f->name, v, err);
    case LISTING_DATETIME:
        rc = params_datetime(query, f->name, v, err);
        if (rc == 0 && *v != NULL)
            params_datetime_utc(*v, q->sets[i]), *v = q->sets[i];
        return rc;
    case LISTING_WEEK: return params_week(query, f->name, v, err);
    case LISTING_PERIOD: return params_period(query, f->name, v, err);
    case LISTING_ENUM_SET:
        rc = enum_set(f, query, q->sets[i], err);
        *v = rc == 1 ? q->sets[i] : NULL;
        return rc < 0 ? -1 : 0;
    case LISTING_INT:
        rc = params_int(query, f->name, f->min, f->max, &n, &present, err);
        if (rc == 0 && present)
            snprintf(q->sets[i], sizeof q->sets[i], "%lld", n), *v = q->sets[i];
        return rc;
    case LISTING_BOOL:
        rc = params_bool(query, f->name, &flag, &present, err);
        if (rc == 0 && present)
            *v = flag ? "true" : "false";
        return rc;
    case LISTING_CONTEXT: return 0;
    }
    return 0;
}

static const listing_sort *find_sort(const listing_def *def, const char *name, int *desc)
{
    *desc = name[0] == '-';
    for (const listing_sort *s = def->sorts; s->name; s++)
        if (strcmp(s->name, name + *desc) == 0)
            return s;
    return NULL;
}

static void sort_error(const listing_def *def, dna_err *err)
{
    char names[2 * 16][40];
    const char *list[2 * 16 + 1];
    int n = 0;
    for (const listing_sort *s = def->sorts; s->name && n + 2 <= 2 * 16; s++) {
        snprintf(names[n], sizeof names[n], "%s", s->name);
        snprintf(names[n + 1], sizeof names[n + 1], "-%s", s->name);
        list[n] = names[n];
        list[n + 1] = names[n + 1];
        n += 2;
    }
    list[n] = NULL;
    char msg[256];
    text_one_of(msg, sizeof msg, list);
    dna_err_field(err, "sort", msg);
}

dna_status listing_parse(const listing_def *def, const params *query, listing_query *q, dna_err *err)
{
    memset(q, 0, sizeof *q);
    q->def = def;
    q->limit = 50;
    int bad = 0;
    for (int i = 0; i < query->n; i++)
        if (!known_key(def, query->items[i].key)) {
            dna_err_field(err, query->items[i].key, "unknown query parameter");
            bad = 1;
        }
    for (int i = 0; def->filters && def->filters[i].name; i++)
        if (read_filter(q, i, query, err) != 0)
            bad = 1;
    const char *sort = params_get(query, "sort", &bad, err);
    q->sort = find_sort(def, sort ? sort : def->default_sort, &q->descending);
    if (q->sort == NULL) {
        sort_error(def, err);
        bad = 1;
    }
    if (params_int(query, "limit", 1, 500, &q->limit, NULL, err) != 0 ||
        params_datetime(query, "updated_since", &q->updated_since, err) != 0)
        bad = 1;
    else if (q->updated_since != NULL)
        params_datetime_utc(q->updated_since, q->updated_buf), q->updated_since = q->updated_buf;
    const char *cursor_text = params_get(query, "cursor", &bad, err);
    if (cursor_text != NULL && q->sort != NULL) {
        char full[40];
        snprintf(full, sizeof full, "%s%s", q->descending ? "-" : "", q->sort->name);
        if (cursor_decode(cursor_text, &q->after) != 0 || strcmp(q->after.sort, full) != 0) {
            dna_err_field(err, "cursor", "is not a cursor of this listing (sort changed or text altered)");
            bad = 1;
        } else {
            q->have_cursor = 1;
            snprintf(q->after_id, sizeof q->after_id, "%lld", (long long)q->after.id);
        }
    }
    if (bad || err->errors) {
        if (err->detail[0] == '\0')
            dna_err_set(err, DNA_BAD_REQUEST, "bad query parameter; see errors");
        return DNA_BAD_REQUEST;
    }
    return DNA_OK;
}

int listing_bind(listing_query *q, const char *name, const char *value)
{
    int i = filter_index(q->def, name, strlen(name));
    if (i < 0)
        return -1;
    q->values[i] = value;
    return 0;
}

const char *listing_value(const listing_query *q, const char *name)
{
    int i = filter_index(q->def, name, strlen(name));
    return i < 0 ? NULL : q->values[i];
}

/* ---- running it ------------------------------------------------------------ */

/* The parameter array of a run: filters, then the four of every listing. */
static int fill_params(const listing_query *q, int nfilters, const char *args[], char limit[24], int paged)
{
    for (int i = 0; i < nfilters; i++)
        args[i] = q->values[i];
    args[nfilters] = q->updated_since;
    args[nfilters + 1] = q->have_cursor ? q->after.value : NULL;
    args[nfilters + 2] = q->have_cursor ? q->after_id : NULL;
    snprintf(limit, 24, "%lld", q->limit + 1);
    args[nfilters + 3] = paged ? limit : NULL;
    return nfilters + EXTRA_PARAMS;
}

static dna_status query_failed(PGresult *r)
{
    dna_status st = db_status_of(r);
    if (r != NULL && st == DNA_ERROR)
        log_event(LOG_ERROR, "a listing's statement failed", NULL);
    PQclear(r);
    /* A value PostgreSQL refuses (say, a date out of its range) is the query's fault. */
    return st == DNA_INVALID ? DNA_BAD_REQUEST : st;
}

/* Runs the listing's JSON statement (paged: at most limit + 1 rows; on the
 * read pool or the primary's) and appends the rows shown as a JSON array;
 * *res keeps the result (PQclear). */
static dna_status run_rows(const listing_query *q, int paged, int on_replica, dynbuf *b, PGresult **res,
                           int *shown)
{
    *res = NULL;
    const plan *pl = plan_of(q->def);
    if (pl == NULL)
        return DNA_ERROR;
    const char *args[LISTING_MAX_FILTERS + EXTRA_PARAMS];
    char limit[24];
    int n = fill_params(q, pl->nfilters, args, limit, paged);
    db_conn *c = on_replica ? db_acquire_read() : db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    PGresult *r = db_exec(c, statement(pl, q->sort, q->descending, 0), n, args);
    db_release(c);
    if (!db_ok(r))
        return query_failed(r);
    int rows = PQntuples(r);
    *shown = paged && rows > q->limit ? (int)q->limit : rows;
    dynbuf_str(b, "[");
    for (int i = 0; i < *shown; i++) {
        if (i > 0)
            dynbuf_add(b, ",", 1);
        size_t at = b->len;
        if (dynbuf_add(b, PQgetvalue(r, i, 0), (size_t)PQgetlength(r, i, 0)) == 0)
            b->len = at + text_json_compact(b->data + at, b->len - at);
    }
    dynbuf_str(b, "]");
    *res = r;
    return DNA_OK;
}

dna_status listing_page(const listing_query *q, char **json, size_t *len, char next[CURSOR_MAX])
{
    *json = NULL;
    next[0] = '\0';
    dynbuf b;
    dynbuf_init(&b, PAGE_BODY_MAX);
    dynbuf_str(&b, "{\"data\":");
    PGresult *res;
    int shown = 0;
    dna_status st = run_rows(q, 1, 0, &b, &res, &shown); /* a page reads its own writes: the primary */
    if (st != DNA_OK) {
        dynbuf_free(&b);
        return st;
    }
    if (PQntuples(res) > q->limit) {
        cursor cur;
        memset(&cur, 0, sizeof cur);
        snprintf(cur.sort, sizeof cur.sort, "%s%s", q->descending ? "-" : "", q->sort->name);
        text_clip(cur.value, sizeof cur.value, PQgetvalue(res, shown - 1, 1));
        cur.id = strtoll(PQgetvalue(res, shown - 1, 2), NULL, 10);
        if (cursor_encode(&cur, next) != 0)
            next[0] = '\0';
    }
    PQclear(res);
    if (next[0])
        dynbuf_printf(&b, ",\"next_cursor\":\"%s\"}", next);
    else
        dynbuf_str(&b, ",\"next_cursor\":null}");
    if (b.failed)
        return DNA_ERROR;
    *json = b.data;
    *len = b.len;
    return DNA_OK;
}

dna_status listing_all(const listing_query *q, char **json, size_t *len)
{
    *json = NULL;
    dynbuf b;
    dynbuf_init(&b, PAGE_BODY_MAX);
    PGresult *res;
    int shown = 0;
    dna_status st = run_rows(q, 0, 1, &b, &res, &shown); /* figures: the read replica when there is one */
    PQclear(res);
    if (st != DNA_OK) {
        dynbuf_free(&b);
        return st;
    }
    if (b.failed)
        return DNA_ERROR;
    *json = b.data;
    *len = b.len;
    return DNA_OK;
}

dna_status listing_stream(const listing_query *q, int columns, db_stream_pool pool, db_stream **out)
{
    const plan *pl = plan_of(q->def);
    if (pl == NULL)
        return DNA_ERROR;
    const char *args[LISTING_MAX_FILTERS + EXTRA_PARAMS];
    char limit[24];
    int n = fill_params(q, pl->nfilters, args, limit, 0);
    dna_status st = db_stream_open(pool, statement(pl, q->sort, q->descending, columns), n, args, out);
    return st == DNA_INVALID ? DNA_BAD_REQUEST : st;
}
