/* list.c: keyset pagination (JSON pages with next_cursor and Link) and
 * CSV/NDJSON exports streamed row by row in constant memory. */
#include "list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authz.h"
#include "csv.h"
#include "cursor.h"
#include "log.h"
#include "request.h"
#include "respond.h"

#define PAGE_BODY_MAX (64u * 1024 * 1024)
#define STREAM_CHUNK (64 * 1024)

void list_param(list_request *lr, const char *value)
{
    if (lr->nparams < LIST_MAX_PARAMS - 4)
        lr->params[lr->nparams++] = value;
}

/* ---- JSON pages ------------------------------------------------------- */

static void set_link(req_ctx *ctx, const char *next)
{
    dynbuf b;
    dynbuf_init(&b, 8192);
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
    dynbuf_str(&b, "cursor=");
    dynbuf_str(&b, next);
    if (dynbuf_str(&b, ">; rel=\"next\"") == 0)
        respond_header(ctx->resp, "Link", b.data);
    dynbuf_free(&b);
}

static void answer_page(req_ctx *ctx, list_request *lr, const list_sort *sort, long long limit)
{
    db_conn *c = db_acquire();
    if (c == NULL) {
        req_fail(ctx, DNA_UNAVAILABLE, NULL);
        return;
    }
    PGresult *res = db_exec(c, sort->stmt, lr->nparams, lr->params);
    if (!db_ok(res)) {
        if (res)
            log_event(LOG_ERROR, "list query failed", NULL);
        dna_status st = db_status_of(res);
        PQclear(res);
        db_release(c);
        req_fail(ctx, st == DNA_INVALID ? DNA_BAD_REQUEST : st, NULL);
        return;
    }
    int rows = PQntuples(res);
    int shown = rows > limit ? (int)limit : rows;
    dynbuf b;
    dynbuf_init(&b, PAGE_BODY_MAX);
    int rc = dynbuf_str(&b, "{\"data\":[");
    for (int i = 0; i < shown; i++) {
        if (i > 0)
            rc |= dynbuf_add(&b, ",", 1);
        rc |= dynbuf_add(&b, PQgetvalue(res, i, 0), (size_t)PQgetlength(res, i, 0));
    }
    rc |= dynbuf_str(&b, "],\"next_cursor\":");
    if (rows > limit) {
        cursor cur;
        memset(&cur, 0, sizeof cur);
        snprintf(cur.sort, sizeof cur.sort, "%s", sort->sort);
        snprintf(cur.value, sizeof cur.value, "%s", PQgetvalue(res, shown - 1, 1));
        cur.id = strtoll(PQgetvalue(res, shown - 1, 2), NULL, 10);
        char text[CURSOR_MAX];
        if (cursor_encode(&cur, text) == 0) {
            rc |= dynbuf_str(&b, "\"");
            rc |= dynbuf_str(&b, text);
            rc |= dynbuf_str(&b, "\"}");
            set_link(ctx, text);
        } else {
            rc |= dynbuf_str(&b, "null}");
        }
    } else {
        rc |= dynbuf_str(&b, "null}");
    }
    PQclear(res);
    db_release(c);
    if (rc != 0)
        req_fail(ctx, DNA_ERROR, NULL);
    else
        respond_json_text(ctx->resp, 200, b.data, b.len);
    dynbuf_free(&b);
}

/* ---- exports ---------------------------------------------------------- */

typedef struct {
    db_conn *conn;
    PGresult *pending; /* a row fetched before the first byte */
    req_format format;
    int columns;              /* CSV straight from plain columns (list_sort.columns) */
    const char *empty_header; /* written when no row came: CSV always has its header */
    int header_done;
    int finished;
    dynbuf buf;
    size_t pos;
} export_state;

/* The header row from a result's field names (columns mode). */
static int columns_header(export_state *st, const PGresult *r)
{
    int rc = 0;
    for (int i = 0; i < PQnfields(r); i++) {
        if (i > 0)
            rc |= dynbuf_add(&st->buf, ",", 1);
        const char *name = PQfname(r, i);
        rc |= csv_field(&st->buf, name, strlen(name));
    }
    st->header_done = 1;
    return rc | dynbuf_add(&st->buf, "\r\n", 2);
}

#define BOOLOID 16

