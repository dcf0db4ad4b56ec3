/* export.h: a listing's every row as CSV (RFC 4180, header row) or NDJSON,
 * produced a chunk at a time in constant memory, whatever the row count.
 * CSV comes from the listing's plain columns when it declares them (no JSON
 * per row), else from each JSON row's keys and values. A listing with a
 * calendar_event also answers as an RFC 5545 calendar (EXPORT_ICS). */
#ifndef DNA_EXPORT_H
#define DNA_EXPORT_H

#include <stddef.h>
#include <sys/types.h>

#include "listing.h"
#include "result.h"

typedef enum { EXPORT_CSV = 1, EXPORT_NDJSON, EXPORT_ICS } export_format;

/* The version of the exports' columns, sent as X-Schema-Version: it goes up
 * when a column of any export is renamed, removed or moved (openapi.yaml
 * lists each export's columns), so that a script can tell it reads what it
 * was written for. */
#define EXPORT_SCHEMA_VERSION "1"

typedef struct {
    export_format format;
    int bom;          /* CSV: a UTF-8 byte order mark first (Excel then reads the text as UTF-8) */
    const char *name; /* EXPORT_ICS: the calendar's name (X-WR-CALNAME) */
} export_options;

typedef struct exporter exporter;

/* Runs the listing's query and waits for its first rows, so that a failure
 * is still a result to answer before any byte is sent (DNA_BUSY: every
 * export connection is streaming; calendars read from the read pool and
 * are never refused so). *out is owned by the caller: export_close. */
dna_status export_open(const listing_query *q, const export_options *o, exporter **out);
/* Copies up to `max` bytes of the export into out: the count, 0 at the end,
 * -1 when the query failed mid-way (the client's copy is then cut short). */
ssize_t export_read(exporter *x, char *out, size_t max);
void export_close(exporter *x);

#endif
