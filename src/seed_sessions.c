/* seed_sessions.c: sessions, registrations, attendance, feedback and
 * insights for `dna-api seed` (see seed_sessions.h).
 *
 * First a schedule: the launch of the programme plan, a monthly inspiration
 * session, a listening session a quarter, leadership meetings and workshops,
 * and a few sessions in the two months after the reference day. Each session
 * then draws from a stream of its own (its seed, with a salt per concern),
 * like reports do, so that changing how feedback is drawn does not move
 * anyone's registration. Registrations are not drawn as an end state but
 * played out in time order, sign-ups and cancellations, with the rules of
 * the API (sessions.c): a seat while there is one, else the waitlist; a
 * cancellation gives the seat to the first in line. What is left afterwards
 * keeps the schema's invariants by construction. */
#include "seed_sessions.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define MAX_SESSIONS 64
#define MAX_WORDS 32 /* the longest word list of sessions */

/* --- the schedule ----------------------------------------------------------- */

/* Upcoming sessions fall in the two months after the reference day. */
#define UPCOMING_DAYS 60
/* The programme plan was launched in its third or fourth week, once the
 * first wave of sign-ups had joined; the monthly series starts at least a
 * week after it. */
#define LAUNCH_FROM_DAY 20
#define LAUNCH_SPAN_DAYS 8
#define SERIES_GAP_DAYS 7
/* A listening session about every quarter, the first after two months. */
#define LISTENING_PAST 7
#define LISTENING_FIRST_DAY 60
#define LISTENING_EVERY_DAYS 95
/* A leadership meeting about every quarter after the launch. */
#define LEADERSHIP_PAST 7
#define LEADERSHIP_FIRST_DAY 45
#define LEADERSHIP_EVERY_DAYS 90
#define WORKSHOPS_PAST 8
#define WORKSHOP_FIRST_DAY 35
#define WORKSHOP_EVERY_DAYS 82
#define JITTER_DAYS 20

/* Announced three to eight weeks ahead; upcoming ones at least a week
 * before the reference day, so that sign-ups had time to come in. */
#define LEAD_MIN_DAYS 21
#define LEAD_MAX_DAYS 56
#define UPCOMING_ANNOUNCED_DAYS 7
/* Share of sessions changed once after the announcement (version 2). */
#define EDIT_PERCENT 30
/* Besides the sessions given to the demo organizer, a share of the rest. */
#define DEMO_HOST_PERCENT 10

/* --- seats and sign-ups ------------------------------------------------------ */

/* Past sessions that filled up and had a waitlist; the rest came close. */
#define FULL_PERCENT 75
#define WAITLIST_MAX 6
#define NEARLY_MIN_PERCENT 80
#define NEARLY_MAX_PERCENT 97
/* Upcoming sessions still taking sign-ups. */
#define OPENING_MIN_PERCENT 40
#define OPENING_MAX_PERCENT 75
/* Leadership meetings in a hall without a seat limit. */
#define UNLIMITED_LEADERSHIP_PERCENT 30
#define UNLIMITED_MIN 40
#define UNLIMITED_MAX 140
/* A small network books small rooms: never more seats than this share of
 * those who could come, and no more sign-ups without a limit than half. */
#define ROOM_SHARE_PERCENT 60
#define UNLIMITED_SHARE_PERCENT 50
/* Everyone in the network by then was invited to the launch; most came. */
#define LAUNCH_TURNOUT_PERCENT 80
#define CANCEL_PERCENT 5
/* Half sign up in the first fifth of the time, right after the invitation. */
#define RUSH_PERCENT 50
#define EVENING_PERCENT 15

/* --- afterwards -------------------------------------------------------------- */

#define ATTEND_MIN_PERCENT 70
#define ATTEND_MAX_PERCENT 85
#define FEEDBACK_MIN_PERCENT 30
#define FEEDBACK_MAX_PERCENT 60
#define COMMENT_PERCENT 33
/* Sessions that did not land as well: their ratings lean lower. */
#define MIXED_SESSION_PERCENT 15
#define FEEDBACK_DAYS 7
#define INSIGHTS_MIN 2
#define INSIGHTS_MAX 5
/* Insights about the themes the partner's stories are mostly about. */
#define PARTNER_THEME_PERCENT 70

/* Sub-streams of a session's seed, one per concern. */
#define SALT_SESSION 0x452821e638d01377ULL
#define SALT_CROWD 0xbe5466cf34e90c6cULL
#define SALT_AFTER 0xc0ac29b7c97c50ddULL
#define SALT_INSIGHTS 0x3f84d5b5b5470917ULL

static const char *const KIND_NAMES[SEED_KINDS] = {"inspiration", "listening", "leadership", "workshop"};
static const char *const STATUS_NAMES[3] = {"registered", "waitlisted", "cancelled"};

const char *seed_kind_name(seed_kind k)
{
    return KIND_NAMES[k];
}

const char *seed_reg_status_name(seed_reg_status s)
{
    return STATUS_NAMES[s];
}

static size_t pick(seed_rng *r, size_t n)
{
    return (size_t)seed_rng_below(r, (uint64_t)n);
}

static int chance(seed_rng *r, unsigned p)
{
    return seed_rng_below(r, 100) < p;
}

static unsigned between(seed_rng *r, unsigned lo, unsigned hi)
{
    return lo + (unsigned)seed_rng_below(r, hi - lo + 1);
}

static int64_t moment_between(seed_rng *r, int64_t lo, int64_t hi)
{
    return hi <= lo ? lo : lo + (int64_t)seed_rng_below(r, (uint64_t)(hi - lo));
}

/* A working day near `day`: the Friday before a weekend, or the Monday
 * after when that would fall before `floor`. */
static long office_day(long day, long floor)
{
    long d = day;
    while (seed_weekday(d) > 5)
        d--;
    if (d < floor)
        for (d = day; seed_weekday(d) > 5;)
            d++;
    return d;
}

/* A moment in office hours, 08:30-17:00 in The Hague. */
static int64_t office_moment(seed_rng *r, long day)
{
    return seed_local_time(day, 8 * HOUR_SECONDS + 1800 + (int)seed_rng_below(r, 8 * HOUR_SECONDS + 1800));
}

/* When a kind of session meets: typical times and weekdays, and whether it
 * needs a hall or a meeting room. */
typedef struct {
    int start_min, minutes;
} time_slot;

