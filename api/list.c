/* list.c: collections over HTTP: JSON pages with next_cursor and Link, and
 * CSV/NDJSON exports streamed a chunk at a time (src/export.c makes them). */
#include "list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authz.h"
#include "dynbuf.h"
#include "export.h"
#include "log.h"
#include "request.h"
#include "respond.h"

#define STREAM_CHUNK (64 * 1024)

/* Link: <this url with cursor=next>; rel="next" */
static void set_link(req_ctx *ctx, const char *next)
{
    dynbuf b;
    dynbuf_init(&b, 16384);
    const char *url = ctx->req->http_url ? ctx->req->http_url : "";
    const char *q = strchr(url, '?');
    dynbuf_str(&b, "<");
    dynbuf_add(&b, url, q ? (size_t)(q - url) : strlen(url));
    char sep = '?';
    for (int i = 0; i < ctx->query.n; i++) {
        if (strcmp(ctx->query.items[i].key, "cursor") == 0)
            continue;
        char *k = ulfius_url_encode(ctx->query.items[i].key);
        char *v = ulfius_url_encode(ctx->query.items[i].value);
        dynbuf_add(&b, &sep, 1);
        dynbuf_str(&b, k ? k : "");
        dynbuf_str(&b, "=");
        dynbuf_str(&b, v ? v : "");
        u_free(k);
        u_free(v);
        sep = '&';
    }
    dynbuf_add(&b, &sep, 1);
    dynbuf_printf(&b, "cursor=%s>; rel=\"next\"", next);
    if (!b.failed)
        respond_header(ctx->resp, "Link", b.data);
    dynbuf_free(&b);
}

static void answer_page(req_ctx *ctx, const listing_query *q)
{
    char *json = NULL, next[CURSOR_MAX];
    size_t len = 0;
    dna_status st = listing_page(q, &json, &len, next);
    if (st != DNA_OK) {
        req_fail(ctx, st, NULL);
        return;
    }
    if (next[0])
        set_link(ctx, next);
    respond_json_text(ctx->resp, 200, json, len);
    free(json);
}

static ssize_t stream_read(void *cls, uint64_t offset, char *out, size_t max)
{
    (void)offset;
    ssize_t n = export_read(cls, out, max);
    return n > 0 ? n : n == 0 ? U_STREAM_END : U_STREAM_ERROR;
}

static void stream_free(void *cls)
{
    export_close(cls);
}

static const struct {
    export_format export;
    const char *type, *suffix;
} FORMATS[] = {
    [FORMAT_CSV] = {EXPORT_CSV, "text/csv; charset=utf-8; header=present", "csv"},
    [FORMAT_NDJSON] = {EXPORT_NDJSON, "application/x-ndjson", "ndjson"},
    [FORMAT_ICS] = {EXPORT_ICS, "text/calendar; charset=utf-8", "ics"},
};

/* Streams the listing in `format`; every failure is answered before the
 * first byte. */
static void stream(req_ctx *ctx, const listing_query *q, req_format format, const char *name, int bom)
{
    exporter *x = NULL;
    const export_options options = {.format = FORMATS[format].export, .bom = bom, .name = name};
    dna_status st = export_open(q, &options, &x);
    if (st == DNA_BUSY) {
        dna_err e;
        dna_err_init(&e);
        dna_err_set(&e, DNA_BUSY,
                    "as many exports as this server streams at once are running; try again in a few "
                    "seconds");
        req_fail(ctx, st, &e);
        return;
    }
    if (st != DNA_OK) {
        req_fail(ctx, st, NULL);
        return;
    }
    respond_header(ctx->resp, "Content-Type", FORMATS[format].type);
    char disp[128];
    snprintf(disp, sizeof disp, "%s; filename=\"%s.%s\"", format == FORMAT_ICS ? "inline" : "attachment",
             q->def->name, FORMATS[format].suffix);
    respond_header(ctx->resp, "Content-Disposition", disp);
    if (format != FORMAT_ICS)
        respond_header(ctx->resp, "X-Schema-Version", EXPORT_SCHEMA_VERSION);
    if (ulfius_set_stream_response(ctx->resp, 200, stream_read, stream_free, U_STREAM_SIZE_UNKNOWN,
                                   STREAM_CHUNK, x) != U_OK) {
        export_close(x);
        req_fail(ctx, DNA_ERROR, NULL);
        return;
    }
    ctx->streaming = 1;
}

void list_stream(req_ctx *ctx, const listing_query *q, req_format format, const char *name)
{
    stream(ctx, q, format, name, 0);
}

