/* export.c: CSV and NDJSON out of a row stream, a chunk at a time. */
#include "export.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "dynbuf.h"
#include "log.h"
#include "text.h"

#define CHUNK (64 * 1024)
#define UTF8_BOM "\xEF\xBB\xBF"

struct exporter {
    db_stream *rows;
    export_format format;
    int columns;           /* CSV straight from plain columns */
    const char *empty_csv; /* the header of an export without rows */
    int header_done;
    int finished;
    int (*calendar_event)(const json_t *row, ical_event_data *e, char *scratch, size_t cap);
    const char *calendar_name;
    dynbuf buf;
    size_t pos;
};

/* The header of a CSV export without rows: the pseudonymised view's when
 * the viewer gets pseudonyms and its columns differ. */
static const char *empty_csv_header(const listing_query *q)
{
    const char *pseudo = listing_value(q, "pseudo");
    if (q->def->csv_header_pseudo != NULL && pseudo != NULL && strcmp(pseudo, "true") == 0)
        return q->def->csv_header_pseudo;
    return q->def->csv_header;
}

dna_status export_open(const listing_query *q, const export_options *o, exporter **out)
{
    *out = NULL;
    if (o->format == EXPORT_ICS && q->def->calendar_event == NULL)
        return DNA_BAD_REQUEST;
    exporter *x = calloc(1, sizeof *x);
    if (x == NULL)
        return DNA_ERROR;
    x->format = o->format;
    x->columns = o->format == EXPORT_CSV && q->def->columns != NULL;
    x->empty_csv = empty_csv_header(q);
    x->calendar_event = q->def->calendar_event;
    x->calendar_name = o->name ? o->name : q->def->name;
    dynbuf_init(&x->buf, CHUNK * 4);
    if (o->bom && o->format == EXPORT_CSV)
        dynbuf_add(&x->buf, UTF8_BOM, sizeof UTF8_BOM - 1);
    /* A calendar is a member's few rows, not an export: it reads like a page. */
    dna_status st =
        listing_stream(q, x->columns, o->format == EXPORT_ICS ? DB_STREAM_READ : DB_STREAM_EXPORT, &x->rows);
    if (st != DNA_OK) {
        dynbuf_free(&x->buf);
        free(x);
        return st;
    }
    *out = x;
    return DNA_OK;
}

/* The header row from the result's column names (columns mode). */
static void columns_header(exporter *x)
{
    for (int i = 0; i < db_stream_columns(x->rows); i++) {
        if (i > 0)
            dynbuf_add(&x->buf, ",", 1);
        const char *name = db_stream_column_name(x->rows, i);
        csv_field(&x->buf, name, strlen(name));
    }
    dynbuf_add(&x->buf, "\r\n", 2);
    x->header_done = 1;
}

/* One CSV row from plain columns: NULL empty, booleans as true/false. */
static void columns_row(exporter *x)
{
    if (!x->header_done)
        columns_header(x);
    for (int i = 0; i < db_stream_columns(x->rows); i++) {
        if (i > 0)
            dynbuf_add(&x->buf, ",", 1);
        size_t len;
        const char *v = db_stream_value(x->rows, i, &len);
        if (v == NULL)
            continue;
        if (db_stream_column_is_bool(x->rows, i))
            dynbuf_str(&x->buf, v[0] == 't' ? "true" : "false");
        else
            csv_field(&x->buf, v, len);
    }
    dynbuf_add(&x->buf, "\r\n", 2);
}

/* One event of a calendar; a row the listing leaves out writes nothing. */
static int calendar_row(exporter *x, const json_t *row)
{
    if (!x->header_done) {
        ical_begin(&x->buf, x->calendar_name);
        x->header_done = 1;
    }
    ical_event_data e;
    char scratch[256];
    memset(&e, 0, sizeof e);
    if (x->calendar_event(row, &e, scratch, sizeof scratch) != 0)
        return 0;
    return ical_event(&x->buf, &e) == 0 || !x->buf.failed ? 0 : -1;
}

/* One row of a JSON-rows listing; -1 on a row that is not JSON. */
static int json_row(exporter *x)
{
    size_t len;
    const char *text = db_stream_value(x->rows, 0, &len);
    if (text == NULL)
        return -1;
    if (x->format == EXPORT_NDJSON) {
        size_t at = x->buf.len;
        if (dynbuf_add(&x->buf, text, len) == 0)
            x->buf.len = at + text_json_compact(x->buf.data + at, len);
        return dynbuf_add(&x->buf, "\n", 1);
    }
    json_t *obj = json_loadb(text, len, 0, NULL);
    if (obj == NULL)
        return -1;
    if (x->format == EXPORT_ICS) {
        int written = calendar_row(x, obj);
        json_decref(obj);
        return written;
    }
    int rc = 0;
    if (!x->header_done) {
        rc = csv_header(&x->buf, obj);
        x->header_done = 1;
    }
    if (rc == 0)
        rc = csv_row(&x->buf, obj);
    json_decref(obj);
    return rc;
}

/* The end of the rows: CSV always has its header, also without rows; a
 * calendar its frame. */
static void finish(exporter *x)
{
    if (x->format == EXPORT_ICS) {
        if (!x->header_done)
            ical_begin(&x->buf, x->calendar_name);
        ical_end(&x->buf);
        x->header_done = 1;
    }
    if (x->format == EXPORT_CSV && !x->header_done) {
        if (x->columns && db_stream_columns(x->rows) > 0) {
            columns_header(x);
        } else if (x->empty_csv != NULL) {
            dynbuf_str(&x->buf, x->empty_csv);
            dynbuf_add(&x->buf, "\r\n", 2);
        }
    }
    x->finished = 1;
}

/* Refills the buffer with up to CHUNK bytes of rows. -1 on a failure. */
static int fill(exporter *x)
{
    dynbuf_reset(&x->buf);
    x->pos = 0;
    while (!x->finished && x->buf.len < CHUNK) {
        int more = db_stream_next(x->rows);
        if (more < 0)
            return -1;
        if (more == 0) {
            finish(x);
            break;
        }
        if (x->columns)
            columns_row(x);
        else if (json_row(x) != 0)
            return -1;
    }
    return x->buf.failed ? -1 : 0;
}

ssize_t export_read(exporter *x, char *out, size_t max)
{
    if (x->pos >= x->buf.len) {
        if (x->finished)
            return 0;
        if (fill(x) != 0) {
            log_event(LOG_ERROR, "export cut short by a database error", NULL);
            return -1;
        }
        if (x->buf.len == 0)
            return 0;
    }
    size_t n = x->buf.len - x->pos;
    if (n > max)
        n = max;
    memcpy(out, x->buf.data + x->pos, n);
    x->pos += n;
    return (ssize_t)n;
}

void export_close(exporter *x)
{
    if (x == NULL)
        return;
    db_stream_close(x->rows);
    dynbuf_free(&x->buf);
    free(x);
}