/* One CSV row from plain columns: NULL empty, booleans as true/false. */
static int columns_row(export_state *st, const PGresult *r)
{
    int rc = st->header_done ? 0 : columns_header(st, r);
    for (int i = 0; i < PQnfields(r); i++) {
        if (i > 0)
            rc |= dynbuf_add(&st->buf, ",", 1);
        if (PQgetisnull(r, 0, i))
            continue;
        const char *v = PQgetvalue(r, 0, i);
        if (PQftype(r, i) == BOOLOID)
            rc |= dynbuf_str(&st->buf, v[0] == 't' ? "true" : "false");
        else
            rc |= csv_field(&st->buf, v, (size_t)PQgetlength(r, 0, i));
    }
    return rc | dynbuf_add(&st->buf, "\r\n", 2);
}

static void export_finish_query(export_state *st)
{
    if (st->format == FORMAT_CSV && !st->header_done && st->empty_header != NULL) {
        dynbuf_str(&st->buf, st->empty_header);
        dynbuf_add(&st->buf, "\r\n", 2);
        st->header_done = 1;
    }
    PGresult *r;
    while ((r = PQgetResult(db_pg(st->conn))) != NULL)
        PQclear(r);
    db_release(st->conn);
    st->conn = NULL;
    st->finished = 1;
}

/* Appends one row; returns -1 on a malformed row. */
static int export_row(export_state *st, const PGresult *row)
{
    if (st->columns)
        return columns_row(st, row);
    const char *text = PQgetvalue(row, 0, 0);
    size_t len = (size_t)PQgetlength(row, 0, 0);
    if (st->format == FORMAT_NDJSON) {
        if (dynbuf_add(&st->buf, text, len) != 0 || dynbuf_add(&st->buf, "\n", 1) != 0)
            return -1;
        return 0;
    }
    json_t *obj = json_loadb(text, len, 0, NULL);
    if (obj == NULL)
        return -1;
    int rc = 0;
    if (!st->header_done) {
        rc = csv_header(&st->buf, obj);
        st->header_done = 1;
    }
    if (rc == 0)
        rc = csv_row(&st->buf, obj);
    json_decref(obj);
    return rc;
}

/* Fills st->buf with up to STREAM_CHUNK bytes of rows. -1 on a failure. */
static int export_fill(export_state *st)
{
    st->buf.len = 0;
    st->pos = 0;
    while (!st->finished && st->buf.len < STREAM_CHUNK) {
        PGresult *r = st->pending;
        st->pending = NULL;
        if (r == NULL)
            r = PQgetResult(db_pg(st->conn));
        if (r == NULL) {
            export_finish_query(st);
            break;
        }
        ExecStatusType s = PQresultStatus(r);
        if (s == PGRES_SINGLE_TUPLE) {
            int rc = export_row(st, r);
            PQclear(r);
            if (rc != 0)
                return -1;
        } else if (s == PGRES_TUPLES_OK) {
            if (st->columns && !st->header_done)
                columns_header(st, r);
            PQclear(r);
            export_finish_query(st);
        } else {
            PQclear(r);
            return -1;
        }
    }
    return 0;
}

static ssize_t export_read(void *cls, uint64_t offset, char *out, size_t max)
{
    (void)offset;
    export_state *st = cls;
    if (st->pos >= st->buf.len) {
        if (st->finished)
            return U_STREAM_END;
        if (export_fill(st) != 0) {
            log_event(LOG_ERROR, "export aborted by a database error", NULL);
            return U_STREAM_ERROR;
        }
        if (st->buf.len == 0)
            return U_STREAM_END;
    }
    size_t n = st->buf.len - st->pos;
    if (n > max)
        n = max;
    memcpy(out, st->buf.data + st->pos, n);
    st->pos += n;
    return (ssize_t)n;
}

static void export_free(void *cls)
{
    export_state *st = cls;
    PQclear(st->pending);
    if (st->conn != NULL)
        db_release(st->conn); /* mid-query: the pool replaces the connection */
    dynbuf_free(&st->buf);
    free(st);
}

