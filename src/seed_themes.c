/* seed_themes.c: the Haagse Ombudsman's complaint themes and what the office
 * pushed for them, for `dna-api seed` (see seed_themes.h).
 *
 * A theme's monthly count is its level, times its course over the two years
 * (a drift, or a rise and a fall around the month the programme acted on
 * it), times its season, with the noise of counting people's complaints. The
 * office pushes a month's count on its last evening; its quarterly report
 * comes a few weeks after the quarter and counts the complaints it handled,
 * which lag those received by about a month. */
#include "seed_themes.h"

#include <stdlib.h>
#include <string.h>

/* After its turn, a theme takes this many months to reach its floor; the
 * summaries speak of the turn from the month after it, for a few months
 * longer, in months with no more complaints than the one before. */
#define RAMP_MONTHS 6
#define TURN_NOTE_MONTHS (RAMP_MONTHS + 3)
/* The change takes effect one or two months after the session. */
#define TURN_LAG_MIN 1
#define TURN_LAG_SPAN 2
/* A turn that never came: after the last month. */
#define NO_TURN SEED_THEME_MONTHS
/* Levels at least this far above the start (per mille) get the trend note. */
#define TREND_PERMILLE 1250
/* Holidays are quiet for a theme without a peak then. */
#define SUMMER_PERCENT 85
#define DECEMBER_PERCENT 90

#define TURN_NOTE_PERCENT 75
#define PEAK_NOTE_PERCENT 80
#define TREND_NOTE_PERCENT 50

/* The quarterly report: 92-103% of the complaints received from the month
 * before the quarter on (handled ones lag by a month), 22-38% upheld,
 * published 10-28 days after the quarter in office hours. */
#define HANDLED_MIN_PERMILLE 920
#define HANDLED_SPAN_PERMILLE 111
#define UPHELD_MIN_PERCENT 22
#define UPHELD_SPAN_PERCENT 17
#define REPORT_MIN_DAYS 10
#define REPORT_SPAN_DAYS 19
/* A month's count goes out on its last day, 22:00-22:30. */
#define PUSH_SECONDS (22 * HOUR_SECONDS)
#define PUSH_SPAN_SECONDS 1800

/* The years a period may name (0007: `20[0-9]{2}`). */
#define PERIOD_YEAR_MIN 2000
#define PERIOD_YEAR_MAX 2099

/* --- months ------------------------------------------------------------------- */

/* Months are counted as year * 12 + (month - 1). */
static long month_of_day(long day)
{
    char date[11];
    seed_civil_date(day, date);
    return atol(date) * 12 + atol(date + 5) - 1;
}

static long first_day_of(long month)
{
    return seed_days_from_civil((int)(month / 12), (int)(month % 12) + 1, 1);
}

static int calendar_month(long month)
{
    return (int)(month % 12) + 1;
}

static int year_fits(long month)
{
    return month / 12 >= PERIOD_YEAR_MIN && month / 12 <= PERIOD_YEAR_MAX;
}

/* The first month with counts: 24 before the reference day's month. */
static long window_start(long ref_day)
{
    return month_of_day(ref_day) - SEED_THEME_MONTHS;
}

int64_t seed_themes_created_at(long ref_day)
{
    return seed_local_time(first_day_of(window_start(ref_day)), 0);
}