static const time_slot TIMES_INSPIRATION[] = {
    {15 * 60 + 30, 90}, {12 * 60, 90}, {14 * 60, 120}, {10 * 60, 90}};
static const time_slot TIMES_LISTENING[] = {
    {9 * 60 + 30, 150}, {13 * 60 + 30, 150}, {10 * 60, 120}, {14 * 60, 180}};
static const time_slot TIMES_LEADERSHIP[] = {{14 * 60, 180}, {13 * 60 + 30, 180}, {9 * 60, 150}};
static const time_slot TIMES_WORKSHOP[] = {
    {9 * 60 + 30, 180}, {13 * 60 + 30, 150}, {10 * 60, 120}, {13 * 60, 180}};
/* The launch: late afternoon, with time to talk afterwards. */
static const time_slot TIME_LAUNCH = {15 * 60, 150};

#define TUE_TO_THU ((1u << 2) | (1u << 3) | (1u << 4))
#define MON_TO_THU ((1u << 1) | TUE_TO_THU)

typedef struct {
    const time_slot *times;
    size_t ntimes;
    unsigned weekdays; /* bit n for ISO weekday n */
    int large;         /* a hall rather than a meeting room */
} kind_info;

static const kind_info KINDS[SEED_KINDS] = {
    [SEED_INSPIRATION] = {TIMES_INSPIRATION, COUNT(TIMES_INSPIRATION), TUE_TO_THU, 1},
    [SEED_LISTENING] = {TIMES_LISTENING, COUNT(TIMES_LISTENING), MON_TO_THU, 0},
    [SEED_LEADERSHIP] = {TIMES_LEADERSHIP, COUNT(TIMES_LEADERSHIP), TUE_TO_THU, 1},
    [SEED_WORKSHOP] = {TIMES_WORKSHOP, COUNT(TIMES_WORKSHOP), MON_TO_THU, 0},
};

/* How full a session gets. Past sessions draw it (FILL_DRAWN); the upcoming
 * ones are set so that the front end has both a full one and free seats. */
enum { FILL_DRAWN, FILL_FULL, FILL_NEARLY, FILL_OPENING };
/* The demo member's part in a session. */
enum { DEMO_NONE, DEMO_REGISTERS, DEMO_WAITS };

/* A session before it is drawn: when, what, and the parts fixed for it. */
typedef struct {
    seed_kind kind;
    long day;
    time_slot time;
    const seed_words_session *words; /* all but listening sessions */
    const seed_words_listening *partner;
    int fill, demo;
    int demo_hosts; /* the demo organizer hosts it */
    int launch;
    uint64_t seed;
} slot;

typedef struct {
    slot items[MAX_SESSIONS];
    size_t n;
    seed_rng *r;
    long start_day, ref_day;
} schedule;

/* The Christmas holidays, 20 December to 5 January: nobody plans a session. */
static int in_holidays(long day)
{
    char date[11];
    seed_civil_date(day, date);
    int month = atoi(date + 5), mday = atoi(date + 8);
    return (month == 12 && mday >= 20) || (month == 1 && mday <= 5);
}

/* The first day from `day` on that the kind meets and no session has taken:
 * one session a day keeps the programme's agenda readable. */
static long free_day(const schedule *s, long day, unsigned weekdays)
{
    for (;;) {
        int taken = !(weekdays & (1u << seed_weekday(day))) || in_holidays(day);
        for (size_t i = 0; i < s->n && !taken; i++)
            taken = s->items[i].day == day;
        if (!taken)
            return day;
        day++;
    }
}

/* A session of `kind` on a free day in lo..hi (or just after), at one of
 * its usual times. NULL when the schedule is full. */
static slot *add_slot(schedule *s, seed_kind kind, long lo, long hi)
{
    if (s->n == MAX_SESSIONS)
        return NULL;
    const kind_info *k = &KINDS[kind];
    slot *sl = &s->items[s->n];
    memset(sl, 0, sizeof *sl);
    sl->kind = kind;
    sl->day = free_day(s, lo + (long)seed_rng_below(s->r, (uint64_t)(hi - lo + 1)), k->weekdays);
    sl->time = k->times[pick(s->r, k->ntimes)];
    sl->seed = seed_rng_next(s->r);
    s->n++;
    return sl;
}

/* order[0..n): the first `fixed` in place, the rest in an order drawn for
 * the seed, so that each seed has its own programme. */
