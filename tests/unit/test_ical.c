/* Unit tests: the RFC 5545 writer (src/ical.c): the calendar's frame, UTC
 * times, TEXT escaping, control characters and broken UTF-8, folding at 75
 * octets around multi-byte characters and escapes, CRLF everywhere, refused
 * events, the buffer's cap, deterministic output. Last, it writes a sample
 * calendar and the events it must hold to $TMPDIR/dna-ical-sample.ics and
 * .json, which scripts/test.sh has tests/api/ical_check.py read back with
 * python3-icalendar. */
#include <jansson.h>
#include <stdlib.h>
#include <time.h>

#include "dynbuf.h"
#include "harness.h"
#include "ical.h"
#include "text.h"

#define MAX_OUT (1 << 20)

static ical_event_data plain_event(void)
{
    return (ical_event_data){
        .uid = "session-7@dna-api",
        .dtstamp = 1740042900, /* 2025-02-20 09:15:00 UTC */
        .dtstart = 1741284000, /* 2025-03-06 18:00:00 UTC */
        .dtend = 1741291200,   /* 2025-03-06 20:00:00 UTC */
        .last_modified = 1740042900,
        .summary = "Inspiratiesessie",
        .sequence = 2,
    };
}

/* The event's text alone; "" when it was refused (the caller owns it). */
static char *event_text(const ical_event_data *e)
{
    dynbuf b;
    dynbuf_init(&b, MAX_OUT);
    int rc = ical_event(&b, e);
    char *out = strdup(rc == 0 && b.data ? b.data : "");
    dynbuf_free(&b);
    return out;
}

/* 1 when `text` holds the whole physical line `line` (CRLF before and after). */
static int has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = strstr(text, line); p; p = strstr(p + 1, line))
        if ((p == text || (p - text >= 2 && p[-2] == '\r' && p[-1] == '\n')) &&
            strncmp(p + n, "\r\n", 2) == 0)
            return 1;
    return 0;
}

/* The wire rules for any output: valid UTF-8, CRLF after every line and
 * nowhere else, at most 75 octets a line, continuation lines that start
 * with one space and not inside a character. */
static void check_wire(const char *out)
{
    size_t len = strlen(out);
    CHECK(text_valid_utf8(out, len));
    CHECK(len >= 2 && out[len - 2] == '\r' && out[len - 1] == '\n');
    for (const char *p = out; *p;) {
        const char *eol = strstr(p, "\r\n");
        CHECK(eol != NULL);
        if (eol == NULL)
            return;
        CHECK(eol - p <= 75 && eol > p);
        CHECK(memchr(p, '\n', (size_t)(eol - p)) == NULL && memchr(p, '\r', (size_t)(eol - p)) == NULL);
        if (p[0] == ' ')
            CHECK(((unsigned char)p[1] & 0xC0) != 0x80);
        p = eol + 2;
    }
}

/* `out` with the folds taken out (the caller owns it). */
static char *unfold(const char *out)
{
    size_t n = strlen(out), k = 0;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(out + i, "\r\n ", 3) == 0)
            i += 2;
        else
            s[k++] = out[i];
    }
    s[k] = '\0';
    return s;
}

/* A string of n copies of c followed by `tail`, in buf. */
static const char *repeat(char *buf, size_t cap, char c, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    if (n + t + 1 > cap)
        return "";
    memset(buf, c, n);
    memcpy(buf + n, tail, t + 1);
    return buf;
}

static void calendar_frame(void)
{
    dynbuf b;
    dynbuf_init(&b, MAX_OUT);
    CHECK(ical_begin(&b, "Sessies DNA, Den Haag") == 0);
    CHECK(ical_end(&b) == 0);
    CHECK_STR(b.data, "BEGIN:VCALENDAR\r\n"
                      "VERSION:2.0\r\n"
                      "PRODID:-//Gemeente Den Haag//dna-api//NL\r\n"
                      "CALSCALE:GREGORIAN\r\n"
                      "X-WR-CALNAME:Sessies DNA\\, Den Haag\r\n"
                      "END:VCALENDAR\r\n");
    dynbuf_reset(&b);
    CHECK(ical_begin(&b, NULL) == 0);
    CHECK(b.data && strstr(b.data, "X-WR-CALNAME") == NULL);
    dynbuf_free(&b);
}