/* Written digit by digit, like seed_civil_date, for the compiler's sake. */
static void put_number(char *out, long v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

static void month_period(long month, char out[8])
{
    put_number(out, month / 12, 4);
    out[4] = '-';
    put_number(out + 5, month % 12 + 1, 2);
    out[7] = '\0';
}

static void quarter_period(long first_month, char out[8])
{
    put_number(out, first_month / 12, 4);
    out[4] = '-';
    out[5] = 'Q';
    out[6] = (char)('1' + first_month % 12 / 3);
    out[7] = '\0';
}

/* --- turns ---------------------------------------------------------------------- */

void seed_themes_note_session(const char *title, long day, long *turn_days)
{
    for (size_t i = 0; i < seed_words_themes_count; i++) {
        const char *const *turn = seed_words_themes[i].turn_sessions;
        for (int k = 0; k < 2 && turn[k] != NULL; k++)
            if (strcmp(turn[k], title) == 0 && (turn_days[i] == 0 || day < turn_days[i]))
                turn_days[i] = day;
    }
}

/* The month index the theme turns at, NO_TURN when its session never took
 * place (the lag is drawn anyway, so that the draws after it keep their
 * places). */
static int turn_month(seed_rng *r, long first_month, long turn_day)
{
    long lag = TURN_LAG_MIN + (long)seed_rng_below(r, TURN_LAG_SPAN);
    if (turn_day == 0)
        return NO_TURN;
    long t = month_of_day(turn_day) - first_month + lag;
    return t < 1 ? 1 : t > NO_TURN ? NO_TURN : (int)t;
}

/* --- the course of a theme ----------------------------------------------------- */

static long drift_permille(const seed_words_theme *w, int t)
{
    return 1000 + (long)w->drift_percent * 10 * t / (SEED_THEME_MONTHS - 1);
}

/* The level in month t, per mille of the theme's level, seasons apart. */
static long course_permille(const seed_words_theme *w, int t, int turn)
{
    int until = t < turn ? t : turn;
    long before;
    switch (w->course) {
    case SW_FALLS_AFTER: before = drift_permille(w, until); break;
    case SW_RISES_THEN_FALLS: before = 1000 + ((long)w->top_percent * 10 - 1000) * until / turn; break;
    default: return drift_permille(w, t);
    }
    if (t < turn)
        return before;
    long floor = (long)w->floor_percent * 10;
    int k = t - turn + 1 < RAMP_MONTHS ? t - turn + 1 : RAMP_MONTHS;
    return before - (before - floor) * k / RAMP_MONTHS;
}

static int is_peak(const seed_words_theme *w, int month)
{
    return (w->peak_months & SW_MONTH(month)) != 0;
}

static long season_percent(const seed_words_theme *w, int month)
{
    if (is_peak(w, month))
        return 100 + (long)w->peak_percent;
    if (month == 7 || month == 8)
        return SUMMER_PERCENT;
    return month == 12 ? DECEMBER_PERCENT : 100;
}

static uint64_t isqrt(uint64_t x)
{
    uint64_t r = 0;
    for (uint64_t bit = 1ULL << 62; bit != 0; bit >>= 2) {
        if (x >= r + bit) {
            x -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
    }
    return r;
}

/* A count around `mean` (in hundredths): the sum of three uniform draws has
 * the spread of a Poisson count, and stays in integers on every platform. */
static long long draw_count(seed_rng *r, long mean)
{
    long spread = (long)isqrt((uint64_t)mean * 100);
    long v = mean;
    for (int i = 0; i < 3; i++)
        v += (long)seed_rng_below(r, (uint64_t)(2 * spread + 1)) - spread;
    return v < 0 ? 0 : (v + 50) / 100;
}

/* --- summaries ------------------------------------------------------------------- */

static int chance(seed_rng *r, unsigned p)
{
    return seed_rng_below(r, 100) < p;
}

/* What a month's complaints were mostly about. */
static const char *month_note(seed_rng *r, const seed_words_theme *w, int t, int month, int turn,
                              const long long *counts)
{
    if (w->turn_note != NULL && t > turn && t < turn + TURN_NOTE_MONTHS && counts[t] <= counts[t - 1] &&
        chance(r, TURN_NOTE_PERCENT))
        return w->turn_note;
    if (w->peak_note != NULL && is_peak(w, month) && chance(r, PEAK_NOTE_PERCENT))
        return w->peak_note;
    if (w->trend_note != NULL && t < turn && course_permille(w, t, turn) >= TREND_PERMILLE &&
        chance(r, TREND_NOTE_PERCENT))
        return w->trend_note;
    return w->notes[seed_rng_below(r, w->notes_count)];
}

/* "31 klachten, 4 meer dan in september. <note>" */
static void month_summary(char *out, size_t n, long long count, const long long *prev, long prev_month,
                          const char *note)
{
    int k = count == 0   ? snprintf(out, n, "Geen klachten")
            : count == 1 ? snprintf(out, n, "1 klacht")
                         : snprintf(out, n, "%lld klachten", count);
    if (k < 0 || (size_t)k >= n)
        return;
    if (prev != NULL) {
        const char *name = seed_words_month_names[calendar_month(prev_month) - 1];
        long long d = count - *prev;
        int m = d == 0  ? snprintf(out + k, n - (size_t)k, ", evenveel als in %s", name)
                : d > 0 ? snprintf(out + k, n - (size_t)k, ", %lld meer dan in %s", d, name)
                        : snprintf(out + k, n - (size_t)k, ", %lld minder dan in %s", -d, name);
        if (m < 0 || (size_t)m >= n - (size_t)k)
            return;
        k += m;
    }
    snprintf(out + k, n - (size_t)k, ". %s", note);
}

/* --- one theme ------------------------------------------------------------------- */

/* What planning a theme needs besides the theme. */
typedef struct {
    long first_month; /* of the window */
    int64_t ref_end;
} window;

static void plan_months(seed_rng *r, const seed_words_theme *w, const window *win, int turn,
                        const long long *counts, seed_theme_period *out, size_t *n)
{
    for (int t = 0; t < SEED_THEME_MONTHS; t++) {
        long month = win->first_month + t;
        const char *note = month_note(r, w, t, calendar_month(month), turn, counts);
        int64_t pushed = seed_local_time(first_day_of(month + 1) - 1,
                                         PUSH_SECONDS + (int)seed_rng_below(r, PUSH_SPAN_SECONDS));
        if (!year_fits(month))
            continue;
        seed_theme_period *p = &out[(*n)++];
        p->theme = w;
        month_period(month, p->period);
        p->quarter = 0;
        p->count = counts[t];
        month_summary(p->summary, sizeof p->summary, counts[t], t > 0 ? &counts[t - 1] : NULL, month - 1,
                      note);
        p->pushed_at = pushed;
    }
}

/* A weekday moment 09:30-16:00 on `day` or the first weekday after it. */
static int64_t office_moment(seed_rng *r, long day)
{
    while (seed_weekday(day) > 5)
        day++;
    return seed_local_time(day, 9 * HOUR_SECONDS + 1800 + (int)seed_rng_below(r, 6 * HOUR_SECONDS + 1800));
}

/* The office's quarterly figure: the complaints it handled, which is never
 * the sum of the quarter's months (those count complaints received). */
static long long handled_in_quarter(seed_rng *r, const long long *counts, int s)
{
    long long lagged = counts[s - 1] + counts[s] + counts[s + 1];
    long long received = counts[s] + counts[s + 1] + counts[s + 2];
    long long permille = HANDLED_MIN_PERMILLE + (long long)seed_rng_below(r, HANDLED_SPAN_PERMILLE);
    long long handled = (lagged * permille + 500) / 1000;
    return handled == received ? handled + 1 : handled;
}

/* Quarters whose three months and the one before lie in the window, and
 * whose report came out before the reference day. */
static void plan_quarters(seed_rng *r, const seed_words_theme *w, const window *win, const long long *counts,
                          seed_theme_period *out, size_t *n)
{
    for (int s = 1; s + 2 < SEED_THEME_MONTHS; s++) {
        long month = win->first_month + s;
        if ((calendar_month(month) - 1) % 3 != 0)
            continue;
        long long handled = handled_in_quarter(r, counts, s);
        long long upheld =
            handled * (UPHELD_MIN_PERCENT + (long long)seed_rng_below(r, UPHELD_SPAN_PERCENT)) / 100;
        long report_day =
            first_day_of(month + 3) - 1 + REPORT_MIN_DAYS + (long)seed_rng_below(r, REPORT_SPAN_DAYS);
        int64_t pushed = office_moment(r, report_day);
        if (pushed >= win->ref_end || !year_fits(month))
            continue;
        seed_theme_period *p = &out[(*n)++];
        p->theme = w;
        quarter_period(month, p->period);
        p->quarter = 1;
        p->count = handled;
        snprintf(p->summary, sizeof p->summary,
                 "Kwartaalrapportage %s kwartaal %ld: %lld klachten afgehandeld, waarvan %lld geheel of "
                 "gedeeltelijk gegrond. Dit cijfer telt afgehandelde klachten; de maandcijfers tellen de "
                 "binnengekomen klachten.",
                 seed_words_quarter_names[(calendar_month(month) - 1) / 3], month / 12, handled, upheld);
        p->pushed_at = pushed;
    }
}

static void plan_theme(seed_rng *r, const seed_words_theme *w, const window *win, long turn_day,
                       seed_theme_period *out, size_t *n)
{
    int turn = turn_month(r, win->first_month, turn_day);
    long long counts[SEED_THEME_MONTHS];
    for (int t = 0; t < SEED_THEME_MONTHS; t++) {
        long month = win->first_month + t;
        long mean =
            (long)w->level * course_permille(w, t, turn) * season_percent(w, calendar_month(month)) / 1000;
        counts[t] = draw_count(r, mean);
    }
    plan_months(r, w, win, turn, counts, out, n);
    if (w->quarterly)
        plan_quarters(r, w, win, counts, out, n);
}

/* --- the plan -------------------------------------------------------------------- */

void seed_themes_plan_free(seed_themes_plan *plan)
{
    free(plan->periods);
    plan->periods = NULL;
    plan->n = 0;
}

int seed_themes_plan_make(seed_rng *r, const seed_themes_input *in, seed_themes_plan *plan)
{
    /* At most a quarter per three months of the window, for each theme. */
    const size_t most = SEED_THEME_MONTHS + SEED_THEME_MONTHS / 3;
    plan->n = 0;
    plan->periods =
        malloc((seed_words_themes_count ? seed_words_themes_count : 1) * most * sizeof *plan->periods);
    if (plan->periods == NULL)
        return -1;
    window win = {window_start(in->ref_day), seed_local_time(in->ref_day, 0)};
    for (size_t i = 0; i < seed_words_themes_count; i++) {
        seed_rng own; /* the theme's stream: one draw of the step's each, in order */
        seed_rng_init(&own, seed_rng_next(r));
        plan_theme(&own, &seed_words_themes[i], &win, in->turn_days[i], plan->periods, &plan->n);
    }
    return 0;
}

void seed_themes_count(const seed_themes_plan *plan, seed_themes_counts *c)
{
    c->months = c->quarters = c->quarterly_themes = 0;
    c->first[0] = c->last[0] = '\0';
    const seed_words_theme *last_quarterly = NULL;
    for (size_t i = 0; i < plan->n; i++) {
        const seed_theme_period *p = &plan->periods[i];
        if (p->quarter) {
            c->quarters++;
            c->quarterly_themes += p->theme != last_quarterly;
            last_quarterly = p->theme;
            continue;
        }
        c->months++;
        if (c->first[0] == '\0' || strcmp(p->period, c->first) < 0)
            memcpy(c->first, p->period, sizeof c->first);
        if (strcmp(p->period, c->last) > 0)
            memcpy(c->last, p->period, sizeof c->last);
    }
}

/* --- the database side ----------------------------------------------------------- */

int seed_themes_step(PGconn *conn, long ref_day, seed_themes_counts *c)
{
    char created[23];
    seed_timestamp(seed_themes_created_at(ref_day), created);
    c->themes = 0;
    for (size_t i = 0; i < seed_words_themes_count; i++) {
        const seed_words_theme *w = &seed_words_themes[i];
        const char *params[4] = {w->code, w->title, w->description, created};
        PGresult *res = seed_exec(conn, "inserting complaint themes",
                                  "INSERT INTO complaint_themes (code, title, description, created_at, "
                                  "updated_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (code) DO NOTHING",
                                  4, params);
        if (res == NULL)
            return -1;
        c->themes += strcmp(PQcmdTuples(res), "1") == 0;
        PQclear(res);
    }
    return 0;
}

/* The turn days, from the sessions that took place before the reference day. */
static int read_turn_days(PGconn *conn, long ref_day, long *turn_days)
{
    char ref[23];
    seed_timestamp(seed_local_time(ref_day, 0), ref);
    const char *params[1] = {ref};
    PGresult *res = seed_exec(conn, "reading sessions",
                              "SELECT title, extract(epoch FROM starts_at)::bigint FROM sessions "
                              "WHERE starts_at < $1",
                              1, params);
    if (res == NULL)
        return -1;
    int rc = 0;
    for (int i = 0; i < PQntuples(res) && rc == 0; i++) {
        long long at;
        rc = seed_parse_ll(PQgetvalue(res, i, 1), &at);
        if (rc == 0)
            seed_themes_note_session(PQgetvalue(res, i, 0), seed_local_day((int64_t)at), turn_days);
    }
    PQclear(res);
    return rc;
}

/* Leaves out the periods of themes that have some already: the office
 * pushed them before the seed, and its figures stand. */
static int keep_new_themes(PGconn *conn, seed_themes_plan *plan)
{
    PGresult *res = seed_exec(conn, "reading complaint theme periods",
                              "SELECT DISTINCT theme_code FROM complaint_theme_periods", 0, NULL);
    if (res == NULL)
        return -1;
    size_t kept = 0;
    for (size_t i = 0; i < plan->n; i++) {
        int pushed = 0;
        for (int k = 0; k < PQntuples(res) && !pushed; k++)
            pushed = strcmp(PQgetvalue(res, k, 0), plan->periods[i].theme->code) == 0;
        if (!pushed)
            plan->periods[kept++] = plan->periods[i];
    }
    plan->n = kept;
    PQclear(res);
    return 0;
}

static int copy_periods(PGconn *conn, const seed_themes_plan *plan)
{
    seed_copy *c =
        seed_copy_begin(conn, "complaint theme periods",
                        "COPY complaint_theme_periods (theme_code, period, complaint_count, summary, "
                        "created_at, updated_at) FROM STDIN");
    if (c == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < plan->n && rc == 0; i++) {
        const seed_theme_period *p = &plan->periods[i];
        rc = seed_copy_room(c);
        rc = rc || seed_copy_field(c, p->theme->code, '\t');
        rc = rc || seed_copy_field(c, p->period, '\t');
        rc = rc || seed_copy_ll(c, p->count, 0, '\t');
        rc = rc || seed_copy_field(c, p->summary, '\t');
        rc = rc || seed_copy_ts(c, p->pushed_at, '\t');
        rc = rc || seed_copy_ts(c, p->pushed_at, '\n');
    }
    return seed_copy_finish(c, rc);
}

int seed_theme_counts_step(PGconn *conn, long ref_day, seed_rng *rng, seed_themes_counts *c)
{
    seed_themes_plan plan = {NULL, 0};
    long *turn_days = calloc(seed_words_themes_count ? seed_words_themes_count : 1, sizeof *turn_days);
    int rc = -1;
    if (turn_days == NULL) {
        fprintf(stderr, "seed: out of memory\n");
        return -1;
    }
    if (read_turn_days(conn, ref_day, turn_days) != 0)
        goto done;
    seed_themes_input in = {ref_day, turn_days};
    if (seed_themes_plan_make(rng, &in, &plan) != 0) {
        fprintf(stderr, "seed: out of memory\n");
        goto done;
    }
    if (keep_new_themes(conn, &plan) != 0 || copy_periods(conn, &plan) != 0)
        goto done;
    seed_themes_count(&plan, c);
    rc = 0;
done:
    seed_themes_plan_free(&plan);
    free(turn_days);
    return rc;
}