static void draw_order(seed_rng *r, size_t *order, size_t n, size_t fixed)
{
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n; i > fixed + 1; i--) {
        size_t j = fixed + pick(r, i - fixed), t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

/* The month `k` months after the reference day's month: its 8th, as a day. */
static long eighth_of_month(long ref_day, int k)
{
    char date[11];
    seed_civil_date(ref_day, date);
    int months = atoi(date) * 12 + atoi(date + 5) - 1 + k;
    return seed_days_from_civil(months / 12, months % 12 + 1, 8);
}

/* Monthly, in the second or third week, from `first_day` until two months
 * after the reference day. The first upcoming one is full, the demo member
 * on its waitlist; a later one still has seats. */
static int schedule_inspiration(schedule *s, long first_day)
{
    size_t order[MAX_WORDS], used = 0;
    int upcoming = 0;
    draw_order(s->r, order, seed_words_inspiration_count, 1);
    for (int k = -(SEED_HISTORY_DAYS / 30 + 2); k <= UPCOMING_DAYS / 30 + 1; k++) {
        /* In December, early enough to stay before the holidays. */
        long eighth = eighth_of_month(s->ref_day, k), span = in_holidays(eighth + 12) ? 6 : 13;
        slot *sl = add_slot(s, SEED_INSPIRATION, eighth, eighth + span);
        if (sl == NULL)
            return -1;
        if (sl->day < first_day || sl->day >= s->ref_day + UPCOMING_DAYS) {
            s->n--;
            continue;
        }
        sl->words = &seed_words_inspiration[order[used++ % seed_words_inspiration_count]];
        if (sl->day >= s->ref_day && upcoming++ == 0) {
            sl->fill = FILL_FULL;
            sl->demo = DEMO_WAITS;
            sl->demo_hosts = 1;
        } else if (sl->day >= s->ref_day) {
            sl->fill = FILL_OPENING;
        }
    }
    return 0;
}

/* First the Haagse Ombudsman, then the KCC, then the other front-line
 * teams; the next one, about a month ahead, is full already. */
static int schedule_listening(schedule *s)
{
    size_t order[MAX_WORDS], n = seed_words_listening_partners_count;
    draw_order(s->r, order, n, 2);
    for (int i = 0; i <= LISTENING_PAST; i++) {
        long lo = s->start_day + LISTENING_FIRST_DAY + (long)i * LISTENING_EVERY_DAYS;
        long hi = lo + JITTER_DAYS;
        if (i == LISTENING_PAST) {
            lo = s->ref_day + 21;
            hi = s->ref_day + 42;
        }
        slot *sl = add_slot(s, SEED_LISTENING, lo, hi);
        if (sl == NULL)
            return -1;
        sl->partner = &seed_words_listening_partners[order[(size_t)i % n]];
        sl->demo_hosts = i == 0 || i == LISTENING_PAST;
        if (i == LISTENING_PAST)
            sl->fill = FILL_FULL;
    }
    return 0;
}

/* The launch of the programme plan, then a meeting about every quarter. */
static slot *schedule_leadership(schedule *s)
{
    size_t order[MAX_WORDS], n = seed_words_leadership_count;
    slot *launch = add_slot(s, SEED_LEADERSHIP, s->start_day + LAUNCH_FROM_DAY,
                            s->start_day + LAUNCH_FROM_DAY + LAUNCH_SPAN_DAYS);
    if (launch == NULL)
        return NULL;
    launch->words = &seed_words_leadership[0];
    launch->time = TIME_LAUNCH;
    launch->launch = 1;
    launch->demo_hosts = 1;
    draw_order(s->r, order, n, 1);
    for (int i = 1; i <= LEADERSHIP_PAST; i++) {
        long lo = s->start_day + LEADERSHIP_FIRST_DAY + (long)i * LEADERSHIP_EVERY_DAYS;
        slot *sl = add_slot(s, SEED_LEADERSHIP, lo, lo + JITTER_DAYS);
        if (sl == NULL)
            return NULL;
        sl->words = &seed_words_leadership[order[1 + (size_t)(i - 1) % (n - 1)]];
    }
    return launch;
}

/* Workshops every few months; the next one, on B1 letters, has seats left
 * and the demo member among those signed up. */
static int schedule_workshops(schedule *s)
{
    size_t order[MAX_WORDS], n = seed_words_workshops_count;
    draw_order(s->r, order, n, 0);
    for (int i = 0; i < WORKSHOPS_PAST; i++) {
        long lo = s->start_day + WORKSHOP_FIRST_DAY + (long)i * WORKSHOP_EVERY_DAYS;
        slot *sl = add_slot(s, SEED_WORKSHOP, lo, lo + JITTER_DAYS);
        if (sl == NULL)
            return -1;
        sl->words = &seed_words_workshops[order[(size_t)i % n]];
    }
    slot *next = add_slot(s, SEED_WORKSHOP, s->ref_day + 7, s->ref_day + 20);
    if (next == NULL)
        return -1;
    next->words = &seed_words_workshops[0];
    next->fill = FILL_OPENING;
    next->demo = DEMO_REGISTERS;
    return 0;
}

static int slot_cmp(const void *a, const void *b)
{
    const slot *x = a, *y = b;
    return x->day != y->day
               ? (x->day < y->day ? -1 : 1)
               : (x->time.start_min > y->time.start_min) - (x->time.start_min < y->time.start_min);
}

static int make_schedule(schedule *s)
{
    /* The launch comes first: the monthly series starts after it. */
    const slot *launch = schedule_leadership(s);
    if (launch == NULL)
        return -1;
    long series_from = launch->day + SERIES_GAP_DAYS;
    if (schedule_inspiration(s, series_from) != 0 || schedule_listening(s) != 0 || schedule_workshops(s) != 0)
        return -1;
    qsort(s->items, s->n, sizeof s->items[0], slot_cmp);
    return 0;
}

/* --- one session --------------------------------------------------------------- */

/* Everything the drawing of one session needs besides its slot. */
typedef struct {
    const seed_sessions_input *in;
    size_t demo_index; /* the demo member's place in in->active, or SIZE_MAX */
    long start_day;
    int64_t ref_end;
} planner;

/* Who may sign up and how many sign-ups stay (the demo member's apart). */
typedef struct {
    size_t pool;      /* in->active[0 .. pool) had joined the day before */
    int skip_demo;    /* the demo member signs up by their own rules here */
    int target;       /* sign-ups that are not cancelled */
    int cancel_limit; /* a few cancellations at most */
} demand;

static const seed_words_place *pick_place(seed_rng *r, const seed_words_place *list, size_t n)
{
    unsigned total = 0;
    for (size_t i = 0; i < n; i++)
        total += list[i].weight;
    uint64_t x = seed_rng_below(r, total);
    for (size_t i = 0; i < n; i++) {
        if (x < list[i].weight)
            return &list[i];
        x -= list[i].weight;
    }
    return &list[0];
}

/* A partner's own place: the meeting room of that name, if there is one. */
static const seed_words_place *place_named(const char *name)
{
    for (size_t i = 0; i < seed_words_places_small_count; i++)
        if (strcmp(seed_words_places_small[i].name, name) == 0)
            return &seed_words_places_small[i];
    return NULL;
}

/* A capacity the organizer could have typed: a multiple of five in the
 * room's range, or 0 (no limit) online. */
static int room_capacity(seed_rng *r, const seed_words_place *p)
{
    if (p->capacity_hi == 0)
        return 0;
    return (int)(p->capacity_lo + 5 * (unsigned)seed_rng_below(r, (p->capacity_hi - p->capacity_lo) / 5 + 1));
}

/* Where and for how many: a partner's own place, the Atrium without a limit
 * for the launch, otherwise a hall or a meeting room by weight. */
static void place_session(seed_rng *r, const slot *sl, seed_session *s)
{
    const seed_words_place *p = NULL;
    if (sl->partner != NULL && sl->partner->location != NULL)
        p = place_named(sl->partner->location);
    if (sl->launch)
        p = &seed_words_places_large[0];
    else if (p == NULL && KINDS[sl->kind].large)
        p = pick_place(r, seed_words_places_large, seed_words_places_large_count);
    else if (p == NULL)
        p = pick_place(r, seed_words_places_small, seed_words_places_small_count);
    /* A session that is to fill up needs seats to fill: not online. */
    const seed_words_place *list = KINDS[sl->kind].large ? seed_words_places_large : seed_words_places_small;
    for (size_t i = 0; sl->fill == FILL_FULL && p->capacity_hi == 0; i++)
        p = &list[i];
    s->location = p->name;
    s->capacity = room_capacity(r, p);
    if (sl->launch || (sl->kind == SEED_LEADERSHIP && chance(r, UNLIMITED_LEADERSHIP_PERCENT)))
        s->capacity = 0;
}

/* The announcement: created_at, and one change to a share of them. Returns
 * the day it was announced. */
static long announce(seed_rng *r, const planner *pl, const slot *sl, seed_session *s)
{
    long day = sl->day - (long)between(r, LEAD_MIN_DAYS, LEAD_MAX_DAYS);
    if (s->upcoming && day > pl->in->ref_day - UPCOMING_ANNOUNCED_DAYS)
        day = pl->in->ref_day - UPCOMING_ANNOUNCED_DAYS - (long)seed_rng_below(r, 8);
    if (day < pl->start_day)
        day = pl->start_day;
    day = office_day(day, pl->start_day);
    s->created_at = office_moment(r, day);
    s->updated_at = s->created_at;
    s->version = 1;
    /* A new room, a longer description: before it starts, and before now. */
    long last = (sl->day < pl->in->ref_day ? sl->day : pl->in->ref_day) - 1;
    if (chance(r, EDIT_PERCENT) && last > day) {
        long edit = day + 1 + (long)seed_rng_below(r, (uint64_t)(last - day));
        if (seed_weekday(edit) <= 5) {
            s->updated_at = office_moment(r, edit);
            s->version = 2;
        }
    }
    return day;
}

static long long pick_host(seed_rng *r, const planner *pl, const slot *sl, long announced)
{
    const seed_sessions_input *in = pl->in;
    if (in->demo_organizer != 0 && (sl->demo_hosts || chance(r, DEMO_HOST_PERCENT)))
        return in->demo_organizer;
    return in->organizers->id[pick(r, seed_joined_by(in->organizers, announced))];
}

/* How many sign-ups stay, by how full the session gets. */
static int draw_target(seed_rng *r, const slot *sl, int capacity)
{
    int fill = sl->fill != FILL_DRAWN ? sl->fill : chance(r, FULL_PERCENT) ? FILL_FULL : FILL_NEARLY;
    int target;
    if (capacity == 0)
        return (int)between(r, UNLIMITED_MIN, UNLIMITED_MAX) / (fill == FILL_OPENING ? 2 : 1);
    switch (fill) {
    case FILL_FULL:
        /* The demo member joins the end of the line: one place of it is theirs. */
        target = capacity + (int)between(r, 1, WAITLIST_MAX - (sl->demo == DEMO_WAITS));
        break;
    case FILL_NEARLY:
        target = capacity * (int)between(r, NEARLY_MIN_PERCENT, NEARLY_MAX_PERCENT) / 100;
        break;
    default: target = capacity * (int)between(r, OPENING_MIN_PERCENT, OPENING_MAX_PERCENT) / 100; break;
    }
    if (fill != FILL_FULL && target >= capacity)
        target = capacity - 1;
    if (sl->demo == DEMO_REGISTERS && target > 0)
        target--; /* the demo member takes one of them */
    return target;
}

/* Members who could sign up: active and joined before the day it starts
 * (or before the reference day, for an upcoming one). */
static size_t pool_for(const planner *pl, long day)
{
    const seed_people *a = pl->in->active;
    long last = (day < pl->in->ref_day ? day : pl->in->ref_day) - 1;
    return a->n > 0 && a->joined[0] <= last ? seed_joined_by(a, last) : 0;
}

/* Draws what the session is (title, time, place, host, announcement) and
 * what it will draw (demand). */
static void plan_session(const planner *pl, const slot *sl, seed_session *s, demand *d)
{
    seed_rng r;
    seed_rng_init(&r, sl->seed ^ SALT_SESSION);
    memset(s, 0, sizeof *s);
    s->kind = sl->kind;
    if (sl->partner != NULL) {
        s->title = sl->partner->title;
        s->description = sl->partner->description;
        s->partner = sl->partner->partner;
    } else {
        s->title = sl->words->title;
        s->description = sl->words->description;
    }
    s->starts_at = seed_local_time(sl->day, sl->time.start_min * 60);
    s->ends_at = s->starts_at + (int64_t)sl->time.minutes * 60;
    s->upcoming = sl->day >= pl->in->ref_day;
    long announced = announce(&r, pl, sl, s);
    s->host_id = pick_host(&r, pl, sl, announced);
    place_session(&r, sl, s);

    d->pool = pool_for(pl, sl->day);
    d->skip_demo = sl->demo != DEMO_NONE && pl->demo_index < d->pool;
    size_t available = d->pool - (size_t)d->skip_demo;
    if (s->capacity > 0) {
        int limit = (int)(d->pool * ROOM_SHARE_PERCENT / 100);
        if (s->capacity > limit)
            s->capacity = limit >= 20 ? limit / 5 * 5 : limit > 0 ? limit : 1;
    }
    d->target = draw_target(&r, sl, s->capacity);
    if (s->capacity == 0 && (size_t)d->target > d->pool * UNLIMITED_SHARE_PERCENT / 100)
        d->target = (int)(d->pool * UNLIMITED_SHARE_PERCENT / 100);
    if (sl->launch)
        d->target = (int)(d->pool * LAUNCH_TURNOUT_PERCENT / 100);
    if ((size_t)d->target > available)
        d->target = (int)available;
    d->cancel_limit = d->target / 10 + 1;
}

/* --- registrations ------------------------------------------------------------- */

typedef struct {
    size_t member; /* index into in->active */
    long long id;  /* its id: the waitlist's tie-break, as in the API */
    int64_t at;
    int64_t cancel; /* 0: never (before the reference day) */
} signup;

static int signup_cmp(const void *a, const void *b)
{
    const signup *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* Sign-ups open an hour after the announcement and close two hours before
 * the start, or at the reference day for an upcoming session. */
static int64_t signups_open(const seed_session *s)
{
    return s->created_at + HOUR_SECONDS;
}

static int64_t signups_close(const planner *pl, const seed_session *s)
{
    int64_t close = s->starts_at - 2 * HOUR_SECONDS;
    return close < pl->ref_end - HOUR_SECONDS ? close : pl->ref_end - HOUR_SECONDS;
}

/* A moment in lo..hi, at a time people are at work, or now and then in the
 * evening: a time of day drawn for the day of a moment drawn, or for the
 * day after or before it (near the ends of the range). The moment drawn
 * itself when none of them fits. */
static int64_t waking_moment(seed_rng *r, int64_t lo, int64_t hi)
{
    static const int NEAR[3] = {0, 1, -1};
    int64_t at = moment_between(r, lo, hi);
    int sec = chance(r, EVENING_PERCENT) ? 19 * HOUR_SECONDS + (int)seed_rng_below(r, 3 * HOUR_SECONDS)
                                         : 8 * HOUR_SECONDS + (int)seed_rng_below(r, 10 * HOUR_SECONDS);
    for (int k = 0; k < 3; k++) {
        int64_t t = seed_local_time(seed_local_day(at) + NEAR[k], sec);
        if (t >= lo && t <= hi)
            return t;
    }
    return at;
}

/* When member m signs up: not before they joined, half of them in the rush
 * after the invitation. */
static int64_t signup_moment(seed_rng *r, const planner *pl, const seed_session *s, size_t m)
{
    int64_t lo = signups_open(s), hi = signups_close(pl, s);
    int64_t joined = seed_local_time(pl->in->active->joined[m], 8 * HOUR_SECONDS);
    if (joined > lo)
        lo = joined;
    if (lo > hi)
        lo = hi;
    if (chance(r, RUSH_PERCENT))
        hi = lo + (hi - lo) / 5;
    return waking_moment(r, lo, hi);
}

/* A cancellation between the sign-up and an hour before the start, if it
 * happened before the reference day (an hour before it, so that a later
 * sign-up still fits after it); 0 otherwise. */
static int64_t cancel_moment(seed_rng *r, const planner *pl, const seed_session *s, int64_t at)
{
    int64_t c = waking_moment(r, at + HOUR_SECONDS, s->starts_at - HOUR_SECONDS);
    return c < pl->ref_end - HOUR_SECONDS ? c : 0;
}

/* Other members' sign-ups, each member once, until `target` of them stay.
 * Returns how many were written to out. */
static size_t draw_signups(seed_rng *r, const planner *pl, const seed_session *s, const demand *d,
                           signup *out)
{
    size_t n = 0;
    int staying = 0, cancels = 0;
    for (long tries = 0; staying < d->target && tries < 50L * d->target + 50; tries++) {
        size_t m = pick(r, d->pool);
        int seen = d->skip_demo && m == pl->demo_index;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j].member == m;
        if (seen)
            continue;
        signup *u = &out[n++];
        u->member = m;
        u->id = pl->in->active->id[m];
        u->at = signup_moment(r, pl, s, m);
        u->cancel =
            cancels < d->cancel_limit && chance(r, CANCEL_PERCENT) ? cancel_moment(r, pl, s, u->at) : 0;
        cancels += u->cancel != 0;
        staying += u->cancel == 0;
    }
    return n;
}

/* The demo member's sign-up: early, so the seat is theirs; or after
 * everything else, so they wait at the end of the line. */
static void demo_signup(seed_rng *r, const planner *pl, const seed_session *s, int demo, signup *u, size_t n,
                        const signup *others)
{
    u->member = pl->demo_index;
    u->id = pl->in->demo_member;
    u->cancel = 0;
    if (demo == DEMO_REGISTERS) {
        u->at = signups_open(s) + DAY_SECONDS + (int64_t)seed_rng_below(r, 2 * DAY_SECONDS);
        if (u->at > signups_close(pl, s))
            u->at = signups_close(pl, s);
        return;
    }
    int64_t last = signups_open(s);
    for (size_t i = 0; i < n; i++) {
        if (others[i].at > last)
            last = others[i].at;
        if (others[i].cancel > last)
            last = others[i].cancel;
    }
    u->at = last + 300 + (int64_t)seed_rng_below(r, 45 * 60);
}

/* Gives the first in line (the earliest sign-up still waiting: sign-ups are
 * in (queued, member) order, the API's) the seat freed at `at`. */
static void promote_first(seed_registration *regs, size_t signed_up, int64_t at, int *registered)
{
    for (size_t i = 0; i < signed_up; i++)
        if (regs[i].status == SEED_WAITLISTED) {
            regs[i].status = SEED_REGISTERED;
            regs[i].queued = 0;
            regs[i].registered_at = at;
            regs[i].updated_at = at;
            regs[i].version++;
            (*registered)++;
            return;
        }
}

/* Plays sign-ups and cancellations out in time order, with the API's rules,
 * into regs[0..n) (one per sign-up, in sign-up order). A sign-up comes
 * before a cancellation at the same moment. */
static void play_out(const signup *u, size_t n, int capacity, seed_registration *regs)
{
    size_t next = 0;
    int registered = 0;
    for (;;) {
        size_t c = n; /* the earliest cancellation still to happen */
        for (size_t i = 0; i < next; i++)
            if (u[i].cancel != 0 && regs[i].status != SEED_CANCELLED && (c == n || u[i].cancel < u[c].cancel))
                c = i;
        if (next < n && (c == n || u[next].at <= u[c].cancel)) {
            seed_registration *g = &regs[next];
            int seat = capacity == 0 || registered < capacity;
            memset(g, 0, sizeof *g);
            g->member_id = u[next].id;
            g->status = seat ? SEED_REGISTERED : SEED_WAITLISTED;
            g->created_at = g->registered_at = g->updated_at = u[next].at;
            g->queued = seat ? 0 : u[next].at;
            g->version = 1;
            registered += seat;
            next++;
        } else if (c < n) {
            seed_registration *g = &regs[c];
            int had_seat = g->status == SEED_REGISTERED;
            g->status = SEED_CANCELLED;
            g->queued = 0;
            g->updated_at = u[c].cancel;
            g->version++;
            if (had_seat) {
                registered--;
                promote_first(regs, next, u[c].cancel, &registered);
            }
        } else {
            return;
        }
    }
}

/* --- afterwards ------------------------------------------------------------------ */

/* The organizer records who came, for every registered member at once (as
 * PUT /sessions/{id}/attendance does), shortly after the end. Exactly
 * round(rate * registered) attended. Returns the moment it was recorded. */
static int64_t take_attendance(seed_rng *r, const seed_session *s, seed_registration *regs, size_t n)
{
    size_t registered = 0;
    for (size_t i = 0; i < n; i++)
        registered += regs[i].status == SEED_REGISTERED;
    size_t want = (registered * between(r, ATTEND_MIN_PERCENT, ATTEND_MAX_PERCENT) + 50) / 100;
    int64_t at = s->ends_at + 15 * 60 + (int64_t)seed_rng_below(r, 105 * 60);
    size_t left = registered;
    for (size_t i = 0; i < n; i++) {
        if (regs[i].status != SEED_REGISTERED)
            continue;
        if (seed_rng_below(r, left--) < want) { /* selection sampling */
            regs[i].attended = 1;
            want--;
        }
        regs[i].updated_at = at;
        regs[i].version++;
    }
    return at;
}

/* Ratings 1..5, per mille: most sessions land well, some less so. */
static const unsigned RATINGS_GOOD[5] = {20, 30, 100, 400, 450};
static const unsigned RATINGS_MIXED[5] = {50, 100, 300, 350, 200};

static int draw_rating(seed_rng *r, const unsigned *weights)
{
    uint64_t x = seed_rng_below(r, 1000);
    for (int k = 0; k < 4; k++) {
        if (x < weights[k])
            return k + 1;
        x -= weights[k];
    }
    return 5;
}

static const char *draw_comment(seed_rng *r, int rating)
{
    if (!chance(r, COMMENT_PERCENT))
        return NULL;
    if (rating >= 4)
        return seed_words_feedback_praise[pick(r, seed_words_feedback_praise_count)];
    if (rating == 3)
        return seed_words_feedback_mixed[pick(r, seed_words_feedback_mixed_count)];
    return seed_words_feedback_critical[pick(r, seed_words_feedback_critical_count)];
}

/* Some attendees rate the session once, within a week of the attendance
 * being recorded (the API refuses it before). Returns how many. */
static size_t give_feedback(seed_rng *r, const planner *pl, int64_t recorded, const seed_registration *regs,
                            size_t n, seed_feedback *out)
{
    unsigned share = between(r, FEEDBACK_MIN_PERCENT, FEEDBACK_MAX_PERCENT);
    const unsigned *weights = chance(r, MIXED_SESSION_PERCENT) ? RATINGS_MIXED : RATINGS_GOOD;
    int64_t lo = recorded + 300, hi = recorded + FEEDBACK_DAYS * DAY_SECONDS;
    if (hi > pl->ref_end - 60)
        hi = pl->ref_end - 60;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!regs[i].attended || !chance(r, share))
            continue;
        seed_feedback *f = &out[k++];
        f->member_id = regs[i].member_id;
        f->rating = draw_rating(r, weights);
        f->comment = draw_comment(r, f->rating);
        /* Many right after the session, the others over the week, when
         * people are awake. */
        uint64_t x = seed_rng_below(r, 1000);
        int64_t later = lo + (hi > lo ? (int64_t)((uint64_t)(hi - lo) * (x * x / 1000) / 1000) : 0);
        int64_t from = later - DAY_SECONDS > lo ? later - DAY_SECONDS : lo;
        int64_t to = later + DAY_SECONDS < hi ? later + DAY_SECONDS : hi;
        f->created_at = later - lo < 3 * HOUR_SECONDS ? later : waking_moment(r, from, to);
    }
    return k;
}

