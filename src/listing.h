/* listing.h: collections declared once. A resource declares its listing's
 * filters and sorts in one table; this module generates the statements from
 * it (one per sort and direction, ascending and descending from the same
 * declaration), reads and checks the filters from the query string by name,
 * and binds each value to the parameter the generated SQL gave that name.
 * Adding or reordering a filter therefore cannot filter the wrong column.
 *
 * How a resource declares one (src/rules.c is the worked example):
 *
 *   static const listing_filter RULE_FILTERS[] = {
 *       {"outcome", LISTING_ENUM, .values = RULE_OUTCOMES, .where = "r.outcome = {}"},
 *       {"q", LISTING_TEXT, .maxlen = 200, .where = "r.title ILIKE '%' || {} || '%'"},
 *       {NULL}};
 *   static const listing_sort RULE_SORTS[] = {{"title", "r.title", "text"}, {NULL}};
 *   const listing_def RULES_LIST = {
 *       .name = "rules", .row = "json_build_object(...)::text", .from = " FROM rules r ...",
 *       .id = "r.id", .updated_at = "r.updated_at", .default_sort = "title",
 *       .filters = RULE_FILTERS, .sorts = RULE_SORTS};
 *
 * In `where`, `{}` is the filter's own value; anywhere in row, columns, from
 * and where, `{name}` is the value of the filter or context called `name`
 * (cast to its SQL type). A query filter's condition applies only when the
 * query gives it; a context (LISTING_CONTEXT: the viewer, a parent's id) is
 * bound by the service with listing_bind and its condition always applies.
 * Every listing also takes limit, cursor, sort, updated_since, format and
 * bom (CSV exports).
 *
 * A listing that declares the context `export` (boolean) has it bound by
 * the HTTP layer: true for CSV and NDJSON exports, false for pages, so that
 * a row can leave out of exports what pages may show (free text that may
 * name people, for analysts). */
#ifndef DNA_LISTING_H
#define DNA_LISTING_H

#include <stddef.h>

#include <jansson.h>

#include "cursor.h"
#include "db.h"
#include "ical.h"
#include "result.h"

struct dna_params;

#define LISTING_MAX_FILTERS 24

typedef enum {
    LISTING_TEXT,     /* text of at most maxlen bytes */
    LISTING_ENUM,     /* one of values */
    LISTING_ENUM_SET, /* one or more of values (status=a&status=b or status=a,b): a text[] */
    LISTING_INT,      /* an integer in [min, max] */
    LISTING_BOOL,     /* true or false */
    LISTING_DATE,     /* YYYY-MM-DD */
    LISTING_DATETIME, /* RFC 3339 */
    LISTING_WEEK,     /* YYYY-Www */
    LISTING_PERIOD,   /* YYYY-MM or YYYY-Qn (complaint periods) */
    LISTING_CONTEXT,  /* not from the query: bound by the service (listing_bind) */
} listing_kind;

typedef struct {
    const char *name; /* the query parameter (or the context's name) */
    listing_kind kind;
    const char *where; /* the condition, with {} for the value; NULL: none */
    const char *type;  /* LISTING_CONTEXT only: the SQL type ("bigint", "boolean") */
    size_t maxlen;
    long long min, max;
    const char *const *values;
    int member_id; /* the value names a member by id: refused to analysts (list.h) */
} listing_filter;

/* A sort order: answers sort=name (ascending) and sort=-name (descending). */
typedef struct {
    const char *name;   /* "created_at" */
    const char *column; /* "r.created_at" */
    const char *type;   /* the column's SQL type, for the cursor's value: "timestamptz" */
} listing_sort;

typedef struct {
    const char *name;       /* statement names and the export's file name: "reports" */
    const char *row;        /* the row as JSON text: "row_to_json(rj)::text" */
    const char *columns;    /* optional: the row as plain columns, for CSV ("rj.*") */
    const char *from;       /* " FROM reports r JOIN ..." (may say WHERE: the filters follow with AND) */
    const char *id;         /* the unique tie-breaker of every order: "r.id" */
    const char *updated_at; /* what updated_since compares: "r.updated_at" */
    const char *csv_header; /* the CSV header of an export with no rows */
    const char *csv_header_pseudo; /* the same for a viewer with pseudonyms (context `pseudo` true), when
                                      their rows have other fields; NULL: csv_header */
    const char *default_sort;      /* "-created_at" */
    const listing_filter *filters; /* ends with {NULL} */
    const listing_sort *sorts;     /* ends with {NULL} */
    /* Optional: the listing also answers as an RFC 5545 calendar, an event
     * per JSON row. Fills *e (its strings borrowed from row or written into
     * scratch); 0, or -1 to leave the row out. */
    int (*calendar_event)(const json_t *row, ical_event_data *e, char *scratch, size_t cap);
    const char *calendar_name; /* the calendar's name (X-WR-CALNAME) */
    /* Figures about groups, never about one person (statistics): whoever may
     * read the listing may also export it. */
    int aggregates;
} listing_def;

/* One request for a listing: the filter values bound by name, the sort, the
 * page. Lives on the caller's stack. */
typedef struct {
    const listing_def *def;
    const char *values[LISTING_MAX_FILTERS]; /* by filter index; NULL: not given */
    char sets[LISTING_MAX_FILTERS][128];     /* enum sets as text[] literals */
    const listing_sort *sort;
    int descending;
    long long limit;
    const char *updated_since;
    char updated_buf[40]; /* updated_since in UTC */
    int have_cursor;
    cursor after;
    char after_id[24];
} listing_query;

/* Reads the query string for a listing: every filter by its kind, limit
 * (1..500, default 50), cursor, sort, updated_since; `format` is left to the
 * caller. Unknown parameters and bad values are field errors (DNA_BAD_REQUEST). */
dna_status listing_parse(const listing_def *def, const struct dna_params *query, listing_query *out,
                         dna_err *err);
/* Binds a value by name (a context, or a filter the service sets itself).
 * Returns 0, or -1 when the listing has no such name. */
int listing_bind(listing_query *q, const char *name, const char *value);
/* The value bound to a name (NULL when unbound or undeclared). */
const char *listing_value(const listing_query *q, const char *name);

/* One page as JSON text {"data": [...], "next_cursor": "..." | null},
 * malloc'd into *json (caller frees); *next is "" on the last page. */
dna_status listing_page(const listing_query *q, char **json, size_t *len, char next[CURSOR_MAX]);

/* Every row as one JSON array text "[...]", malloc'd into *json: for
 * listings whose size is bounded by their own query (statistics). */
dna_status listing_all(const listing_query *q, char **json, size_t *len);

/* Every row, streamed from `pool`: the JSON rows (columns = 0) or the plain
 * columns (columns = 1, when the listing declares them). */
dna_status listing_stream(const listing_query *q, int columns, db_stream_pool pool, db_stream **out);

/* The generated SQL of one sort ("-created_at"), for make bench and tests;
 * NULL when there is none. The text lives as long as the process. */
const char *listing_sql(const listing_def *def, const char *sort, int columns);

#endif
