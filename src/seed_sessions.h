/* seed_sessions.h: the sessions step of `dna-api seed` (shared/spec/demo-data.md).
 *
 * Two years of monthly inspiration sessions, listening sessions, leadership
 * meetings and workshops before the reference date, and a few in the two
 * months after it, with registrations (waitlists and cancellations included),
 * attendance, feedback and the insights of listening sessions. Everything
 * is planned in memory first, from the seed alone (the pure part, which the
 * unit tests check), then written in the seed's transaction.
 *
 * The plan keeps the invariants of db/migrations/0006_sessions.sql: never
 * more registered than the capacity, and no free seat while anyone waits;
 * `queued` exactly for the waitlisted, in the order they came; attended only
 * for registered members of past sessions; feedback only from attendees,
 * once; theme codes are codes of seed_words_themes. */
#ifndef DNA_SEED_SESSIONS_H
#define DNA_SEED_SESSIONS_H

#include "seed_internal.h"
#include "seed_words.h"

typedef enum { SEED_INSPIRATION, SEED_LISTENING, SEED_LEADERSHIP, SEED_WORKSHOP, SEED_KINDS } seed_kind;
typedef enum { SEED_REGISTERED, SEED_WAITLISTED, SEED_CANCELLED } seed_reg_status;

/* The schema's names: "inspiration", ... and "registered", ... */
const char *seed_kind_name(seed_kind k);
const char *seed_reg_status_name(seed_reg_status s);

/* One registration, as the API would have left it: registered_at is the
 * sign-up, or the moment a seat came free for someone on the waitlist. */
typedef struct {
    long long member_id;
    seed_reg_status status;
    int64_t created_at;    /* the sign-up */
    int64_t registered_at; /* the sign-up, or the promotion off the waitlist */
    int64_t queued;        /* its place in line while waitlisted; 0 otherwise */
    int64_t updated_at;
    int version; /* 1 + each change: promotion, cancellation, attendance taken */
    int attended;
} seed_registration;

typedef struct {
    long long member_id;
    int rating;          /* 1..5 */
    const char *comment; /* NULL for none */
    int64_t created_at;
} seed_feedback;

typedef struct {
    const char *text;
    const char *theme; /* NULL: none in particular */
    long long author_id;
    int64_t created_at;
} seed_insight;

typedef struct {
    seed_kind kind;
    const char *title, *description, *location;
    const char *partner; /* NULL but for listening sessions */
    int64_t starts_at, ends_at, created_at, updated_at;
    int version;
    int capacity; /* 0: no limit (NULL in the table) */
    long long host_id;
    int upcoming; /* starts after the reference date: nobody attended yet */
    /* Its rows in the plan: regs[reg_first .. reg_first + reg_n), and so on. */
    size_t reg_first, reg_n, feedback_first, feedback_n, insight_first, insight_n;
} seed_session;

/* Sessions in order of starts_at; each one's rows in the arrays below, in
 * the sessions' order. */
typedef struct {
    seed_session *sessions;
    size_t n_sessions;
    seed_registration *regs;
    size_t n_regs;
    seed_feedback *feedback;
    size_t n_feedback;
    seed_insight *insights;
    size_t n_insights;
} seed_sessions_plan;

/* What the plan is made from. Members must be active, sorted by joined_at
 * (seed_people); organizers are the active organizers, at least one. The
 * demo logins get their parts (demo_member: registered for one upcoming
 * session, waitlisted on another; demo_organizer: hosts the launch, the
 * first listening session and two upcoming ones); 0 when absent. */
typedef struct {
    long ref_day; /* the history ends at the start of this local day */
    const seed_people *active;
    const seed_people *organizers;
    long long demo_member, demo_organizer;
} seed_sessions_input;

/* Draws the whole plan. The same stream and input give the same plan.
 * Returns 0, or -1 when out of memory or without organizers (the plan is
 * then empty). */
int seed_sessions_plan_make(seed_rng *r, const seed_sessions_input *in, seed_sessions_plan *plan);
void seed_sessions_plan_free(seed_sessions_plan *plan);

/* The figures of the summary line. */
typedef struct {
    long long sessions, upcoming, unlimited;
    long long registrations, registered, waitlisted, cancelled, attended;
    long long feedback, comments, insights;
} seed_sessions_counts;

void seed_sessions_count(const seed_sessions_plan *plan, seed_sessions_counts *c);

/* The step: reads the members (the demo logins by their emails), plans and
 * writes sessions, registrations, feedback and insights inside the caller's
 * transaction. Returns 0, or -1 after printing why. */
int seed_sessions_step(PGconn *conn, long ref_day, const char *demo_member_email,
                       const char *demo_organizer_email, seed_rng *rng, seed_sessions_counts *counts);

#endif