static int insight_fits(const seed_words_insight *w, const char *theme, const seed_insight *used, size_t n)
{
    if (theme != NULL && (w->theme == NULL || strcmp(w->theme, theme) != 0))
        return 0;
    for (size_t j = 0; j < n; j++)
        if (used[j].text == w->text)
            return 0;
    return 1;
}

/* An insight of the theme (NULL: any), not among used[0..n); NULL when all
 * are used. */
static const seed_words_insight *pick_insight(seed_rng *r, const char *theme, const seed_insight *used,
                                              size_t n)
{
    size_t fits = 0;
    for (size_t i = 0; i < seed_words_insights_count; i++)
        fits += (size_t)insight_fits(&seed_words_insights[i], theme, used, n);
    if (fits == 0)
        return NULL;
    size_t want = pick(r, fits);
    for (size_t i = 0; i < seed_words_insights_count; i++)
        if (insight_fits(&seed_words_insights[i], theme, used, n) && want-- == 0)
            return &seed_words_insights[i];
    return NULL;
}

/* What a past listening session learned: 2-5 findings the host wrote down
 * in the days after it, most of them about the themes the partner's
 * stories touched. Returns how many. */
static size_t draw_insights(seed_rng *r, const planner *pl, const slot *sl, const seed_session *s,
                            seed_insight *out)
{
    size_t want = between(r, INSIGHTS_MIN, INSIGHTS_MAX), k = 0, themes = 0;
    while (themes < 3 && sl->partner->themes[themes] != NULL)
        themes++;
    long day = seed_local_day(s->ends_at) + 1 + (long)seed_rng_below(r, 4);
    int64_t at = office_moment(r, office_day(day, day));
    if (at >= pl->ref_end)
        at = s->ends_at + 1800;
    while (k < want) {
        const char *theme =
            themes > 0 && chance(r, PARTNER_THEME_PERCENT) ? sl->partner->themes[pick(r, themes)] : NULL;
        const seed_words_insight *w = pick_insight(r, theme, out, k);
        if (w == NULL)
            w = pick_insight(r, NULL, out, k);
        if (w == NULL)
            break;
        out[k] = (seed_insight){w->text, w->theme, s->host_id, at};
        at += 180 + (int64_t)seed_rng_below(r, 17 * 60); /* written in one sitting */
        k++;
    }
    return k;
}

