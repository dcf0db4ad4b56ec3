/* seed_initiatives.h: the initiatives step of `dna-api seed`
 * (shared/spec/demo-data.md).
 *
 * Forty initiatives of the inventory, written out by hand (titles,
 * summaries, departments, the complaint themes they address and how they
 * ended), in all four states; their timeline, owner, participants and
 * progress updates drawn from the seed. Each is linked to the most
 * supported reports of its own themes, so that a theme's thread reads as a
 * story: the complaints, the reports about them and what is being done.
 *
 * The rows keep the invariants of db/migrations/0008_initiatives.sql:
 * started_at exactly when no longer an idea, closed_at exactly when
 * completed or stopped, after the start; owners and participants are
 * active members who had joined by then; theme codes come from
 * seed_words_complaint_themes. */
#ifndef DNA_SEED_INITIATIVES_H
#define DNA_SEED_INITIATIVES_H

#include "seed_internal.h"

/* The figures of the summary line. */
typedef struct {
    long long initiatives, ideas, active, completed, stopped;
    long long participants, updates, reports, themes;
} seed_initiatives_counts;

/* The step, inside the caller's transaction, after members, themes and
 * reports. Returns 0, or -1 after printing why. */
int seed_initiatives_step(PGconn *conn, long ref_day, seed_rng *rng, seed_initiatives_counts *counts);

#endif