static void event_properties(void)
{
    ical_event_data e = plain_event();
    e.description = "Over luisteren";
    e.location = "Stadhuis";
    e.url = "https://dna.denhaag.example/sessions/7";
    char *out = event_text(&e);
    CHECK_STR(out, "BEGIN:VEVENT\r\n"
                   "UID:session-7@dna-api\r\n"
                   "DTSTAMP:20250220T091500Z\r\n"
                   "DTSTART:20250306T180000Z\r\n"
                   "DTEND:20250306T200000Z\r\n"
                   "SUMMARY:Inspiratiesessie\r\n"
                   "DESCRIPTION:Over luisteren\r\n"
                   "LOCATION:Stadhuis\r\n"
                   "URL:https://dna.denhaag.example/sessions/7\r\n"
                   "STATUS:CONFIRMED\r\n"
                   "SEQUENCE:2\r\n"
                   "LAST-MODIFIED:20250220T091500Z\r\n"
                   "END:VEVENT\r\n");
    free(out);
}

static void optional_fields_left_out(void)
{
    ical_event_data e = plain_event();
    e.location = "";
    char *out = event_text(&e);
    CHECK(strstr(out, "DESCRIPTION") == NULL && strstr(out, "LOCATION") == NULL &&
          strstr(out, "URL") == NULL);
    CHECK(has_line(out, "SUMMARY:Inspiratiesessie"));
    free(out);
}

static void cancelled_event(void)
{
    ical_event_data e = plain_event();
    e.status_cancelled = 1;
    e.sequence = 5;
    char *out = event_text(&e);
    CHECK(has_line(out, "STATUS:CANCELLED"));
    CHECK(strstr(out, "CONFIRMED") == NULL);
    CHECK(has_line(out, "SEQUENCE:5"));
    free(out);
}

/* Times are UTC whatever the local zone: 1 July 2025 20:30 in The Hague is
 * 18:30Z, 6 March 19:00 is 18:00Z. */
static void times_in_utc(void)
{
    char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    ical_event_data e = plain_event();
    e.dtstart = 1751394600;
    e.dtend = e.dtstart + 5400;
    char *out = event_text(&e);
    CHECK(has_line(out, "DTSTART:20250701T183000Z"));
    CHECK(has_line(out, "DTEND:20250701T200000Z"));
    CHECK(has_line(out, "DTSTAMP:20250220T091500Z"));
    free(out);
    e = plain_event();
    e.dtstart = 0;
    e.dtend = 1;
    out = event_text(&e);
    CHECK(has_line(out, "DTSTART:19700101T000000Z") && has_line(out, "DTEND:19700101T000001Z"));
    free(out);
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    free(saved);
    tzset();
}

static void text_escaped(void)
{
    ical_event_data e = plain_event();
    e.summary = "Luisteren; met, zonder \\ schuine streep";
    e.description = "Regel 1\nRegel 2\r\nRegel 3\rsamen: \"quotes\" en dubbele punten blijven";
    e.location = "Spui 70, Den Haag";
    e.uid = "a,b;c";
    char *out = event_text(&e);
    CHECK(has_line(out, "SUMMARY:Luisteren\\; met\\, zonder \\\\ schuine streep"));
    CHECK(has_line(out, "LOCATION:Spui 70\\, Den Haag"));
    CHECK(has_line(out, "UID:a\\,b\\;c"));
    char *logical = unfold(out);
    CHECK(has_line(logical,
                   "DESCRIPTION:Regel 1\\nRegel 2\\nRegel 3samen: \"quotes\" en dubbele punten blijven"));
    free(logical);
    free(out);
}