/* Registrations, and for a past session attendance, feedback and insights,
 * appended to the plan. `scratch` holds at least target + cancel_limit + 1
 * sign-ups. */
static void fill_session(const planner *pl, const slot *sl, seed_session *s, const demand *d,
                         seed_sessions_plan *plan, signup *scratch)
{
    seed_rng r;
    seed_rng_init(&r, sl->seed ^ SALT_CROWD);
    size_t n = draw_signups(&r, pl, s, d, scratch);
    if (sl->demo != DEMO_NONE && d->skip_demo) {
        demo_signup(&r, pl, s, sl->demo, &scratch[n], n, scratch);
        n++;
    }
    qsort(scratch, n, sizeof *scratch, signup_cmp);
    seed_registration *regs = &plan->regs[plan->n_regs];
    play_out(scratch, n, s->capacity, regs);
    s->reg_first = plan->n_regs;
    s->reg_n = n;
    plan->n_regs += n;
    s->feedback_first = plan->n_feedback;
    s->insight_first = plan->n_insights;
    if (s->upcoming)
        return;

    seed_rng_init(&r, sl->seed ^ SALT_AFTER);
    int64_t recorded = take_attendance(&r, s, regs, n);
    s->feedback_n = give_feedback(&r, pl, recorded, regs, n, &plan->feedback[plan->n_feedback]);
    plan->n_feedback += s->feedback_n;
    if (s->kind == SEED_LISTENING) {
        seed_rng_init(&r, sl->seed ^ SALT_INSIGHTS);
        s->insight_n = draw_insights(&r, pl, sl, s, &plan->insights[plan->n_insights]);
        plan->n_insights += s->insight_n;
    }
}

