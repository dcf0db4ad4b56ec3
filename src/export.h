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

typedef struct exporter exporter;

/* Runs the listing's query and waits for its first row, so that a failure
 * is still a result to answer before any byte is sent. *out is owned by the
 * caller: export_close. */
dna_status export_open(const listing_query *q, export_format format, exporter **out);
/* The same with a name for the calendar (EXPORT_ICS: X-WR-CALNAME). */
dna_status export_open_named(const listing_query *q, export_format format, const char *name, exporter **out);
/* Copies up to `max` bytes of the export into out: the count, 0 at the end,
 * -1 when the query failed mid-way (the client's copy is then cut short). */
ssize_t export_read(exporter *x, char *out, size_t max);
void export_close(exporter *x);

#endif