/* Control characters go (TAB stays), C1 controls too; a byte that is no
 * UTF-8 becomes '?', a character cut short at the end too. A URL is not
 * TEXT: no escapes, but no control characters either. */
static void controls_and_broken_utf8(void)
{
    ical_event_data e = plain_event();
    e.summary = "a\x01"
                "b\x1b"
                "c\x7f"
                "d\te\xc2\x85"
                "f\xc2\xa0g";
    e.description = "caf\xc3\xa9 \xff\xfe caf\xc3";
    e.location = "\xe2\x82"; /* half a euro sign */
    e.url = "https://x.example/a,b;c\n\\d";
    char *out = event_text(&e);
    CHECK(has_line(out, "SUMMARY:abcd\te"
                        "f\xc2\xa0g"));
    CHECK(has_line(out, "DESCRIPTION:caf\xc3\xa9 ?? caf?"));
    CHECK(has_line(out, "LOCATION:??"));
    CHECK(has_line(out, "URL:https://x.example/a,b;c\\d"));
    check_wire(out);
    free(out);
}

/* "SUMMARY:" is 8 octets: 67 more fill a line of exactly 75. */
static void folds_at_75_octets(void)
{
    char in[128], want[160];
    ical_event_data e = plain_event();
    struct {
        size_t as;
        const char *tail;
        const char *folded; /* what the expected line ends in after the a's */
    } cases[] = {
        {67, "", ""},                                      /* 75: no fold */
        {67, "a", "\r\n a"},                               /* 76: one octet over */
        {65, "\xc3\xa9", "\xc3\xa9"},                      /* é ends at 75 */
        {66, "\xc3\xa9", "\r\n \xc3\xa9"},                 /* é would straddle */
        {64, "\xe2\x82\xac", "\xe2\x82\xac"},              /* € ends at 75 */
        {65, "\xe2\x82\xac", "\r\n \xe2\x82\xac"},         /* € at 74 */
        {66, "\xe2\x82\xac", "\r\n \xe2\x82\xac"},         /* € at 75 */
        {63, "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},      /* 4 octets end at 75 */
        {64, "\xf0\x9f\x98\x80", "\r\n \xf0\x9f\x98\x80"}, /* 4 octets at 73 */
        {65, ",", "\\,"},                                  /* escape ends at 75 */
        {66, ",", "\r\n \\,"},                             /* an escape is not cut */
        {66, "\xc3\xa9xyz", "\r\n \xc3\xa9xyz"},           /* the rest follows */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        e.summary = repeat(in, sizeof in, 'a', cases[i].as, cases[i].tail);
        char *out = event_text(&e);
        char prefix[100];
        snprintf(want, sizeof want, "SUMMARY:%s%s", repeat(prefix, sizeof prefix, 'a', cases[i].as, ""),
                 cases[i].folded);
        if (!has_line(out, want))
            fprintf(stderr, "  fold case %zu\n", i);
        CHECK(has_line(out, want));
        check_wire(out);
        free(out);
    }
}

/* A long text with multi-byte characters and escapes everywhere: every line
 * within 75 octets, and unfolding gives the escaped text back. */
static void long_text_folds_cleanly(void)
{
    dynbuf text, want;
    dynbuf_init(&text, MAX_OUT);
    dynbuf_init(&want, MAX_OUT);
    dynbuf_str(&want, "DESCRIPTION:");
    for (int i = 0; i < 200; i++) {
        dynbuf_str(&text, "\xc3\xa9\xe2\x82\xac, \xf0\x9f\x98\x80;x\n");
        dynbuf_str(&want, "\xc3\xa9\xe2\x82\xac\\, \xf0\x9f\x98\x80\\;x\\n");
    }
    ical_event_data e = plain_event();
    e.description = text.data;
    char *out = event_text(&e);
    check_wire(out);
    char *logical = unfold(out);
    CHECK(has_line(logical, want.data));
    free(logical);
    free(out);
    dynbuf_free(&text);
    dynbuf_free(&want);
}

static void refused_events_write_nothing(void)
{
    ical_event_data bad[7];
    for (int i = 0; i < 7; i++)
        bad[i] = plain_event();
    bad[0].uid = NULL;
    bad[1].uid = "";
    bad[2].summary = NULL;
    bad[3].dtend = bad[3].dtstart;
    bad[4].sequence = -1;
    bad[5].dtstart = -62135596800 - 86400; /* 31 December of the year 0 */
    bad[6].dtstamp = (time_t)253402300800; /* the year 10000 */
    dynbuf b;
    dynbuf_init(&b, MAX_OUT);
    CHECK(ical_begin(&b, "x") == 0);
    size_t len = b.len;
    for (int i = 0; i < 7; i++) {
        CHECK(ical_event(&b, &bad[i]) == -1);
        CHECK(b.len == len && !b.failed);
    }
    CHECK(ical_end(&b) == 0);
    dynbuf_free(&b);
}

static void buffer_cap(void)
{
    dynbuf b;
    dynbuf_init(&b, 64);
    CHECK(ical_begin(&b, "x") == -1);
    CHECK(b.failed && b.data == NULL);
    ical_event_data e = plain_event();
    CHECK(ical_event(&b, &e) == -1);
    CHECK(ical_end(&b) == -1);
    dynbuf_free(&b);
}

/* Folded right before the euro sign and the emoji (build_sample checks). */
static const char *const SAMPLE_DESCRIPTION1 =
    "Wat bewoners de Ombudsman vertellen kost de gemeente niets: 0 \xe2\x82\xac een gesprek over klachten "
    "die blijven liggen en wat wij ervan leren! \xf0\x9f\x8e\x89 Tot dan.";

/* The sample calendar: what scripts/test.sh has the parser read back. */
static const ical_event_data *sample_events(size_t *n)
{
    static ical_event_data events[3];
    events[0] = plain_event();
    events[0].uid = "session-1@dna-api.denhaag.example";
    events[0].summary = "Inspiratiesessie: wat bewoners \xc3\xa9"
                        "cht willen, en waarom";
    events[0].description = "Met de wethouder; daarna borrel.\nKosten: \xe2\x82\xac 0,00 \xf0\x9f\x8e\x89\r\n"
                            "Lange tekst over luisteren naar bewoners, over klachten die terugkomen en over "
                            "wat de gemeente daarvan leert. Map: P:\\Gedeeld\\DNA; caf\xc3\xa9 na afloop.";
    events[0].location = "Stadhuis, Spui 70, Den Haag";
    events[0].url = "https://dna.denhaag.example/sessions/1";
    events[0].sequence = 3;
    events[1] = plain_event();
    events[1].uid = "session-2@dna-api.denhaag.example";
    events[1].summary = "Luistersessie met de Haagse Ombudsman";
    events[1].dtstart = 1751394600;
    events[1].dtend = 1751394600 + 5400;
    events[1].description = SAMPLE_DESCRIPTION1;
    events[1].sequence = 0;
    events[2] = plain_event();
    events[2].uid = "session-3@dna-api.denhaag.example";
    events[2].summary = "Leiderschapsoverleg \xff\x07(verzet)";
    events[2].location = "Zaal 1,2";
    events[2].status_cancelled = 1;
    *n = 3;
    return events;
}

/* What the parser must read back: the texts unescaped and cleaned. */
static const char *const SAMPLE_SUMMARIES[] = {
    "Inspiratiesessie: wat bewoners \xc3\xa9"
    "cht willen, en waarom",
    "Luistersessie met de Haagse Ombudsman",
    "Leiderschapsoverleg ?(verzet)",
};
static const char *const SAMPLE_DESCRIPTION0 =
    "Met de wethouder; daarna borrel.\nKosten: \xe2\x82\xac 0,00 \xf0\x9f\x8e\x89\n"
    "Lange tekst over luisteren naar bewoners, over klachten die terugkomen en over "
    "wat de gemeente daarvan leert. Map: P:\\Gedeeld\\DNA; caf\xc3\xa9 na afloop.";

static void build_sample(dynbuf *b)
{
    size_t n;
    const ical_event_data *events = sample_events(&n);
    CHECK(ical_begin(b, "DNA-sessies, Den Haag") == 0);
    for (size_t i = 0; i < n; i++)
        CHECK(ical_event(b, &events[i]) == 0);
    CHECK(ical_end(b) == 0);
    CHECK(b->data && strstr(b->data, "niets: 0 \r\n \xe2\x82\xac een") &&
          strstr(b->data, "leren! \r\n \xf0\x9f"));
}

static void deterministic(void)
{
    dynbuf a, b;
    dynbuf_init(&a, MAX_OUT);
    dynbuf_init(&b, MAX_OUT);
    build_sample(&a);
    build_sample(&b);
    CHECK(a.len == b.len && a.len > 0 && memcmp(a.data, b.data, a.len) == 0);
    check_wire(a.data);
    dynbuf_free(&a);
    dynbuf_free(&b);
}

static json_t *utc_iso(time_t t)
{
    struct tm tm;
    char s[32];
    gmtime_r(&t, &tm);
    strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(s);
}

static json_t *sample_expected(void)
{
    size_t n;
    const ical_event_data *events = sample_events(&n);
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        const ical_event_data *e = &events[i];
        json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:I, s:o, s:o, s:o}", "uid", e->uid, "summary",
                                              SAMPLE_SUMMARIES[i], "status",
                                              e->status_cancelled ? "CANCELLED" : "CONFIRMED", "sequence",
                                              (json_int_t)e->sequence, "dtstart", utc_iso(e->dtstart),
                                              "dtend", utc_iso(e->dtend), "dtstamp", utc_iso(e->dtstamp)));
    }
    json_object_set_new(json_array_get(list, 0), "description", json_string(SAMPLE_DESCRIPTION0));
    json_object_set_new(json_array_get(list, 0), "location", json_string("Stadhuis, Spui 70, Den Haag"));
    json_object_set_new(json_array_get(list, 0), "url", json_string(events[0].url));
    json_object_set_new(json_array_get(list, 1), "location", json_null());
    json_object_set_new(json_array_get(list, 1), "description", json_string(SAMPLE_DESCRIPTION1));
    json_object_set_new(json_array_get(list, 2), "location", json_string("Zaal 1,2"));
    return json_pack("{s:o}", "events", list);
}