/* ?bom=true: CSV exports only. 0 or 1, or -1 with 400 answered. */
static int bom_of(req_ctx *ctx, req_format format)
{
    dna_err e;
    dna_err_init(&e);
    int bom = 0, present = 0;
    if (params_bool(&ctx->query, "bom", &bom, &present, &e) == 0 && bom && format != FORMAT_CSV)
        dna_err_field(&e, "bom", "a byte order mark is for CSV exports only (format=csv)");
    if (e.errors != NULL) {
        req_bad_query(ctx, &e);
        return -1;
    }
    return bom;
}

/* Does a caller who sees pseudonyms ask for a filter on a member id? */
static int names_member_by_id(req_ctx *ctx, const listing_def *def)
{
    if (authz_may_use_member_ids(&ctx->who))
        return 0;
    const char *given[1];
    for (const listing_filter *f = def->filters; f && f->name; f++)
        if (f->member_id && params_all(&ctx->query, f->name, given, 1) > 0)
            return 1;
    return 0;
}

/* What every collection answer does first: the format, the rights, the
 * query read and checked, ?bom, the handler's bindings. 0, or -1 answered. */
static int prepare(req_ctx *ctx, const listing_def *def, const list_binding *bindings, listing_query *q,
                   req_format *format, int *bom)
{
    if (req_format_of(ctx, format, def->calendar_event != NULL) != 0)
        return -1;
    dna_err e;
    dna_err_init(&e);
    /* A calendar is for everyone who may read the listing, and so are
     * figures about groups; other exports are not. */
    if (*format != FORMAT_JSON && *format != FORMAT_ICS && !def->aggregates && !authz_may_export(&ctx->who)) {
        dna_err_set(&e, DNA_FORBIDDEN, "exports are for program managers and analysts");
        req_fail(ctx, DNA_FORBIDDEN, &e);
        return -1;
    }
    if (names_member_by_id(ctx, def)) {
        dna_err_set(&e, DNA_FORBIDDEN,
                    "analysts cannot filter by member id (it would map pseudonyms to ids)");
        req_fail(ctx, DNA_FORBIDDEN, &e);
        return -1;
    }
    if (listing_parse(def, &ctx->query, q, &e) != DNA_OK) {
        req_bad_query(ctx, &e);
        return -1;
    }
    if ((*bom = bom_of(ctx, *format)) < 0)
        return -1;
    for (const list_binding *b = bindings; b && b->name; b++)
        if (listing_bind(q, b->name, b->value) != 0) {
            log_event(LOG_ERROR, "a handler binds a name its listing does not declare", NULL);
            req_fail(ctx, DNA_ERROR, NULL);
            return -1;
        }
    /* Listings that keep something out of exports declare `export` (listing.h). */
    listing_bind(q, "export", *format == FORMAT_CSV || *format == FORMAT_NDJSON ? "true" : "false");
    return 0;
}

static void stream_listing(req_ctx *ctx, const listing_query *q, req_format format, int bom)
{
    const listing_def *def = q->def;
    stream(ctx, q, format, format == FORMAT_ICS && def->calendar_name ? def->calendar_name : def->name, bom);
}

void list_answer(req_ctx *ctx, const listing_def *def, const list_binding *bindings)
{
    listing_query q;
    req_format format;
    int bom;
    if (prepare(ctx, def, bindings, &q, &format, &bom) != 0)
        return;
    if (format == FORMAT_JSON)
        answer_page(ctx, &q);
    else
        stream_listing(ctx, &q, format, bom);
}

void list_answer_whole(req_ctx *ctx, const listing_def *def, const list_binding *bindings, list_wrap wrap,
                       void *arg)
{
    listing_query q;
    req_format format;
    int bom;
    if (prepare(ctx, def, bindings, &q, &format, &bom) != 0)
        return;
    if (format != FORMAT_JSON) {
        stream_listing(ctx, &q, format, bom);
        return;
    }
    char *rows = NULL;
    size_t len = 0;
    dna_status st = listing_all(&q, &rows, &len);
    if (st != DNA_OK)
        req_fail(ctx, st, NULL);
    else
        wrap(ctx, rows, len, arg);
    free(rows);
}

void list_answer_children(req_ctx *ctx, const listing_def *def, const char *parent,
                          dna_status (*exists)(int64_t id, dna_err *err))
{
    int64_t id;
    if (req_path_id(ctx, 0, &id, parent) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    dna_status st = exists(id, &e);
    if (st != DNA_OK) {
        req_fail(ctx, st, &e);
        return;
    }
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    const list_binding bindings[] = {
        {parent, key}, {"pseudo", ctx->who.pseudonymise ? "true" : "false"}, {NULL}};
    list_answer(ctx, def, bindings);
}
