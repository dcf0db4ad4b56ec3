/* seed.h: `dna-api seed`, the deterministic demo-data generator.
 *
 * Fills an empty database with departments, members (a few of them demo
 * logins with a known password) and the Ombudsman's API client. The same
 * seed gives the same rows, byte for byte, apart from Argon2 salts and the
 * created_at/updated_at defaults. */
#ifndef DNA_SEED_H
#define DNA_SEED_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    int members; /* total rows in members, the demo logins included */
    int reports; /* accepted, not used yet: reports come with issue 3 */
    unsigned long long seed;
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

#endif
