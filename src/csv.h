/* csv.h: an RFC 4180 writer and the JSON-row to CSV/NDJSON conversion used
 * by every export. Output goes into a dynbuf (capped, growable). */
#ifndef DNA_CSV_H
#define DNA_CSV_H

#include <jansson.h>
#include <stddef.h>

#include "dynbuf.h"

/* Appends one CSV field, quoted when it holds a comma, quote, CR or LF (or
 * starts with a space), with quotes doubled. */
int csv_field(dynbuf *b, const char *s, size_t n);
/* Appends the header row of a JSON object's keys, CRLF-terminated. */
int csv_header(dynbuf *b, const json_t *row);
/* Appends one CSV row of the object's values in key order: strings as is,
 * numbers and booleans as text, null empty, arrays of scalars joined with
 * ";", other values as JSON. CRLF-terminated. */
int csv_row(dynbuf *b, const json_t *row);

#endif