static void answer_export(req_ctx *ctx, list_request *lr, const list_sort *sort, req_format format)
{
    db_conn *c = db_acquire_read();
    if (c == NULL) {
        req_fail(ctx, DNA_UNAVAILABLE, NULL);
        return;
    }
    /* CSV from plain columns when the listing offers them: no JSON per row. */
    const db_stmt *stmt = format == FORMAT_CSV && sort->columns ? sort->columns : sort->stmt;
    PGconn *pg = db_pg(c);
    if (db_prepare(c, stmt) != 0 ||
        !PQsendQueryPrepared(pg, stmt->name, lr->nparams, lr->params, NULL, NULL, 0) ||
        !PQsetSingleRowMode(pg)) {
        db_mark_broken(c);
        db_release(c);
        req_fail(ctx, DNA_UNAVAILABLE, NULL);
        return;
    }
    /* Run the query before the first byte: an error is still a problem answer. */
    PGresult *first = PQgetResult(pg);
    ExecStatusType s = first ? PQresultStatus(first) : PGRES_FATAL_ERROR;
    if (s != PGRES_SINGLE_TUPLE && s != PGRES_TUPLES_OK) {
        dna_status st = db_status_of(first);
        PQclear(first);
        PGresult *r;
        while ((r = PQgetResult(pg)) != NULL)
            PQclear(r);
        db_release(c);
        req_fail(ctx, st == DNA_INVALID ? DNA_BAD_REQUEST : st, NULL);
        return;
    }
    export_state *st = calloc(1, sizeof *st);
    st->conn = c;
    st->pending = first;
    st->format = format;
    st->columns = stmt != sort->stmt;
    st->empty_header = lr->csv_header;
    dynbuf_init(&st->buf, STREAM_CHUNK * 4);
    if (format == FORMAT_CSV) {
        /* The first row gives the columns; with no rows, lr->csv_header does. */
        respond_header(ctx->resp, "Content-Type", "text/csv; charset=utf-8; header=present");
    } else {
        respond_header(ctx->resp, "Content-Type", "application/x-ndjson");
    }
    char disp[128];
    snprintf(disp, sizeof disp, "attachment; filename=\"%s.%s\"", lr->name,
             format == FORMAT_CSV ? "csv" : "ndjson");
    respond_header(ctx->resp, "Content-Disposition", disp);
    if (ulfius_set_stream_response(ctx->resp, 200, export_read, export_free, U_STREAM_SIZE_UNKNOWN,
                                   STREAM_CHUNK, st) != U_OK) {
        export_free(st);
        req_fail(ctx, DNA_ERROR, NULL);
        return;
    }
    ctx->streaming = 1;
}

/* ---- the one entry point ------------------------------------------------ */

void list_answer(req_ctx *ctx, list_request *lr)
{
    dna_err e;
    dna_err_init(&e);
    req_format format;
    if (req_format_of(ctx, &format, 0) != 0)
        return;
    if (format != FORMAT_JSON && !authz_may_export(&ctx->who)) {
        dna_err_set(&e, DNA_FORBIDDEN, "exports are for program managers and analysts");
        req_fail(ctx, DNA_FORBIDDEN, &e);
        return;
    }
    int bad = 0;
    const char *sort_name = params_get(&ctx->query, "sort", &bad, &e);
    const list_sort *sort = lr->sorts;
    if (sort_name != NULL) {
        while (sort->sort && strcmp(sort->sort, sort_name) != 0)
            sort++;
        if (sort->sort == NULL) {
            char msg[256];
            size_t k = (size_t)snprintf(msg, sizeof msg, "must be one of");
            for (const list_sort *s = lr->sorts; s->sort && k < sizeof msg; s++)
                k += (size_t)snprintf(msg + k, sizeof msg - k, "%s %s", s == lr->sorts ? "" : ",", s->sort);
            dna_err_field(&e, "sort", msg);
            bad = 1;
        }
    }
    long long limit = 50;
    const char *updated_since = NULL;
    if (params_int(&ctx->query, "limit", 1, 500, &limit, NULL, &e) != 0 ||
        params_datetime(&ctx->query, "updated_since", &updated_since, &e) != 0)
        bad = 1;
    const char *cursor_text = params_get(&ctx->query, "cursor", &bad, &e);
    cursor cur;
    int have_cursor = 0;
    if (cursor_text != NULL && !bad) {
        if (cursor_decode(cursor_text, &cur) != 0 || strcmp(cur.sort, sort->sort) != 0)
            dna_err_field(&e, "cursor", "is not a cursor of this listing (sort changed or text altered)"),
                bad = 1;
        else
            have_cursor = 1;
    }
    if (bad || e.errors) {
        req_bad_query(ctx, &e);
        return;
    }
    char idtext[24], limtext[24];
    list_param(lr, updated_since);
    lr->params[lr->nparams++] = have_cursor ? cur.value : NULL;
    snprintf(idtext, sizeof idtext, "%lld", have_cursor ? (long long)cur.id : 0LL);
    lr->params[lr->nparams++] = have_cursor ? idtext : NULL;
    snprintf(limtext, sizeof limtext, "%lld", limit + 1);
    lr->params[lr->nparams++] = format == FORMAT_JSON ? limtext : NULL;
    if (format == FORMAT_JSON)
        answer_page(ctx, lr, sort, limit);
    else
        answer_export(ctx, lr, sort, format);
}