/* --- the plan -------------------------------------------------------------------- */

void seed_sessions_plan_free(seed_sessions_plan *plan)
{
    free(plan->sessions);
    free(plan->regs);
    free(plan->feedback);
    free(plan->insights);
    memset(plan, 0, sizeof *plan);
}

static int words_fit(void)
{
    return seed_words_inspiration_count > 1 && seed_words_inspiration_count <= MAX_WORDS &&
           seed_words_leadership_count > 1 && seed_words_leadership_count <= MAX_WORDS &&
           seed_words_workshops_count > 0 && seed_words_workshops_count <= MAX_WORDS &&
           seed_words_listening_partners_count > 2 && seed_words_listening_partners_count <= MAX_WORDS;
}

int seed_sessions_plan_make(seed_rng *r, const seed_sessions_input *in, seed_sessions_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    if (in->organizers->n == 0 || !words_fit())
        return -1;
    planner pl = {in, SIZE_MAX, in->ref_day - SEED_HISTORY_DAYS, seed_local_time(in->ref_day, 0)};
    for (size_t i = 0; i < in->active->n; i++)
        if (in->active->id[i] == in->demo_member)
            pl.demo_index = i;

    schedule *s = calloc(1, sizeof *s);
    demand *d = calloc(MAX_SESSIONS, sizeof *d);
    signup *scratch = NULL;
    int rc = -1;
    if (s == NULL || d == NULL)
        goto done;
    s->r = r;
    s->start_day = pl.start_day;
    s->ref_day = in->ref_day;
    if (make_schedule(s) != 0)
        goto done;

    plan->sessions = calloc(s->n, sizeof *plan->sessions);
    if (plan->sessions == NULL)
        goto done;
    size_t total = 0, most = 0;
    for (size_t i = 0; i < s->n; i++) {
        plan_session(&pl, &s->items[i], &plan->sessions[i], &d[i]);
        size_t bound = (size_t)d[i].target + (size_t)d[i].cancel_limit + 1;
        total += bound;
        most = bound > most ? bound : most;
    }
    plan->n_sessions = s->n;
    plan->regs = malloc((total ? total : 1) * sizeof *plan->regs);
    plan->feedback = malloc((total ? total : 1) * sizeof *plan->feedback);
    plan->insights = malloc(s->n * INSIGHTS_MAX * sizeof *plan->insights);
    scratch = malloc((most ? most : 1) * sizeof *scratch);
    if (plan->regs == NULL || plan->feedback == NULL || plan->insights == NULL || scratch == NULL)
        goto done;
    for (size_t i = 0; i < s->n; i++)
        fill_session(&pl, &s->items[i], &plan->sessions[i], &d[i], plan, scratch);
    rc = 0;
done:
    if (rc != 0)
        seed_sessions_plan_free(plan);
    free(scratch);
    free(d);
    free(s);
    return rc;
}

