/* ical.h: an RFC 5545 (iCalendar) writer for calendar feeds. Pure: no I/O,
 * no clock, so the same input gives the same bytes.
 *
 * Output is appended to the caller's dynbuf; the functions borrow every
 * string they are given and keep nothing. Every content line ends in CRLF
 * and is folded at 75 octets (CRLF and one space), never inside a UTF-8
 * character or an escape. All times are written in UTC (YYYYMMDDTHHMMSSZ).
 * Text is escaped per RFC 5545 3.3.11 (backslash, semicolon, comma; a line
 * break becomes \n, CR is dropped), other control characters are dropped
 * and bytes that are not UTF-8 become '?', so the output is valid UTF-8
 * whatever the input.
 *
 * A calendar is ical_begin, any number of ical_event, then ical_end. Each
 * returns 0, or -1 when the buffer has failed (its cap, or no memory; the
 * dynbuf is then freed and fails from then on, so checking the last call
 * is enough). */
#ifndef DNA_ICAL_H
#define DNA_ICAL_H

#include <time.h>

#include "dynbuf.h"

typedef struct {
    const char *uid;         /* required, not empty; stable for the event */
    time_t dtstamp;          /* without METHOD: the event's last change (RFC 5545 3.8.7.2) */
    time_t dtstart, dtend;   /* dtend after dtstart */
    const char *summary;     /* required */
    const char *description; /* NULL or "": left out */
    const char *location;    /* NULL or "": left out */
    const char *url;         /* NULL or "": left out; written as is (a URI) */
    int status_cancelled;    /* STATUS:CANCELLED, else STATUS:CONFIRMED */
    int sequence;            /* revision (0 and up), e.g. the row's version */
    time_t last_modified;
} ical_event_data;

/* BEGIN:VCALENDAR and the calendar's properties (VERSION, PRODID, CALSCALE,
 * METHOD:PUBLISH and X-WR-CALNAME when calendar_name is neither NULL nor ""). */
int ical_begin(dynbuf *b, const char *calendar_name);

/* One VEVENT. An event that cannot be written (no uid or summary, dtend not
 * after dtstart, a negative sequence, a time outside the years 1000-9999)
 * writes nothing and returns -1 with the buffer intact (b->failed stays 0,
 * which tells this from a failed buffer). */
int ical_event(dynbuf *b, const ical_event_data *e);

/* END:VCALENDAR. */
int ical_end(dynbuf *b);

#endif
