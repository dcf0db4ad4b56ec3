/* seed_themes.h: the complaint themes of `dna-api seed` (shared/spec/demo-data.md,
 * domain.md "Complaint themes").
 *
 * Two steps. The first, before the reports that link to them, creates the
 * Haagse Ombudsman's themes (seed_words_themes). The second, once the
 * sessions are in, adds what the office pushed for each: a count and a short
 * summary for each of the 24 months before the reference month, and for a
 * few themes the office's own quarterly figures, a separate series that
 * never equals the sum of its months (it counts complaints handled, the
 * months count complaints received). Some themes turn after something the
 * programme did: their counts fall in the months after the first of their
 * turn_sessions took place, which is why the counts come after the sessions.
 *
 * The plan is made in memory from the seed and the turn days alone (the pure
 * part, which the unit tests check), then written in the seed's transaction.
 * It keeps the invariants of db/migrations/0007_complaint_themes.sql: periods
 * `YYYY-MM` or `YYYY-Qn` in 2000..2099, counts 0..1000000. */
#ifndef DNA_SEED_THEMES_H
#define DNA_SEED_THEMES_H

#include "seed_internal.h"
#include "seed_words.h"

/* The months of counts each theme gets, up to the month before the reference day. */
#define SEED_THEME_MONTHS 24
#define SEED_THEME_SUMMARY_MAX 512

/* One row of complaint_theme_periods. */
typedef struct {
    const seed_words_theme *theme;
    char period[8]; /* "2026-10" or "2026-Q3" */
    int quarter;    /* the office's quarterly series */
    long long count;
    char summary[SEED_THEME_SUMMARY_MAX];
    int64_t pushed_at; /* created_at and updated_at */
} seed_theme_period;

/* Theme by theme in the order of seed_words_themes: its months in order,
 * then its quarters in order. */
typedef struct {
    seed_theme_period *periods;
    size_t n;
} seed_themes_plan;

/* What the plan is made from. turn_days is parallel to seed_words_themes:
 * the local day of the first of a theme's turn_sessions, 0 when it did not
 * take place before the reference day (see seed_themes_note_session). */
typedef struct {
    long ref_day; /* the history ends at the start of this local day */
    const long *turn_days;
} seed_themes_input;

/* Records a past session: where it is one of a theme's turn_sessions and
 * earlier than what turn_days holds for it (0: nothing yet), its day. */
void seed_themes_note_session(const char *title, long day, long *turn_days);

/* When the office registered its themes: the start of the history. */
int64_t seed_themes_created_at(long ref_day);

/* Draws the whole plan. The same stream and input give the same plan; each
 * theme draws from a stream of its own, so one theme's turn leaves the
 * others as they are. Returns 0, or -1 when out of memory (the plan is then
 * empty). */
int seed_themes_plan_make(seed_rng *r, const seed_themes_input *in, seed_themes_plan *plan);
void seed_themes_plan_free(seed_themes_plan *plan);

/* The figures of the summary line and the audit log. */
typedef struct {
    long long themes;           /* created by the seed */
    long long months, quarters; /* rows of each series written */
    long long quarterly_themes; /* themes with quarterly figures */
    char first[8], last[8];     /* the first and last month ("" when none) */
} seed_themes_counts;

void seed_themes_count(const seed_themes_plan *plan, seed_themes_counts *c);

/* The first step: the themes, inside the caller's transaction; one that
 * exists already (pushed before the seed) keeps its title. Sets c->themes.
 * Returns 0, or -1 after printing why. */
int seed_themes_step(PGconn *conn, long ref_day, seed_themes_counts *c);

/* The second step, after the sessions: reads when the turn sessions took
 * place, plans, and writes the periods of every theme that has none yet.
 * Fills the rest of c. Returns 0, or -1 after printing why. */
int seed_theme_counts_step(PGconn *conn, long ref_day, seed_rng *rng, seed_themes_counts *c);

#endif