void seed_sessions_count(const seed_sessions_plan *plan, seed_sessions_counts *c)
{
    memset(c, 0, sizeof *c);
    c->sessions = (long long)plan->n_sessions;
    for (size_t i = 0; i < plan->n_sessions; i++) {
        c->upcoming += plan->sessions[i].upcoming;
        c->unlimited += plan->sessions[i].capacity == 0;
    }
    c->registrations = (long long)plan->n_regs;
    for (size_t i = 0; i < plan->n_regs; i++) {
        c->registered += plan->regs[i].status == SEED_REGISTERED;
        c->waitlisted += plan->regs[i].status == SEED_WAITLISTED;
        c->cancelled += plan->regs[i].status == SEED_CANCELLED;
        c->attended += plan->regs[i].attended;
    }
    c->feedback = (long long)plan->n_feedback;
    for (size_t i = 0; i < plan->n_feedback; i++)
        c->comments += plan->feedback[i].comment != NULL;
    c->insights = (long long)plan->n_insights;
}

/* --- the database side ----------------------------------------------------------- */

/* Sessions one by one (a few dozen), for their ids. */
static int insert_sessions(PGconn *conn, const seed_sessions_plan *plan, long long *ids)
{
    for (size_t i = 0; i < plan->n_sessions; i++) {
        const seed_session *s = &plan->sessions[i];
        char starts[23], ends[23], created[23], updated[23], capacity[12], host[24], version[12];
        seed_timestamp(s->starts_at, starts);
        seed_timestamp(s->ends_at, ends);
        seed_timestamp(s->created_at, created);
        seed_timestamp(s->updated_at, updated);
        snprintf(capacity, sizeof capacity, "%d", s->capacity);
        snprintf(host, sizeof host, "%lld", s->host_id);
        snprintf(version, sizeof version, "%d", s->version);
        const char *params[12] = {
            seed_kind_name(s->kind),           s->title, s->description, starts,  ends,    s->location,
            s->capacity > 0 ? capacity : NULL, host,     s->partner,     created, updated, version};
        PGresult *res =
            seed_exec(conn, "inserting sessions",
                      "INSERT INTO sessions (kind, title, description, starts_at, ends_at, location, "
                      "capacity, host_id, partner, created_at, updated_at, version) "
                      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                      12, params);
        if (res == NULL)
            return -1;
        int rc = seed_parse_ll(PQgetvalue(res, 0, 0), &ids[i]);
        PQclear(res);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* The fields of one row after its session's id, for each table of rows. */
static int write_registration(seed_copy *c, const seed_sessions_plan *plan, size_t k)
{
    const seed_registration *g = &plan->regs[k];
    int rc = seed_copy_ll(c, g->member_id, 0, '\t');
    rc = rc || seed_copy_field(c, seed_reg_status_name(g->status), '\t');
    rc = rc || (g->queued ? seed_copy_ts(c, g->queued, '\t') : seed_copy_field(c, NULL, '\t'));
    rc = rc || seed_copy_ts(c, g->registered_at, '\t');
    rc = rc || seed_copy_field(c, g->attended ? "t" : "f", '\t');
    rc = rc || seed_copy_ts(c, g->created_at, '\t');
    rc = rc || seed_copy_ts(c, g->updated_at, '\t');
    return rc || seed_copy_ll(c, g->version, 0, '\n');
}

static int write_feedback(seed_copy *c, const seed_sessions_plan *plan, size_t k)
{
    const seed_feedback *f = &plan->feedback[k];
    int rc = seed_copy_ll(c, f->member_id, 0, '\t');
    rc = rc || seed_copy_ll(c, f->rating, 0, '\t');
    rc = rc || seed_copy_field(c, f->comment, '\t');
    rc = rc || seed_copy_ts(c, f->created_at, '\t');
    return rc || seed_copy_ts(c, f->created_at, '\n');
}

static int write_insight(seed_copy *c, const seed_sessions_plan *plan, size_t k)
{
    const seed_insight *n = &plan->insights[k];
    int rc = seed_copy_field(c, n->text, '\t');
    rc = rc || seed_copy_field(c, n->theme, '\t');
    rc = rc || seed_copy_ll(c, n->author_id, 1, '\t');
    rc = rc || seed_copy_ts(c, n->created_at, '\t');
    return rc || seed_copy_ts(c, n->created_at, '\n');
}

/* A table of the plan's rows: its COPY, where each session's rows are (the
 * offsets of seed_session's first and count fields) and the row's fields. */
typedef struct {
    const char *what, *sql;
    size_t first_at, count_at;
    int (*write)(seed_copy *c, const seed_sessions_plan *plan, size_t k);
} row_table;

static const row_table ROW_TABLES[] = {
    {"registrations",
     "COPY session_registrations (session_id, member_id, status, queued, registered_at, attended, "
     "created_at, "
     "updated_at, version) FROM STDIN",
     offsetof(seed_session, reg_first), offsetof(seed_session, reg_n), write_registration},
    {"feedback",
     "COPY session_feedback (session_id, member_id, rating, comment, created_at, updated_at) FROM STDIN",
     offsetof(seed_session, feedback_first), offsetof(seed_session, feedback_n), write_feedback},
    {"insights",
     "COPY session_insights (session_id, text, theme_code, author_id, created_at, updated_at) FROM STDIN",
     offsetof(seed_session, insight_first), offsetof(seed_session, insight_n), write_insight},
};

/* One table in one COPY, session by session, each row led by its session's
 * id (known only now that the sessions are in). */
static int copy_rows(PGconn *conn, const seed_sessions_plan *plan, const long long *ids, const row_table *t)
{
    seed_copy *c = seed_copy_begin(conn, t->what, t->sql);
    if (c == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < plan->n_sessions && rc == 0; i++) {
        const char *s = (const char *)&plan->sessions[i];
        size_t first, count;
        memcpy(&first, s + t->first_at, sizeof first);
        memcpy(&count, s + t->count_at, sizeof count);
        for (size_t k = first; k < first + count && rc == 0; k++) {
            rc = seed_copy_room(c);
            rc = rc || seed_copy_ll(c, ids[i], 0, '\t');
            rc = rc || t->write(c, plan, k);
        }
    }
    return seed_copy_finish(c, rc);
}

/* A member's id by email; 0 when there is none. */
static int member_by_email(PGconn *conn, const char *email, long long *id)
{
    const char *params[1] = {email};
    PGresult *res =
        seed_exec(conn, "reading a demo login", "SELECT id FROM members WHERE email = $1", 1, params);
    if (res == NULL)
        return -1;
    *id = 0;
    int rc = PQntuples(res) == 1 ? seed_parse_ll(PQgetvalue(res, 0, 0), id) : 0;
    PQclear(res);
    return rc;
}

int seed_sessions_step(PGconn *conn, long ref_day, const char *demo_member_email,
                       const char *demo_organizer_email, seed_rng *rng, seed_sessions_counts *counts)
{
    seed_people active = {NULL, NULL, 0}, organizers = {NULL, NULL, 0};
    seed_sessions_plan plan;
    memset(&plan, 0, sizeof plan);
    long long *ids = NULL;
    int rc = -1;
    seed_sessions_input in = {.ref_day = ref_day, .active = &active, .organizers = &organizers};
    if (seed_load_people(conn, "reading members",
                         "SELECT id, joined_at - DATE '1970-01-01' FROM members "
                         "WHERE active AND erased_at IS NULL ORDER BY joined_at, id",
                         &active) != 0 ||
        seed_load_people(conn, "reading organizers",
                         "SELECT id, joined_at - DATE '1970-01-01' FROM members "
                         "WHERE active AND erased_at IS NULL AND 'organizer' = ANY (roles) "
                         "ORDER BY joined_at, id",
                         &organizers) != 0 ||
        member_by_email(conn, demo_member_email, &in.demo_member) != 0 ||
        member_by_email(conn, demo_organizer_email, &in.demo_organizer) != 0)
        goto done;
    if (seed_sessions_plan_make(rng, &in, &plan) != 0) {
        fprintf(stderr, "seed: sessions need an active organizer (or memory)\n");
        goto done;
    }
    ids = calloc(plan.n_sessions ? plan.n_sessions : 1, sizeof *ids);
    if (ids == NULL) {
        fprintf(stderr, "seed: out of memory\n");
        goto done;
    }
    if (insert_sessions(conn, &plan, ids) != 0)
        goto done;
    for (size_t t = 0; t < COUNT(ROW_TABLES); t++)
        if (copy_rows(conn, &plan, ids, &ROW_TABLES[t]) != 0)
            goto done;
    seed_sessions_count(&plan, counts);
    rc = 0;
done:
    free(ids);
    seed_sessions_plan_free(&plan);
    seed_people_free(&active);
    seed_people_free(&organizers);
    return rc;
}
