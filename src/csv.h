/* csv.h: an RFC 4180 writer and the JSON-row to CSV/NDJSON conversion used
 * by every export. Output goes into a dynbuf (capped, growable). */
#ifndef DNA_CSV_H
#define DNA_CSV_H

#include <jansson.h>
#include <stddef.h>

#include "dynbuf.h"

/* Appends one CSV field, quoted when it holds a comma, quote, CR or LF (or
 * starts or ends with a space), with quotes doubled. A field a spreadsheet
 * would run as a formula (csv_is_formula) is neutralised as OWASP advises
 * against CSV injection: quoted, with a single quote before its text, so
 * that "=HYPERLINK(...)" arrives as the text "'=HYPERLINK(...)". */
int csv_field(dynbuf *b, const char *s, size_t n);
/* 1 when the text starts with =, +, -, @, a tab or a carriage return and is
 * not a plain number: numbers stay numbers, negative ones included ("-3",
 * "-2.5", "-1e3"); anything else that starts so ("-1+2", "+31 70 ...") is a
 * formula to a spreadsheet. */
int csv_is_formula(const char *s, size_t n);
/* Appends the header row of a JSON object's keys, CRLF-terminated. */
int csv_header(dynbuf *b, const json_t *row);
/* Appends one CSV row of the object's values in key order: strings as is,
 * numbers and booleans as text, null empty, arrays of scalars joined with
 * ";", other values as JSON. CRLF-terminated. */
int csv_row(dynbuf *b, const json_t *row);

#endif
