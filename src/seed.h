/* seed.h: `dna-api seed`, the deterministic demo-data generator.
 *
 * Fills an empty database with departments, members (a few of them demo
 * logins with a known password), the rule register, red-button reports with
 * their history, supports and comments, sessions with their registrations,
 * feedback and insights (seed_sessions.h), the Ombudsman's complaint themes
 * with two years of monthly counts (seed_themes.h), and the Ombudsman's API
 * client.
 * The same seed gives the same rows, byte for byte, apart from Argon2 salts,
 * the pseudonym key and the created_at/updated_at defaults of departments
 * and members. Reports, rules and sessions carry their own timestamps: two
 * years of history up to the fixed reference date 2026-11-01
 * (Europe/Amsterdam), and a few sessions in the two months after it, so the
 * output does not depend on the day the seed runs. */
#ifndef DNA_SEED_H
#define DNA_SEED_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    int members; /* total rows in members, the demo logins included */
    int reports; /* red-button reports (the rule register is always 60 rules) */
    unsigned long long seed;
    /* The reference date: all history lies in the two years before it.
     * Defaults to SEED_REF_*; a later date (today, say) makes the backlog of
     * new reports overdue and escalated relative to that date instead. */
    int ref_year, ref_month, ref_day;
} seed_options;

#define SEED_DEFAULT_MEMBERS 450
#define SEED_DEFAULT_REPORTS 2000
#define SEED_DEFAULT_SEED 42ULL
/* The demo logins are part of the member count, so there must be room for them. */
#define SEED_MIN_MEMBERS 5
#define SEED_MAX_MEMBERS 1000000

/* The fixed demo credentials printed after seeding. */
#define SEED_DEMO_PASSWORD "dna-demo-2026"
#define SEED_DEMO_CLIENT_ID "ombudsman"
#define SEED_DEMO_CLIENT_SECRET "dna-demo-ombudsman-secret"
#define SEED_EMAIL_DOMAIN "denhaag.example"

/* The history ends at the start of this day in The Hague: 2024-11-01 to
 * 2026-10-31. Still-new reports are filed at fixed offsets before it (some
 * more than 7 and some more than 14 days before: overdue and escalated). */
#define SEED_REF_YEAR 2026
#define SEED_REF_MONTH 11
#define SEED_REF_DAY 1

void seed_options_default(seed_options *o);

/* Fills an empty database in one transaction. Returns 0 on success, 1 when it
 * was already seeded (members exist: prints a line to `out` and changes
 * nothing), -1 on error (message to stderr; nothing is written). On success
 * prints the demo logins, the client credentials and a ready curl line to
 * `out`. The connection is borrowed and left outside any transaction. */
int seed_run(PGconn *conn, const seed_options *o, FILE *out);

/* --- pure parts, exposed for tests ---------------------------------------- */

/* splitmix64: tiny, fast, and the same sequence on every platform. */
typedef struct {
    uint64_t state;
} seed_rng;

void seed_rng_init(seed_rng *r, unsigned long long seed);
uint64_t seed_rng_next(seed_rng *r);
/* Uniform in [0, n) without modulo bias; n must be > 0. */
uint64_t seed_rng_below(seed_rng *r, uint64_t n);

/* Writes a plausible full name ("Fatima El Amrani", "Jan van der Meer") drawn
 * from seed_words into out. Returns its length, or -1 when it does not fit. */
int seed_pick_name(seed_rng *r, char *out, size_t n);

/* The local part of an email address for a name: lowercase ASCII, words
 * joined by dots, diacritics stripped, punctuation other than '-' dropped.
 * "Fatima El Amrani" -> "fatima.el.amrani", "Özlem Çelik" -> "ozlem.celik",
 * "Jan van 't Hof" -> "jan.van.t.hof". Returns the length (0 when nothing
 * usable is left), or -1 when it does not fit in n bytes. */
int seed_email_slug(const char *name, char *out, size_t n);

/* A PostgreSQL array literal of the strings, each element quoted:
 * {"klantreis","taalgebruik (B1)"}. Returns the length or -1 (too small). */
int seed_pg_array(const char *const *items, size_t count, char *out, size_t n);

/* Escapes s for one field of COPY's text format (backslash, tab, newline,
 * carriage return and other control characters). Returns the length or -1. */
int seed_copy_escape(const char *s, char *out, size_t n);

/* Days since 1970-01-01 <-> "YYYY-MM-DD", proleptic Gregorian, no time zone. */
long seed_days_from_civil(int year, int month, int day);
void seed_civil_date(long days, char out[11]);

/* --- time: moments are UTC seconds since 1970-01-01 ------------------------ */

/* The UTC offset of Europe/Amsterdam at a moment, in seconds: 7200 from the
 * last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC,
 * 3600 otherwise (the EU rule, in force since 1996). */
int seed_amsterdam_offset(int64_t utc);
/* The local calendar day (days since 1970-01-01) of a moment in The Hague. */
long seed_local_day(int64_t utc);
/* The moment of a local wall-clock time: `sec` seconds after midnight on
 * local day `day`. */
int64_t seed_local_time(long day, int sec);
/* ISO weekday of a day: 1 Monday .. 7 Sunday. */
int seed_weekday(long day);
/* The ISO week ("2026-W48") a moment falls in, in The Hague's local time:
 * the same as the SQL function iso_week(). */
void seed_iso_week(int64_t utc, char out[9]);
/* A timestamptz literal in UTC: "2026-11-29 09:30:00+00". */
void seed_timestamp(int64_t utc, char out[23]);

/* --- texts ------------------------------------------------------------------ */

/* Fills a seed_words template: {s} subject, {S} subject with a capital, {w}/{W}
 * who, {p}/{P} who in the plural, {n} number. Returns the length, or -1 when
 * it does not fit or names an unknown placeholder (or one whose word is NULL). */
typedef struct {
    const char *subject, *who, *who_plural, *number;
} seed_fill_words;
int seed_fill_template(const char *tmpl, const seed_fill_words *w, char *out, size_t n);

/* --- a report's life ---------------------------------------------------------- */

#define SEED_MAX_EVENTS 12

/* One entry of report_history: `from` is -1 for the filing (to = new).
 * Statuses are lc_status values (lifecycle.h). */
typedef struct {
    int64_t at;
    int from, to;
} seed_event;

typedef struct {
    int n;        /* events, the filing first */
    int priority; /* 0 low, 1 normal, 2 high, 3 urgent: drawn even if never triaged */
    seed_event ev[SEED_MAX_EVENTS];
} seed_timeline;

/* Draws the life of a report that ends in status `target`: the filing (its
 * created_at) and each transition, along the lifecycle's arrows
 * (lifecycle_allowed), all before the start of local day `ref_day`. The team
 * triages at its weekly meeting (Thursday morning); work happens on working
 * days; most reports close within weeks. A `target` of new is filed 1-45 days
 * before ref_day: about 40% within a week, 30% 8-13 days and 30% 15-45 days
 * before it. Returns 0, or -1 when the lifecycle has no path to `target`. */
int seed_draw_timeline(seed_rng *r, int target, long ref_day, seed_timeline *tl);

#endif
