/* ical.c: RFC 5545 output into dynbufs: content lines folded at 75 octets,
 * TEXT escaped, times in UTC. */
#include "ical.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

#define ICAL_LINE_OCTETS 75 /* per physical line, CRLF not counted (RFC 5545 3.1) */
#define ICAL_TIME_SIZE 17   /* "YYYYMMDDTHHMMSSZ" and NUL */

/* One content line being written: its buffer and the octets on the current
 * physical line. */
typedef struct {
    dynbuf *b;
    size_t col;
} line;

/* Appends n bytes that must stay on one physical line (one character or one
 * escape), folding before them when they would pass the limit. */
static void put_unit(line *l, const char *s, size_t n)
{
    if (l->col + n > ICAL_LINE_OCTETS) {
        dynbuf_add(l->b, "\r\n ", 3);
        l->col = 1;
    }
    dynbuf_add(l->b, s, n);
    l->col += n;
}

/* The escape of a TEXT special (RFC 5545 3.3.11), or NULL. */
static const char *escape_of(unsigned char c)
{
    switch (c) {
    case '\\': return "\\\\";
    case ';': return "\\;";
    case ',': return "\\,";
    case '\n': return "\\n";
    default: return NULL;
    }
}

/* 1 for the n-byte character at p when it is a control character that no
 * value may hold: C0 but TAB, DEL, and C1 (U+0080-U+009F). */
static int is_control(const unsigned char *p, size_t n)
{
    if (n == 1)
        return (p[0] < 0x20 && p[0] != '\t') || p[0] == 0x7F;
    return n == 2 && p[0] == 0xC2 && p[1] < 0xA0;
}

/* Appends a value: bytes that are no UTF-8 become '?', control characters
 * are dropped, and with `escape` (TEXT values) the specials are escaped,
 * a line break included. */
static void put_value(line *l, const char *s, int escape)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t n = text_char_len(s + i, len - i);
        if (n == 0) {
            put_unit(l, "?", 1);
            i++;
            continue;
        }
        const char *esc = n == 1 && escape ? escape_of((unsigned char)s[i]) : NULL;
        if (esc)
            put_unit(l, esc, 2);
        else if (!is_control((const unsigned char *)s + i, n))
            put_unit(l, s + i, n);
        i += n;
    }
}

/* Appends the content line NAME:value (escaped as TEXT when `escape`). */
static void prop(dynbuf *b, const char *name, const char *value, int escape)
{
    line l = {b, 0};
    put_unit(&l, name, strlen(name));
    put_unit(&l, ":", 1);
    put_value(&l, value, escape);
    dynbuf_add(b, "\r\n", 2);
}

/* The same for an optional value: NULL or "" writes nothing. */
static void prop_optional(dynbuf *b, const char *name, const char *value, int escape)
{
    if (value != NULL && value[0] != '\0')
        prop(b, name, value, escape);
}

/* Writes t as a UTC DATE-TIME ("20250301T183000Z"); -1 outside the years
 * 1000-9999, which the format cannot hold. */
static int utc_time(time_t t, char out[ICAL_TIME_SIZE])
{
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL || tm.tm_year < 1000 - 1900 || tm.tm_year > 9999 - 1900)
        return -1;
    return strftime(out, ICAL_TIME_SIZE, "%Y%m%dT%H%M%SZ", &tm) == ICAL_TIME_SIZE - 1 ? 0 : -1;
}

static int event_valid(const ical_event_data *e)
{
    return e->uid != NULL && e->uid[0] != '\0' && e->summary != NULL && e->dtend > e->dtstart &&
           e->sequence >= 0;
}

int ical_begin(dynbuf *b, const char *calendar_name)
{
    prop(b, "BEGIN", "VCALENDAR", 0);
    prop(b, "VERSION", "2.0", 0);
    prop(b, "PRODID", "-//Gemeente Den Haag//dna-api//NL", 0);
    prop(b, "CALSCALE", "GREGORIAN", 0);
    /* No METHOD: without one, RFC 5545 (3.8.7.2) makes DTSTAMP the event's
     * last change, so the same sessions give the same bytes (ETags, calendar
     * programs that poll); with METHOD it would have to be the time of the answer. */
    prop_optional(b, "X-WR-CALNAME", calendar_name, 1);
    return b->failed ? -1 : 0;
}

int ical_event(dynbuf *b, const ical_event_data *e)
{
    char stamp[ICAL_TIME_SIZE], start[ICAL_TIME_SIZE], end[ICAL_TIME_SIZE], modified[ICAL_TIME_SIZE];
    char sequence[16];
    if (!event_valid(e) || utc_time(e->dtstamp, stamp) != 0 || utc_time(e->dtstart, start) != 0 ||
        utc_time(e->dtend, end) != 0 || utc_time(e->last_modified, modified) != 0)
        return -1;
    snprintf(sequence, sizeof sequence, "%d", e->sequence);
    prop(b, "BEGIN", "VEVENT", 0);
    prop(b, "UID", e->uid, 1);
    prop(b, "DTSTAMP", stamp, 0);
    prop(b, "DTSTART", start, 0);
    prop(b, "DTEND", end, 0);
    prop(b, "SUMMARY", e->summary, 1);
    prop_optional(b, "DESCRIPTION", e->description, 1);
    prop_optional(b, "LOCATION", e->location, 1);
    prop_optional(b, "URL", e->url, 0);
    prop(b, "STATUS", e->status_cancelled ? "CANCELLED" : "CONFIRMED", 0);
    prop(b, "SEQUENCE", sequence, 0);
    prop(b, "LAST-MODIFIED", modified, 0);
    prop(b, "END", "VEVENT", 0);
    return b->failed ? -1 : 0;
}

int ical_end(dynbuf *b)
{
    prop(b, "END", "VCALENDAR", 0);
    return b->failed ? -1 : 0;
}