/* Writes $TMPDIR/dna-ical-sample.ics and .json for tests/api/ical_check.py. */
static void sample_written(void)
{
    const char *dir = getenv("TMPDIR") && getenv("TMPDIR")[0] ? getenv("TMPDIR") : "/tmp";
    char path[4096];
    dynbuf b;
    dynbuf_init(&b, MAX_OUT);
    build_sample(&b);
    snprintf(path, sizeof path, "%s/dna-ical-sample.ics", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL && b.data != NULL);
    if (f && b.data)
        CHECK(fwrite(b.data, 1, b.len, f) == b.len);
    CHECK(f && fclose(f) == 0);
    snprintf(path, sizeof path, "%s/dna-ical-sample.json", dir);
    json_t *expected = sample_expected();
    CHECK(json_dump_file(expected, path, JSON_INDENT(2)) == 0);
    json_decref(expected);
    dynbuf_free(&b);
}

int main(void)
{
    RUN(calendar_frame);
    RUN(event_properties);
    RUN(optional_fields_left_out);
    RUN(cancelled_event);
    RUN(times_in_utc);
    RUN(text_escaped);
    RUN(controls_and_broken_utf8);
    RUN(folds_at_75_octets);
    RUN(long_text_folds_cleanly);
    RUN(refused_events_write_nothing);
    RUN(buffer_cap);
    RUN(deterministic);
    RUN(sample_written);
    HARNESS_END();
}
