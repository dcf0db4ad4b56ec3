/* seed.c: `dna-api seed`, deterministic demo data (shared/spec/demo-data.md).
 *
 * The work is a list of steps (STEPS below) run in one transaction. Each step
 * draws from its own random stream, derived from the seed and the step's
 * name, so adding a step (reports, sessions, ...) or changing one never
 * changes what the others produce for the same seed. Members go in with COPY,
 * which keeps 100,000 rows to a second or two; everything else is a handful of
 * parameterised statements. */
#include "seed.h"
#include "seed_initiatives.h"
#include "seed_internal.h"
#include "seed_sessions.h"
#include "seed_themes.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "lifecycle.h"
#include "seed_words.h"

/* joined_at, reports, rules and sessions lie in the two years before the
 * reference date (seed_options: SEED_REF_* unless asked otherwise). A fixed
 * date rather than now() keeps the output identical from one day to the next. */
#define JOIN_WINDOW_DAYS SEED_HISTORY_DAYS
/* The programme's launch drew a wave of sign-ups in its first two months. */
#define LAUNCH_WAVE_DAYS 61
#define LAUNCH_WAVE_PERCENT 20

#define INACTIVE_PERCENT 5
/* Mixed households and married names: a surname from another background. */
#define MIXED_SURNAME_PERCENT 10
/* Otherwise a title that occurs in any department. */
#define TYPICAL_TITLE_PERCENT 70

/* COPY data is sent in chunks of about this size; a row never exceeds
 * ROW_MAX bytes once escaped (all texts come from our own lists). */
#define CHUNK_SIZE (64 * 1024)
#define ROW_MAX 8192

#define MAX_DEPARTMENTS 32
#define SEED_RULES_MAX 128

/* --- the random stream ------------------------------------------------------ */

void seed_rng_init(seed_rng *r, unsigned long long seed)
{
    r->state = (uint64_t)seed;
}

uint64_t seed_rng_next(seed_rng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Rejects the few values at the top that would favour small results. */
uint64_t seed_rng_below(seed_rng *r, uint64_t n)
{
    uint64_t limit = -n % n; /* 2^64 mod n */
    for (;;) {
        uint64_t x = seed_rng_next(r);
        if (x >= limit)
            return x % n;
    }
}

static size_t pick_index(seed_rng *r, size_t n)
{
    return (size_t)seed_rng_below(r, (uint64_t)n);
}

static int percent(seed_rng *r, unsigned p)
{
    return seed_rng_below(r, 100) < p;
}

/* FNV-1a: a stable, platform-independent hash of a step's name. */
static uint64_t fnv1a(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* --- names and emails --------------------------------------------------------- */

static const seed_words_name_group *pick_group(seed_rng *r)
{
    unsigned total = 0;
    for (size_t i = 0; i < seed_words_name_groups_count; i++)
        total += seed_words_name_groups[i].weight;
    uint64_t x = seed_rng_below(r, total);
    for (size_t i = 0; i < seed_words_name_groups_count; i++) {
        if (x < seed_words_name_groups[i].weight)
            return &seed_words_name_groups[i];
        x -= seed_words_name_groups[i].weight;
    }
    return &seed_words_name_groups[0];
}

int seed_pick_name(seed_rng *r, char *out, size_t n)
{
    const seed_words_name_group *g = pick_group(r);
    const char *first = g->first_names[pick_index(r, g->first_names_count)];
    const seed_words_name_group *sg = percent(r, MIXED_SURNAME_PERCENT) ? pick_group(r) : g;
    const char *last = sg->surnames[pick_index(r, sg->surnames_count)];
    int k = snprintf(out, n, "%s %s", first, last);
    if (k < 0 || (size_t)k >= n)
        return -1;
    return k;
}

/* Decodes one UTF-8 sequence; an invalid byte comes back as U+FFFD so that it
 * is dropped rather than misread. */
static uint32_t utf8_next(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t cp;
    int more;
    if (p[0] < 0x80) {
        *pp = p + 1;
        return p[0];
    } else if ((p[0] & 0xe0) == 0xc0) {
        cp = p[0] & 0x1fu;
        more = 1;
    } else if ((p[0] & 0xf0) == 0xe0) {
        cp = p[0] & 0x0fu;
        more = 2;
    } else if ((p[0] & 0xf8) == 0xf0) {
        cp = p[0] & 0x07u;
        more = 3;
    } else {
        *pp = p + 1;
        return 0xfffd;
    }
    for (int i = 1; i <= more; i++) {
        if ((p[i] & 0xc0) != 0x80) { /* also stops at the NUL */
            *pp = p + i;
            return 0xfffd;
        }
        cp = (cp << 6) | (p[i] & 0x3fu);
    }
    *pp = p + more + 1;
    return cp;
}

/* ASCII for U+00C0..U+00FF; "" drops the character (× and ÷). */
static const char *const LATIN1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Base letters for U+0100..U+017F (Latin Extended-A: Turkish ş ğ ı İ, Polish,
 * Czech, ...), upper and lower case alike. '?' marks the two ligatures. */
static const char LATIN_EXT_A[] = "aaaaaaccccccccdd"
                                  "ddeeeeeeeeeegggg"
                                  "gggghhhhiiiiiiii"
                                  "ii??jjkkklllllll"
                                  "lllnnnnnnnnnoooo"
                                  "oo??rrrrrrssssss"
                                  "ssttttttuuuuuuuu"
                                  "uuuuwwyyyzzzzzzs";

/* The ASCII spelling of a non-ASCII letter, or NULL to drop it. */
static const char *transliterate(uint32_t cp, char one[2])
{
    if (cp >= 0xc0 && cp <= 0xff)
        return LATIN1[cp - 0xc0];
    if (cp == 0x132 || cp == 0x133)
        return "ij";
    if (cp == 0x152 || cp == 0x153)
        return "oe";
    if (cp >= 0x100 && cp <= 0x17f) {
        one[0] = LATIN_EXT_A[cp - 0x100];
        one[1] = '\0';
        return one;
    }
    return NULL;
}

static int is_word_break(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '.' || cp == '_' || cp == 0xa0;
}

int seed_email_slug(const char *name, char *out, size_t n)
{
    if (n == 0)
        return -1;
    size_t len = 0;
    int word_break = 0;
    const unsigned char *p = (const unsigned char *)name;
    while (*p) {
        uint32_t cp = utf8_next(&p);
        char one[2] = {0, 0};
        const char *piece;
        if (is_word_break(cp)) {
            word_break = 1;
            continue;
        } else if (cp == '-') {
            /* Kept inside a double name (gert-jan), never doubled or leading. */
            if (len > 0 && out[len - 1] != '-' && !word_break) {
                if (len + 1 >= n)
                    return -1;
                out[len++] = '-';
            }
            continue;
        } else if (cp >= 'A' && cp <= 'Z') {
            one[0] = (char)(cp - 'A' + 'a');
            piece = one;
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            one[0] = (char)cp;
            piece = one;
        } else if (cp < 0x80) {
            continue; /* apostrophes ('t Hart) and other punctuation */
        } else {
            piece = transliterate(cp, one);
            if (piece == NULL || piece[0] == '\0')
                continue;
        }
        if (word_break && len > 0) {
            if (out[len - 1] == '-')
                len--;
            if (len + 1 >= n)
                return -1;
            out[len++] = '.';
        }
        word_break = 0;
        size_t k = strlen(piece);
        if (len + k >= n)
            return -1;
        memcpy(out + len, piece, k);
        len += k;
    }
    while (len > 0 && (out[len - 1] == '-' || out[len - 1] == '.'))
        len--;
    out[len] = '\0';
    return (int)len;
}

/* --- PostgreSQL text formats -------------------------------------------------- */

int seed_pg_array(const char *const *items, size_t count, char *out, size_t n)
{
    size_t len = 0;
#define PUT(c)                                                                                               \
    do {                                                                                                     \
        if (len + 1 >= n)                                                                                    \
            return -1;                                                                                       \
        out[len++] = (c);                                                                                    \
    } while (0)
    if (n == 0)
        return -1;
    PUT('{');
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            PUT(',');
        /* Always quoted: spaces, commas, braces and the word NULL then need
         * no special cases; only quote and backslash are escaped. */
        PUT('"');
        for (const char *s = items[i]; *s; s++) {
            if (*s == '"' || *s == '\\')
                PUT('\\');
            PUT(*s);
        }
        PUT('"');
    }
    PUT('}');
#undef PUT
    out[len] = '\0';
    return (int)len;
}

int seed_copy_escape(const char *s, char *out, size_t n)
{
    size_t len = 0;
    if (n == 0)
        return -1;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[5];
        size_t k;
        switch (c) {
        case '\\':
            memcpy(esc, "\\\\", 2);
            k = 2;
            break;
        case '\n':
            memcpy(esc, "\\n", 2);
            k = 2;
            break;
        case '\r':
            memcpy(esc, "\\r", 2);
            k = 2;
            break;
        case '\t':
            memcpy(esc, "\\t", 2);
            k = 2;
            break;
        default:
            if (c < 0x20 || c == 0x7f) { /* as an octal byte: \ooo */
                esc[0] = '\\';
                esc[1] = (char)('0' + ((c >> 6) & 7));
                esc[2] = (char)('0' + ((c >> 3) & 7));
                esc[3] = (char)('0' + (c & 7));
                k = 4;
            } else {
                esc[0] = (char)c;
                k = 1;
            }
        }
        if (len + k >= n)
            return -1;
        memcpy(out + len, esc, k);
        len += k;
    }
    out[len] = '\0';
    return (int)len;
}

/* --- dates (Howard Hinnant's civil calendar algorithms) ----------------------- */

long seed_days_from_civil(int year, int month, int day)
{
    long y = year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void seed_civil_date(long days, char out[11])
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);
    if (y < 0)
        y = 0;
    if (y > 9999)
        y = 9999;
    /* Written digit by digit: a bounded format of a long would need a
     * 20-digit buffer to keep the compiler's truncation check quiet. */
    const long parts[3] = {y, m, d};
    const int widths[3] = {4, 2, 2};
    size_t pos = 0;
    for (int i = 0; i < 3; i++) {
        long v = parts[i];
        for (int w = widths[i] - 1; w >= 0; w--) {
            out[pos + (size_t)w] = (char)('0' + v % 10);
            v /= 10;
        }
        pos += (size_t)widths[i];
        if (i < 2)
            out[pos++] = '-';
    }
    out[10] = '\0';
}

/* The reference day of a run: the history ends at its start. */
static long ref_day_of(const seed_options *o)
{
    return seed_days_from_civil(o->ref_year, o->ref_month, o->ref_day);
}

/* --- time in The Hague ---------------------------------------------------------- */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int seed_weekday(long day)
{
    /* 1970-01-01 was a Thursday. */
    return (int)(((day + 3) % 7 + 7) % 7) + 1;
}

/* The year of a day, from Hinnant's algorithm as in seed_civil_date. */
static int civil_year(long days)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return (int)(yoe + era * 400 + (m <= 2));
}

/* The last Sunday on or before a day. */
static long sunday_on_or_before(long day)
{
    return day - seed_weekday(day) % 7;
}

int seed_amsterdam_offset(int64_t utc)
{
    int year = civil_year((long)floor_div(utc, DAY_SECONDS));
    int64_t start =
        (int64_t)sunday_on_or_before(seed_days_from_civil(year, 3, 31)) * DAY_SECONDS + HOUR_SECONDS;
    int64_t end =
        (int64_t)sunday_on_or_before(seed_days_from_civil(year, 10, 31)) * DAY_SECONDS + HOUR_SECONDS;
    return utc >= start && utc < end ? 2 * HOUR_SECONDS : HOUR_SECONDS;
}

long seed_local_day(int64_t utc)
{
    return (long)floor_div(utc + seed_amsterdam_offset(utc), DAY_SECONDS);
}

int64_t seed_local_time(long day, int sec)
{
    int64_t local = (int64_t)day * DAY_SECONDS + sec;
    int64_t summer = local - 2 * HOUR_SECONDS;
    return seed_amsterdam_offset(summer) == 2 * HOUR_SECONDS ? summer : local - HOUR_SECONDS;
}

/* Writes v as exactly `width` digits. */
static void put_digits(char *out, long v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

void seed_iso_week(int64_t utc, char out[9])
{
    long day = seed_local_day(utc);
    long thursday = day - seed_weekday(day) + 4; /* its week's Thursday decides the year */
    int year = civil_year(thursday);
    long week = (thursday - seed_days_from_civil(year, 1, 1)) / 7 + 1;
    put_digits(out, year < 0 ? 0 : year > 9999 ? 9999 : year, 4);
    out[4] = '-';
    out[5] = 'W';
    put_digits(out + 6, week, 2);
    out[8] = '\0';
}

void seed_timestamp(int64_t utc, char out[23])
{
    long day = (long)floor_div(utc, DAY_SECONDS);
    long sec = (long)(utc - (int64_t)day * DAY_SECONDS);
    seed_civil_date(day, out);
    out[10] = ' ';
    put_digits(out + 11, sec / 3600, 2);
    out[13] = ':';
    put_digits(out + 14, sec / 60 % 60, 2);
    out[16] = ':';
    put_digits(out + 17, sec % 60, 2);
    memcpy(out + 19, "+00", 4);
}

/* --- a report's life --------------------------------------------------------------- */

/* The weekly team meeting: Thursday from 10:00, decisions until about 11:45. */
#define MEETING_WEEKDAY 4
#define MEETING_SECONDS (10 * HOUR_SECONDS)

static int64_t draw_between(seed_rng *r, int64_t lo, int64_t hi)
{
    return hi <= lo ? lo : lo + (int64_t)seed_rng_below(r, (uint64_t)(hi - lo));
}

/* A moment in working hours (08:00-17:30) on `day`, or the next working day. */
static int64_t working_moment(seed_rng *r, long day)
{
    while (seed_weekday(day) > 5)
        day++;
    return seed_local_time(day, 8 * HOUR_SECONDS + (int)seed_rng_below(r, 9 * HOUR_SECONDS + 1800));
}

/* A working moment lo..hi days after t, and always after it. A weekend day
 * is drawn again, so that Monday does not collect the weekend's share. */
static int64_t days_after(seed_rng *r, int64_t t, int lo, int hi)
{
    long day = seed_local_day(t) + lo + (long)seed_rng_below(r, (uint64_t)(hi - lo + 1));
    for (int tries = 0; tries < 8 && seed_weekday(day) > 5; tries++)
        day = seed_local_day(t) + lo + (long)seed_rng_below(r, (uint64_t)(hi - lo + 1));
    int64_t m = working_moment(r, day);
    return m > t ? m : t + 600 + (int64_t)seed_rng_below(r, 2 * HOUR_SECONDS);
}

/* A moment during the weekly meeting after t (at least an hour after it),
 * `skip` meetings later when the agenda was too full. */
static int64_t meeting_after(seed_rng *r, int64_t t, int skip)
{
    long day = seed_local_day(t);
    day += (MEETING_WEEKDAY - seed_weekday(day) + 7) % 7;
    if (seed_local_time(day, MEETING_SECONDS) < t + HOUR_SECONDS)
        day += 7;
    day += 7L * skip;
    return seed_local_time(day, MEETING_SECONDS) + (int64_t)seed_rng_below(r, 105 * 60);
}

/* Closed reports thin out over the last months (see filing_moment). */
#define CLOSED_TAPER_DAYS 150

static int meeting_skips(seed_rng *r)
{
    uint64_t x = seed_rng_below(r, 100);
    return x < 72 ? 0 : x < 92 ? 1 : 2;
}

/* How the volume of reports varies: the programme grows, the launch drew a
 * wave, summer holidays and the turn of the year are quiet, weekends rare.
 * Per mille, at most 1400. */
static unsigned volume_weight(long day, long start_day)
{
    long since = day - start_day;
    unsigned w = 550 + (unsigned)(since < 0 ? 0 : since > 730 ? 730 : since) * 450 / 730;
    char date[11];
    seed_civil_date(day, date);
    int month = (date[5] - '0') * 10 + (date[6] - '0'), mday = (date[8] - '0') * 10 + (date[9] - '0');
    if (since < 61)
        w = w * 14 / 10;
    if (month == 7 || month == 8)
        w = w * 7 / 10;
    if ((month == 12 && mday >= 20) || (month == 1 && mday <= 3))
        w /= 2;
    if (seed_weekday(day) > 5)
        w /= 16;
    return w;
}

/* A filing moment on a day drawn from [lo, hi] by volume. With `taper`, the
 * chance falls off over the last `taper` days before `end_day`, to a sixth:
 * a report that is closed by now was mostly filed a while ago, recent ones
 * are mostly still open. */
static int64_t filing_moment(seed_rng *r, long lo, long hi, long start_day, long end_day, long taper)
{
    long day = lo;
    for (int tries = 0; tries < 64; tries++) {
        day = lo + (long)seed_rng_below(r, (uint64_t)(hi - lo + 1));
        uint64_t w = volume_weight(day, start_day);
        long age = end_day - day;
        if (taper > 0 && age < taper)
            w = w * (uint64_t)(age > taper / 6 ? age : taper / 6) / (uint64_t)taper;
        if (seed_rng_below(r, 1400) < w)
            break;
    }
    int sec;
    if (seed_weekday(day) > 5)
        sec = 10 * HOUR_SECONDS + (int)seed_rng_below(r, 11 * HOUR_SECONDS);
    else if (percent(r, 85))
        sec = 8 * HOUR_SECONDS + (int)seed_rng_below(r, 9 * HOUR_SECONDS + 1800);
    else
        sec = 17 * HOUR_SECONDS + 1800 + (int)seed_rng_below(r, 4 * HOUR_SECONDS + 1800);
    return seed_local_time(day, sec);
}

/* The shortest way along the lifecycle's arrows from -> to, written to out
 * without `from`. Returns its length (0 when from == to), or -1. */
static int lc_path(int from, int to, int *out, int max)
{
    int prev[LC_COUNT], queue[LC_COUNT], head = 0, tail = 0;
    for (int i = 0; i < LC_COUNT; i++)
        prev[i] = -2;
    prev[from] = -1;
    queue[tail++] = from;
    while (head < tail && prev[to] == -2) {
        int s = queue[head++];
        for (int t = 0; t < LC_COUNT; t++)
            if (prev[t] == -2 && lifecycle_allowed((lc_status)s, (lc_status)t)) {
                prev[t] = s;
                queue[tail++] = t;
            }
    }
    if (prev[to] == -2)
        return -1;
    int n = 0;
    for (int s = to; s != from; s = prev[s])
        n++;
    if (n > max)
        return -1;
    int k = n;
    for (int s = to; s != from; s = prev[s])
        out[--k] = s;
    return n;
}

/* The statuses a report passes after filing on its way to `target`. */
static int draw_path(seed_rng *r, int target, int *path)
{
    const int max = SEED_MAX_EVENTS - 1;
    int n;
    switch (target) {
    case LC_NEW: return 0;
    case LC_REJECTED: {
        /* Rejected in the meeting that first sees it, or after a look. */
        uint64_t x = seed_rng_below(r, 100);
        int stage = x < 45 ? LC_NEW : x < 80 ? LC_TRIAGED : LC_IN_PROGRESS;
        if (lifecycle_allowed((lc_status)stage, LC_REJECTED)) {
            n = lc_path(LC_NEW, stage, path, max - 1);
            if (n >= 0) {
                path[n++] = LC_REJECTED;
                return n;
            }
        }
        return lc_path(LC_NEW, LC_REJECTED, path, max);
    }
    case LC_RESOLVED:
        n = lc_path(LC_NEW, LC_RESOLVED, path, max);
        /* A few come back: the problem returned, so the team reopens it. */
        if (n > 0 && percent(r, 4) && lifecycle_allowed(LC_RESOLVED, LC_TRIAGED)) {
            int again = lc_path(LC_TRIAGED, LC_RESOLVED, path + n + 1, max - n - 1);
            if (again >= 0) {
                path[n] = LC_TRIAGED;
                n += 1 + again;
            }
        }
        return n;
    case LC_DUPLICATE:
        /* Mostly spotted while triaging; some only after the work was done. */
        if (percent(r, 25) && lifecycle_allowed(LC_RESOLVED, LC_DUPLICATE)) {
            n = lc_path(LC_NEW, LC_RESOLVED, path, max - 1);
            if (n >= 0) {
                path[n++] = LC_DUPLICATE;
                return n;
            }
        }
        return lc_path(LC_NEW, LC_DUPLICATE, path, max);
    default: return lc_path(LC_NEW, target, path, max);
    }
}

/* When the transition from -> to happens, given the previous one at t. */
static int64_t transition_time(seed_rng *r, int from, int to, int64_t t, int priority)
{
    static const int RESOLVE_DAYS[4][2] = {{7, 50}, {5, 30}, {3, 18}, {1, 8}};
    switch (to) {
    case LC_TRIAGED:
        if (from == LC_NEW)
            return meeting_after(r, t, meeting_skips(r));
        return meeting_after(r, days_after(r, t, 14, 60), 0); /* reopened */
    case LC_IN_PROGRESS: return days_after(r, t, 0, 7);
    case LC_RESOLVED: {
        int lo = RESOLVE_DAYS[priority][0], hi = RESOLVE_DAYS[priority][1];
        if (percent(r, 8))
            hi *= 2; /* the long tail: a council decision, a supplier */
        return days_after(r, t, lo, hi);
    }
    case LC_REJECTED:
        if (from == LC_NEW)
            return meeting_after(r, t, meeting_skips(r));
        return days_after(r, t, 3, 30);
    case LC_DUPLICATE:
        if (from == LC_NEW)
            return meeting_after(r, t, meeting_skips(r));
        if (from == LC_TRIAGED)
            return t + 300 + (int64_t)seed_rng_below(r, 1800); /* same meeting */
        return days_after(r, t, 1, 30);
    default: return days_after(r, t, 1, 14);
    }
}

int seed_draw_timeline(seed_rng *r, int target, long ref_day, seed_timeline *tl)
{
    const long start_day = ref_day - JOIN_WINDOW_DAYS;
    const int64_t end = seed_local_time(ref_day, 0);
    int path[SEED_MAX_EVENTS];

    tl->n = 0;
    if (target < 0 || target >= LC_COUNT)
        return -1;
    uint64_t x = seed_rng_below(r, 100);
    tl->priority = x < 20 ? 0 : x < 70 ? 1 : x < 92 ? 2 : 3;
    int n = draw_path(r, target, path);
    if (n < 0)
        return -1;

    if (target == LC_NEW) {
        /* The backlog, at fixed offsets before the reference day. */
        uint64_t band = seed_rng_below(r, 100);
        long back = band < 40   ? 1 + (long)seed_rng_below(r, 6)
                    : band < 70 ? 8 + (long)seed_rng_below(r, 6)
                                : 15 + (long)seed_rng_below(r, 31);
        long day = ref_day - back;
        while (seed_weekday(day) > 5)
            day--;
        tl->ev[0] = (seed_event){working_moment(r, day), -1, LC_NEW};
        tl->n = 1;
        return 0;
    }

    /* Where the filing may fall: still-open reports are recent. */
    int is_open = target == LC_TRIAGED || target == LC_IN_PROGRESS;
    long lo = start_day, hi = ref_day - 5;
    if (target == LC_TRIAGED) {
        lo = ref_day - 100;
        hi = ref_day - 3;
    } else if (target == LC_IN_PROGRESS) {
        lo = ref_day - 200;
        hi = ref_day - 8;
    }
    for (int attempt = 0;; attempt++) {
        int64_t t = filing_moment(r, lo, hi, start_day, ref_day, is_open ? 0 : CLOSED_TAPER_DAYS);
        tl->ev[0] = (seed_event){t, -1, LC_NEW};
        int from = LC_NEW;
        for (int i = 0; i < n; i++) {
            t = transition_time(r, from, path[i], t, tl->priority);
            tl->ev[i + 1] = (seed_event){t, from, path[i]};
            from = path[i];
        }
        tl->n = n + 1;
        if (t < end)
            return 0;
        if (attempt == 40) {
            /* Give up drawing: move the whole life back before the end. */
            int64_t shift = t - end + DAY_SECONDS;
            for (int i = 0; i < tl->n; i++)
                tl->ev[i].at -= shift;
            return 0;
        }
    }
}

/* --- templates ------------------------------------------------------------------- */

int seed_fill_template(const char *tmpl, const seed_fill_words *w, char *out, size_t n)
{
    size_t len = 0;
    if (n == 0)
        return -1;
    for (const char *t = tmpl; *t; t++) {
        const char *word = NULL;
        int capital = 0;
        if (t[0] == '{' && t[1] != '\0' && t[2] == '}') {
            switch (t[1]) {
            case 'S': capital = 1; /* fall through */
            case 's': word = w->subject; break;
            case 'W': capital = 1; /* fall through */
            case 'w': word = w->who; break;
            case 'P': capital = 1; /* fall through */
            case 'p': word = w->who_plural; break;
            case 'n': word = w->number; break;
            default: return -1;
            }
            if (word == NULL)
                return -1;
            size_t k = strlen(word);
            if (len + k >= n)
                return -1;
            memcpy(out + len, word, k);
            if (capital && k > 0 && out[len] >= 'a' && out[len] <= 'z')
                out[len] = (char)(out[len] - 'a' + 'A');
            len += k;
            t += 2;
            continue;
        }
        if (t[0] == '{')
            return -1;
        if (len + 1 >= n)
            return -1;
        out[len++] = *t;
    }
    out[len] = '\0';
    return (int)len;
}

/* --- the database side --------------------------------------------------------- */

/* The demo logins, one per staff role, part of the member count. They come
 * first, so in a fresh database they get ids 1 to 5. */
typedef struct {
    const char *local; /* email local part */
    const char *name;
    const char *role; /* the staff role on top of member, NULL for none */
    const char *department;
    const char *title;
    const char *interests[3];
} demo_login;

static const demo_login DEMO_LOGINS[] = {
    {"demo.member",
     "Demo Lid",
     NULL,
     "DPZ",
     "klantcontactmedewerker",
     {"klantreis", "taalgebruik (B1)", NULL}},
    {"demo.organizer",
     "Demo Organisator",
     "organizer",
     "OCW",
     "beleidsadviseur",
     {"inclusie", "wijkgericht werken", NULL}},
    {"demo.team",
     "Demo Ont-regelteam",
     "deregulation_team",
     "SZW",
     "consulent werk en inkomen",
     {"ont-regelen", "klantreis", NULL}},
    {"demo.manager",
     "Demo Programmamanager",
     "program_manager",
     "BSD",
     "programmamanager",
     {"ont-regelen", "digitale dienstverlening", "klantreis"}},
    {"demo.analyst",
     "Demo Analist",
     "analyst",
     "ICT",
     "data-analist",
     {"digitale dienstverlening", NULL, NULL}},
};
#define DEMO_COUNT (sizeof DEMO_LOGINS / sizeof DEMO_LOGINS[0])

/* How many hold each staff role, demo logins included. Organizers and the
 * team grow with the network (15 and 8 at the default 450); the programme's
 * managers and analysts are small central teams of fixed size. Generated
 * members with a staff role also get a department and title to match. */
typedef struct {
    const char *role;
    int at_default;
    int scales;
    const char *department; /* NULL: drawn like anyone else's */
    const char *title;
} role_target;

static const role_target ROLE_TARGETS[] = {
    {"organizer", 15, 1, NULL, NULL},
    {"deregulation_team", 8, 1, NULL, NULL},
    {"program_manager", 3, 0, "BSD", "programmamanager"},
    {"analyst", 4, 0, "ICT", "data-analist"},
};
#define ROLE_COUNT (sizeof ROLE_TARGETS / sizeof ROLE_TARGETS[0])

typedef struct {
    PGconn *conn;
    const seed_options *opt;
    long long dept_ids[MAX_DEPARTMENTS]; /* parallel to seed_words_departments */
    char demo_hashes[DEMO_COUNT][AUTH_HASH_LEN];
    char client_hash[AUTH_HASH_LEN];
    int client_existed;
    /* Filled by the members step, for the steps after it (reports need
     * reporters): ids of every member row, demo logins included. */
    long long members_first_id, members_last_id, members_total;
    /* Filled by the rules step: parallel to seed_words_rules. */
    long long rule_ids[SEED_RULES_MAX];
    int64_t rule_created[SEED_RULES_MAX];
    int rule_topic[SEED_RULES_MAX]; /* index into seed_words_topics */
    size_t rules_total;
    long long rules_by_outcome[5]; /* open, abolished, simplified, clarified, retained */
    /* Filled by the reports step, for the summary. */
    long long reports_by_status[LC_COUNT];
    long long reports_overdue, reports_escalated, reports_anonymous, reports_linked;
    long long history_total, supports_total, comments_total;
    /* Filled by the sessions step, for the summary. */
    seed_sessions_counts sessions;
    /* Filled by the two steps of complaint themes. */
    seed_themes_counts themes;
    /* Filled by the initiatives step, for the summary. */
    seed_initiatives_counts initiatives;
} seed_ctx;

/* A successful result, or NULL after printing why. */
PGresult *seed_exec(PGconn *conn, const char *what, const char *sql, int nparams, const char *const *params)
{
    PGresult *res = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (res != NULL && (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK))
        return res;
    fprintf(stderr, "seed: %s: %s", what, res != NULL ? PQresultErrorMessage(res) : PQerrorMessage(conn));
    PQclear(res);
    return NULL;
}

int seed_exec_ok(PGconn *conn, const char *what, const char *sql, int nparams, const char *const *params)
{
    PGresult *res = seed_exec(conn, what, sql, nparams, params);
    if (res == NULL)
        return -1;
    PQclear(res);
    return 0;
}

int seed_parse_ll(const char *s, long long *out)
{
    char *end;
    if (s == NULL || *s == '\0')
        return -1;
    long long v = strtoll(s, &end, 10);
    if (*end != '\0')
        return -1;
    *out = v;
    return 0;
}

static int dept_index(const char *code)
{
    for (size_t i = 0; i < seed_words_departments_count; i++)
        if (strcmp(seed_words_departments[i].code, code) == 0)
            return (int)i;
    return -1;
}

static size_t pick_department(seed_rng *r)
{
    unsigned total = 0;
    for (size_t i = 0; i < seed_words_departments_count; i++)
        total += seed_words_departments[i].weight;
    uint64_t x = seed_rng_below(r, total);
    for (size_t i = 0; i < seed_words_departments_count; i++) {
        if (x < seed_words_departments[i].weight)
            return i;
        x -= seed_words_departments[i].weight;
    }
    return 0;
}

/* How many member rows exist, demo logins included. Returns 0, or -1 on error. */
static int count_members(PGconn *conn, long long *count)
{
    PGresult *res = seed_exec(conn, "checking for members", "SELECT count(*) FROM members", 0, NULL);
    if (res == NULL)
        return -1;
    int rc = seed_parse_ll(PQgetvalue(res, 0, 0), count);
    PQclear(res);
    return rc;
}

/* --- step: departments --- */

static int step_departments(seed_ctx *ctx, seed_rng *rng)
{
    (void)rng; /* fixed list, nothing to draw */
    for (size_t i = 0; i < seed_words_departments_count; i++) {
        char staff[16];
        snprintf(staff, sizeof staff, "%u", seed_words_departments[i].staff);
        const char *params[3] = {seed_words_departments[i].code, seed_words_departments[i].name, staff};
        /* A department created by hand before seeding is kept as it is. */
        if (seed_exec_ok(ctx->conn, "inserting departments",
                         "INSERT INTO departments (code, name, staff_count) VALUES ($1, $2, $3::integer) "
                         "ON CONFLICT (code) DO NOTHING",
                         3, params) != 0)
            return -1;
        PGresult *res = seed_exec(ctx->conn, "reading department ids",
                                  "SELECT id FROM departments WHERE code = $1", 1, params);
        if (res == NULL)
            return -1;
        int rc = PQntuples(res) == 1 ? seed_parse_ll(PQgetvalue(res, 0, 0), &ctx->dept_ids[i]) : -1;
        PQclear(res);
        if (rc != 0) {
            fprintf(stderr, "seed: no id for department %s\n", seed_words_departments[i].code);
            return -1;
        }
    }
    return 0;
}

/* --- step: demo logins --- */

static int step_demo_logins(seed_ctx *ctx, seed_rng *rng)
{
    (void)rng; /* fixed rows */
    char joined[11];
    /* They were there when the programme started. */
    seed_civil_date(ref_day_of(ctx->opt) - JOIN_WINDOW_DAYS, joined);
    for (size_t i = 0; i < DEMO_COUNT; i++) {
        const demo_login *d = &DEMO_LOGINS[i];
        char email[128], dept[24], roles[96], interests[256];
        const char *role_list[2] = {"member", d->role};
        size_t ninterests = 0;
        while (ninterests < 3 && d->interests[ninterests] != NULL)
            ninterests++;
        int di = dept_index(d->department);
        int k = snprintf(email, sizeof email, "%s@%s", d->local, SEED_EMAIL_DOMAIN);
        if (di < 0 || k < 0 || (size_t)k >= sizeof email ||
            snprintf(dept, sizeof dept, "%lld", ctx->dept_ids[di]) < 0 ||
            seed_pg_array(role_list, d->role != NULL ? 2 : 1, roles, sizeof roles) < 0 ||
            seed_pg_array(d->interests, ninterests, interests, sizeof interests) < 0) {
            fprintf(stderr, "seed: demo login %s does not fit\n", d->local);
            return -1;
        }
        const char *params[8] = {d->name, email,  dept,      d->title,
                                 roles,   joined, interests, ctx->demo_hashes[i]};
        if (seed_exec_ok(ctx->conn, "inserting demo logins",
                         "INSERT INTO members (name, email, department_id, job_title, roles, joined_at, "
                         "interests, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                         8, params) != 0)
            return -1;
    }
    return 0;
}

/* --- step: members --- */

/* Counts per email local part, so the n-th "jan.de.vries" becomes
 * "jan.de.vries<n>". Slugs never end in a digit, so a numbered address can
 * never equal another person's plain one. Open addressing, grown at half
 * full; keys are owned. */
typedef struct {
    char *key;
    unsigned count;
} slug_slot;

typedef struct {
    slug_slot *slots;
    size_t cap, used;
} slug_counts;

static void slugs_free(slug_counts *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    m->slots = NULL;
    m->cap = m->used = 0;
}

static slug_slot *slugs_find(slug_slot *slots, size_t cap, const char *key)
{
    size_t i = (size_t)fnv1a(key) & (cap - 1);
    while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static int slugs_grow(slug_counts *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    slug_slot *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key != NULL)
            *slugs_find(slots, cap, m->slots[i].key) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

/* Records one more use of key; returns how many there are now, 0 on failure. */
static unsigned slugs_bump(slug_counts *m, const char *key)
{
    if ((m->used + 1) * 2 > m->cap && slugs_grow(m) != 0)
        return 0;
    slug_slot *s = slugs_find(m->slots, m->cap, key);
    if (s->key == NULL) {
        size_t n = strlen(key) + 1;
        s->key = malloc(n);
        if (s->key == NULL)
            return 0;
        memcpy(s->key, key, n);
        m->used++;
    }
    return ++s->count;
}

/* COPY data in chunks: fewer round trips than a row per call. */
struct seed_copy {
    PGconn *conn;
    const char *what; /* "members", for messages */
    char data[CHUNK_SIZE];
    size_t len;
};

static int chunk_flush(seed_copy *c)
{
    if (c->len > 0 && PQputCopyData(c->conn, c->data, (int)c->len) != 1) {
        fprintf(stderr, "seed: sending %s: %s", c->what, PQerrorMessage(c->conn));
        return -1;
    }
    c->len = 0;
    return 0;
}

/* Makes room for one more row. */
int seed_copy_room(seed_copy *c)
{
    return sizeof c->data - c->len < ROW_MAX ? chunk_flush(c) : 0;
}

/* One escaped field (NULL for SQL NULL) and the separator after it ('\t' or
 * '\n'). */
int seed_copy_field(seed_copy *c, const char *s, char sep)
{
    int k = s != NULL                     ? seed_copy_escape(s, c->data + c->len, sizeof c->data - c->len)
            : sizeof c->data - c->len > 2 ? (memcpy(c->data + c->len, "\\N", 2), 2)
                                          : -1;
    if (k < 0 || c->len + (size_t)k + 1 >= sizeof c->data)
        return -1;
    c->len += (size_t)k;
    c->data[c->len++] = sep;
    return 0;
}

/* A number field; 0 stands for NULL when `zero_is_null`. */
int seed_copy_ll(seed_copy *c, long long v, int zero_is_null, char sep)
{
    char buf[24];
    if (zero_is_null && v == 0)
        return seed_copy_field(c, NULL, sep);
    snprintf(buf, sizeof buf, "%lld", v);
    return seed_copy_field(c, buf, sep);
}

int seed_copy_ts(seed_copy *c, int64_t t, char sep)
{
    char buf[23];
    seed_timestamp(t, buf);
    return seed_copy_field(c, buf, sep);
}

/* Ends a COPY: cleanly, or with an error that makes the server discard it. */
static int copy_end(PGconn *conn, const char *what, const char *error)
{
    int rc = PQputCopyEnd(conn, error) == 1 ? 0 : -1;
    PGresult *res;
    while ((res = PQgetResult(conn)) != NULL) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            if (error == NULL)
                fprintf(stderr, "seed: copying %s: %s", what, PQresultErrorMessage(res));
            rc = -1;
        }
        PQclear(res);
    }
    return rc;
}

/* Starts a COPY ... FROM STDIN; returns a chunk to fill, or NULL. */
seed_copy *seed_copy_begin(PGconn *conn, const char *what, const char *sql)
{
    seed_copy *c = malloc(sizeof *c);
    if (c == NULL) {
        fprintf(stderr, "seed: out of memory\n");
        return NULL;
    }
    c->conn = conn;
    c->what = what;
    c->len = 0;
    PGresult *res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        fprintf(stderr, "seed: starting to copy %s: %s", what,
                res != NULL ? PQresultErrorMessage(res) : PQerrorMessage(conn));
        PQclear(res);
        free(c);
        return NULL;
    }
    PQclear(res);
    return c;
}

/* Sends what is left and ends the COPY (with an error after a failure: rc
 * != 0); frees the chunk. Returns 0 when all went in. */
int seed_copy_finish(seed_copy *c, int rc)
{
    PGconn *conn = c->conn;
    const char *what = c->what;
    if (rc == 0)
        rc = chunk_flush(c);
    if (rc == 0)
        rc = copy_end(conn, what, NULL);
    else
        copy_end(conn, what, "seed: generation failed");
    free(c);
    return rc;
}

/* One generated member. */
typedef struct {
    char name[160];
    char email[200];
    char dept[24];
    const char *title;
    char roles[96];
    char joined[11];
    char interests[256];
    int active;
} member_row;

static int make_member(seed_ctx *ctx, seed_rng *rng, slug_counts *slugs, int role_index, long ref_day,
                       member_row *m)
{
    const role_target *rt = role_index >= 0 ? &ROLE_TARGETS[role_index] : NULL;

    if (seed_pick_name(rng, m->name, sizeof m->name) < 0)
        return -1;

    char local[160];
    int len = seed_email_slug(m->name, local, sizeof local);
    if (len < 0)
        return -1;
    if (len == 0) /* cannot happen with our lists; keeps the address valid */
        memcpy(local, "medewerker", sizeof "medewerker");
    unsigned nth = slugs_bump(slugs, local);
    if (nth == 0)
        return -1;
    int k = nth == 1 ? snprintf(m->email, sizeof m->email, "%s@%s", local, SEED_EMAIL_DOMAIN)
                     : snprintf(m->email, sizeof m->email, "%s%u@%s", local, nth, SEED_EMAIL_DOMAIN);
    if (k < 0 || (size_t)k >= sizeof m->email)
        return -1;

    int di = rt != NULL && rt->department != NULL ? dept_index(rt->department) : -1;
    size_t dept = di >= 0 ? (size_t)di : pick_department(rng);
    if (snprintf(m->dept, sizeof m->dept, "%lld", ctx->dept_ids[dept]) < 0)
        return -1;

    const seed_words_department *d = &seed_words_departments[dept];
    if (rt != NULL && rt->title != NULL)
        m->title = rt->title;
    else if (percent(rng, TYPICAL_TITLE_PERCENT))
        m->title = d->titles[pick_index(rng, d->titles_count)];
    else
        m->title = seed_words_general_titles[pick_index(rng, seed_words_general_titles_count)];

    const char *role_list[2] = {"member", rt != NULL ? rt->role : NULL};
    if (seed_pg_array(role_list, rt != NULL ? 2 : 1, m->roles, sizeof m->roles) < 0)
        return -1;

    long day = percent(rng, LAUNCH_WAVE_PERCENT) ? (long)seed_rng_below(rng, LAUNCH_WAVE_DAYS)
                                                 : (long)seed_rng_below(rng, JOIN_WINDOW_DAYS);
    seed_civil_date(ref_day - JOIN_WINDOW_DAYS + day, m->joined);

    /* 0-3 interests, in list order; the team all care about ont-regelen. */
    uint64_t x = seed_rng_below(rng, 100);
    size_t want = x < 20 ? 0 : x < 55 ? 1 : x < 85 ? 2 : 3;
    size_t ninterests = seed_words_interests_count < 32 ? seed_words_interests_count : 32;
    uint32_t mask = 0;
    size_t have = 0;
    if (rt != NULL && strcmp(rt->role, "deregulation_team") == 0) {
        for (size_t i = 0; i < ninterests; i++)
            if (strcmp(seed_words_interests[i], "ont-regelen") == 0) {
                mask |= 1u << i;
                have = 1;
            }
    }
    if (want > ninterests)
        want = ninterests;
    while (have < want) {
        uint32_t bit = 1u << pick_index(rng, ninterests);
        if (!(mask & bit)) {
            mask |= bit;
            have++;
        }
    }
    const char *chosen[32];
    size_t nchosen = 0;
    for (size_t i = 0; i < ninterests; i++)
        if (mask & (1u << i))
            chosen[nchosen++] = seed_words_interests[i];
    if (seed_pg_array(chosen, nchosen, m->interests, sizeof m->interests) < 0)
        return -1;

    /* Staff-role holders are active: an inactive organizer helps no demo. */
    m->active = rt != NULL || !percent(rng, INACTIVE_PERCENT);
    return 0;
}

static int step_members(seed_ctx *ctx, seed_rng *rng)
{
    PGconn *conn = ctx->conn;
    long long generated = ctx->opt->members - (long long)DEMO_COUNT;
    long ref_day = ref_day_of(ctx->opt);

    /* Staff roles among the generated members: each target minus its demo
     * login, never more than there are members to hold them. */
    long long need[ROLE_COUNT], left = generated;
    for (size_t r = 0; r < ROLE_COUNT; r++) {
        long long target = ROLE_TARGETS[r].at_default;
        if (ROLE_TARGETS[r].scales) {
            target = (target * ctx->opt->members + SEED_DEFAULT_MEMBERS / 2) / SEED_DEFAULT_MEMBERS;
            if (target < 1)
                target = 1;
        }
        need[r] = target - 1 < left ? target - 1 : left;
        left -= need[r];
    }

    slug_counts slugs = {0};
    for (size_t i = 0; i < DEMO_COUNT; i++)
        if (slugs_bump(&slugs, DEMO_LOGINS[i].local) == 0) {
            slugs_free(&slugs);
            fprintf(stderr, "seed: out of memory\n");
            return -1;
        }

    seed_copy *chunk = seed_copy_begin(conn, "members",
                                       "COPY members (name, email, department_id, job_title, roles, "
                                       "joined_at, interests, active) FROM STDIN");
    if (chunk == NULL) {
        slugs_free(&slugs);
        return -1;
    }

    int rc = 0;
    long long remaining = generated;
    for (long long i = 0; i < generated && rc == 0; i++) {
        /* Selection sampling: exactly need[r] holders of each role, spread
         * uniformly over the rows. */
        uint64_t x = seed_rng_below(rng, (uint64_t)remaining);
        int role = -1;
        uint64_t acc = 0;
        for (size_t r = 0; r < ROLE_COUNT; r++) {
            acc += (uint64_t)need[r];
            if (x < acc) {
                role = (int)r;
                need[r]--;
                break;
            }
        }
        remaining--;

        member_row m;
        if (make_member(ctx, rng, &slugs, role, ref_day, &m) != 0) {
            fprintf(stderr, "seed: member %lld does not fit\n", i + 1);
            rc = -1;
            break;
        }
        if (seed_copy_room(chunk) != 0) {
            rc = -1;
            break;
        }
        if (seed_copy_field(chunk, m.name, '\t') != 0 || seed_copy_field(chunk, m.email, '\t') != 0 ||
            seed_copy_field(chunk, m.dept, '\t') != 0 || seed_copy_field(chunk, m.title, '\t') != 0 ||
            seed_copy_field(chunk, m.roles, '\t') != 0 || seed_copy_field(chunk, m.joined, '\t') != 0 ||
            seed_copy_field(chunk, m.interests, '\t') != 0 ||
            seed_copy_field(chunk, m.active ? "t" : "f", '\n') != 0) {
            fprintf(stderr, "seed: member %lld does not fit\n", i + 1);
            rc = -1;
        }
    }
    rc = seed_copy_finish(chunk, rc);
    slugs_free(&slugs);
    if (rc != 0)
        return -1;

    PGresult *res =
        seed_exec(conn, "counting members", "SELECT min(id), max(id), count(*) FROM members", 0, NULL);
    if (res == NULL)
        return -1;
    rc = seed_parse_ll(PQgetvalue(res, 0, 0), &ctx->members_first_id) |
         seed_parse_ll(PQgetvalue(res, 0, 1), &ctx->members_last_id) |
         seed_parse_ll(PQgetvalue(res, 0, 2), &ctx->members_total);
    PQclear(res);
    return rc != 0 ? -1 : 0;
}

/* --- step: rules --- */

static const char *const RULE_OUTCOME_NAMES[5] = {"open", "abolished", "simplified", "clarified", "retained"};

static int topic_index(const char *key)
{
    for (size_t i = 0; i < seed_words_topics_count; i++)
        if (strcmp(seed_words_topics[i].key, key) == 0)
            return (int)i;
    return -1;
}

/* The register as the team built it in the programme's first two months;
 * what became of a rule was decided later, at least four months on. */
static int step_rules(seed_ctx *ctx, seed_rng *rng)
{
    long ref_day = ref_day_of(ctx->opt);
    long start_day = ref_day - JOIN_WINDOW_DAYS;
    if (seed_words_rules_count > SEED_RULES_MAX) {
        fprintf(stderr, "seed: too many rules in seed_words\n");
        return -1;
    }
    for (size_t i = 0; i < seed_words_rules_count; i++) {
        const seed_words_rule *w = &seed_words_rules[i];
        int topic = topic_index(w->topic), dept = dept_index(w->department), outcome = -1;
        for (int k = 0; k < 5; k++)
            if (strcmp(w->outcome, RULE_OUTCOME_NAMES[k]) == 0)
                outcome = k;
        if (topic < 0 || dept < 0 || outcome < 0) {
            fprintf(stderr, "seed: rule \"%s\" names an unknown topic, department or outcome\n", w->title);
            return -1;
        }
        long created_day = start_day + 2 + (long)seed_rng_below(rng, 56);
        int64_t created = working_moment(rng, created_day), updated = created;
        int version = 1;
        if (outcome != 0) {
            long lo = created_day + 120, hi = ref_day - 10;
            updated = working_moment(rng, lo + (long)seed_rng_below(rng, (uint64_t)(hi - lo + 1)));
            version = 2 + (int)seed_rng_below(rng, 2);
        }
        char dept_id[24], created_s[23], updated_s[23], version_s[12];
        snprintf(dept_id, sizeof dept_id, "%lld", ctx->dept_ids[dept]);
        seed_timestamp(created, created_s);
        seed_timestamp(updated, updated_s);
        snprintf(version_s, sizeof version_s, "%d", version);
        const char *params[10] = {w->title,   w->source_type,  w->reference, dept_id,   w->description,
                                  w->outcome, w->outcome_note, created_s,    updated_s, version_s};
        PGresult *res = seed_exec(ctx->conn, "inserting rules",
                                  "INSERT INTO rules (title, source_type, reference, department_id, "
                                  "description, outcome, outcome_note, created_at, updated_at, version) "
                                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                                  10, params);
        if (res == NULL)
            return -1;
        int rc = seed_parse_ll(PQgetvalue(res, 0, 0), &ctx->rule_ids[i]);
        PQclear(res);
        if (rc != 0)
            return -1;
        ctx->rule_created[i] = created;
        ctx->rule_topic[i] = topic;
        ctx->rules_by_outcome[outcome]++;
    }
    ctx->rules_total = seed_words_rules_count;
    return 0;
}

/* --- steps: complaint themes (seed_themes.c) --- */

/* The themes reports and insights link to (reports.theme_code and
 * session_insights.theme_code name one), before the steps that link them. */
static int step_themes(seed_ctx *ctx, seed_rng *rng)
{
    (void)rng; /* fixed list, nothing to draw */
    return seed_themes_step(ctx->conn, ref_day_of(ctx->opt), &ctx->themes);
}

/* Their counts, after the sessions: some themes turn after one of them. */
static int step_theme_counts(seed_ctx *ctx, seed_rng *rng)
{
    return seed_theme_counts_step(ctx->conn, ref_day_of(ctx->opt), rng, &ctx->themes);
}

/* --- step: reports --- */

/* Shares of the final statuses, in percent; resolved takes the rest. */
#define NEW_PERCENT 5
#define TRIAGED_PERCENT 6
#define IN_PROGRESS_PERCENT 6
#define REJECTED_PERCENT 10
#define DUPLICATE_PERCENT 3

#define ANONYMOUS_PERCENT 15
#define OWN_DEPARTMENT_PERCENT 90 /* otherwise reported under another department */
#define THEME_PERCENT 55          /* of triaged reports with a fitting theme */
#define RULE_LINK_PERCENT 60      /* of triaged reports whose topic has rules */
#define SUPPORTS_MAX 40
#define COMMENTS_MAX 5
/* A duplicate's original is looked for among this many earlier reports. */
#define DUPLICATE_WINDOW 400

/* Sub-streams of a report's own seed, one per concern, so that each COPY pass
 * can rebuild just what it needs. */
#define SALT_TOPIC 0x243f6a8885a308d3ULL
#define SALT_TEXT 0x13198a2e03707344ULL
#define SALT_FLOW 0xa4093822299f31d0ULL
#define SALT_CROWD 0x082efa98ec4e6c89ULL

static const char *const PRIORITY_NAMES[4] = {"low", "normal", "high", "urgent"};

void seed_people_free(seed_people *p)
{
    free(p->id);
    free(p->joined);
    p->id = NULL;
    p->joined = NULL;
    p->n = 0;
}

int seed_load_people(PGconn *conn, const char *what, const char *sql, seed_people *p)
{
    PGresult *res = seed_exec(conn, what, sql, 0, NULL);
    if (res == NULL)
        return -1;
    size_t n = (size_t)PQntuples(res);
    p->id = malloc((n ? n : 1) * sizeof *p->id);
    p->joined = malloc((n ? n : 1) * sizeof *p->joined);
    p->n = n;
    int rc = p->id != NULL && p->joined != NULL ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        long long joined = 0;
        rc = seed_parse_ll(PQgetvalue(res, (int)i, 0), &p->id[i]) |
             seed_parse_ll(PQgetvalue(res, (int)i, 1), &joined);
        p->joined[i] = (long)joined;
    }
    PQclear(res);
    if (rc != 0) {
        fprintf(stderr, "seed: %s: unexpected result\n", what);
        seed_people_free(p);
    }
    return rc;
}

/* How many had joined by `day` (at least one, so there is always someone). */
size_t seed_joined_by(const seed_people *p, long day)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->joined[mid] <= day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? lo : 1;
}

static size_t pick_person(seed_rng *r, const seed_people *p, long day)
{
    return pick_index(r, seed_joined_by(p, day));
}

/* What the first pass decides for each report; the rest is rebuilt from
 * `seed` in each pass. */
typedef struct {
    int64_t created;
    uint64_t seed;
    int32_t dup_of;          /* index of the original (an older report), or -1 */
    uint16_t topic, problem; /* problem: the topic's own first, then seed_words_problems */
    uint8_t target;
} report_plan;

static int plan_cmp(const void *a, const void *b)
{
    const report_plan *x = a, *y = b;
    if (x->created != y->created)
        return x->created < y->created ? -1 : 1;
    return x->seed < y->seed ? -1 : x->seed > y->seed; /* seeds are distinct */
}

static const seed_words_problem *plan_problem(const seed_words_topic *t, unsigned problem)
{
    return problem < t->own_count ? &t->own[problem] : &seed_words_problems[problem - t->own_count];
}

static int category_index(const char *category)
{
    for (size_t i = 0; i < seed_words_categories_count; i++)
        if (strcmp(seed_words_categories[i], category) == 0)
            return (int)i;
    return (int)seed_words_categories_count - 1;
}

static int month_of(long day)
{
    char date[11];
    seed_civil_date(day, date);
    return (date[5] - '0') * 10 + (date[6] - '0');
}

/* A topic by weight; tax topics peak in spring, when the assessments come. */
static unsigned pick_topic(seed_rng *r, int64_t created)
{
    int month = month_of(seed_local_day(created));
    int spring = month >= 2 && month <= 4;
    unsigned total = 0;
    for (size_t i = 0; i < seed_words_topics_count; i++)
        total += seed_words_topics[i].weight * (spring && (seed_words_topics[i].traits & SW_SPRING) ? 3 : 1);
    uint64_t x = seed_rng_below(r, total);
    for (size_t i = 0; i < seed_words_topics_count; i++) {
        unsigned w =
            seed_words_topics[i].weight * (spring && (seed_words_topics[i].traits & SW_SPRING) ? 3 : 1);
        if (x < w)
            return (unsigned)i;
        x -= w;
    }
    return 0;
}

/* A problem for a topic: its own ones weigh four times a generic one. */
static unsigned pick_problem(seed_rng *r, unsigned topic)
{
    const seed_words_topic *t = &seed_words_topics[topic];
    unsigned total = 4 * (unsigned)t->own_count;
    for (size_t i = 0; i < seed_words_problems_count; i++)
        total += (unsigned)seed_words_problem_fits(t, &seed_words_problems[i]);
    if (total == 0)
        return 0; /* a topic without problems: caught by the unit tests */
    uint64_t x = seed_rng_below(r, total);
    if (x < 4 * t->own_count)
        return (unsigned)(x / 4);
    x -= 4 * t->own_count;
    for (size_t i = 0; i < seed_words_problems_count; i++)
        if (seed_words_problem_fits(t, &seed_words_problems[i]) && x-- == 0)
            return (unsigned)(t->own_count + i);
    return 0;
}

/* Everything about one report that more than one pass needs. */
typedef struct {
    seed_timeline tl;
    int status;
    int first_triage;  /* index of the first event into triaged; 0 when never triaged */
    int64_t closed_at; /* 0 while open */
    int64_t updated_at;
    /* workflow: the team's side */
    long long assignee; /* 0: none */
    long long actor[SEED_MAX_EVENTS];
    const char *note[SEED_MAX_EVENTS];
    char resolution[SEED_MAX_EVENTS][512]; /* "" unless the event resolves */
    int final_resolution;                  /* event index of the report's resolution, or -1 */
    /* the crowd: reporter, supports, comments */
    int anonymous;
    long long reporter;
    int nsupports;
    long long support_member[SUPPORTS_MAX];
    int64_t support_at[SUPPORTS_MAX];
    int ncomments;
    long long comment_author[COMMENTS_MAX];
    const char *comment_text[COMMENTS_MAX];
    int64_t comment_at[COMMENTS_MAX];
} report_life;

typedef struct {
    seed_ctx *ctx;
    report_plan *plans;
    size_t n;
    long long base_id; /* id of plans[0] */
    seed_people active, team;
    long ref_day;
    int64_t ref_end;
} reports_job;

static int is_closed(int status)
{
    return lifecycle_is_closed((lc_status)status);
}

static int64_t min64(int64_t a, int64_t b)
{
    return a < b ? a : b;
}

/* A moment in lo..hi, more often near lo. */
static int64_t early_between(seed_rng *r, int64_t lo, int64_t hi)
{
    if (hi <= lo)
        return lo;
    uint64_t x = seed_rng_below(r, 1000000);
    return lo + (int64_t)((uint64_t)(hi - lo) * (x * x / 1000000) / 1000000);
}

static void build_life(const reports_job *job, size_t i, report_life *l)
{
    const report_plan *pl = &job->plans[i];
    const seed_words_topic *topic = &seed_words_topics[pl->topic];
    const seed_words_problem *problem = plan_problem(topic, pl->problem);
    seed_rng r;

    /* The timeline, exactly as in the first pass. */
    seed_rng_init(&r, pl->seed);
    seed_draw_timeline(&r, pl->target, job->ref_day, &l->tl);
    if (pl->target == LC_DUPLICATE && pl->dup_of < 0 && l->tl.n > 1)
        l->tl.n--; /* no older report to point at: it stays where it was */
    const seed_timeline *tl = &l->tl;
    l->status = tl->ev[tl->n - 1].to;
    l->closed_at = is_closed(l->status) ? tl->ev[tl->n - 1].at : 0;
    l->first_triage = 0;
    for (int k = 1; k < tl->n && l->first_triage == 0; k++)
        if (tl->ev[k].to == LC_TRIAGED)
            l->first_triage = k;

    /* The team: who triages, who works on it, what they wrote. */
    seed_rng_init(&r, pl->seed ^ SALT_FLOW);
    int worked = 0;
    for (int k = 1; k < tl->n; k++)
        worked |= tl->ev[k].to == LC_IN_PROGRESS;
    long long candidate = 0;
    if (l->first_triage > 0)
        candidate = job->team.id[pick_person(&r, &job->team, seed_local_day(tl->ev[l->first_triage].at))];
    unsigned keep = worked ? 100 : l->status == LC_TRIAGED ? 60 : 40;
    l->assignee = candidate != 0 && percent(&r, keep) ? candidate : 0;
    int cat = category_index(problem->category);
    const seed_words_list *res = &seed_words_resolutions[cat];
    seed_fill_words words = {topic->subject, topic->who, topic->who_plural, NULL};
    l->final_resolution = -1;
    int resolved_before = 0;
    l->actor[0] = 0;
    l->note[0] = NULL;
    l->resolution[0][0] = '\0';
    for (int k = 1; k < tl->n; k++) {
        const seed_event *e = &tl->ev[k];
        long day = seed_local_day(e->at);
        l->actor[k] = (e->to == LC_IN_PROGRESS || e->to == LC_RESOLVED) && candidate != 0
                          ? candidate
                          : job->team.id[pick_person(&r, &job->team, day)];
        l->note[k] = NULL;
        l->resolution[k][0] = '\0';
        switch (e->to) {
        case LC_TRIAGED:
            if (is_closed(e->from))
                l->note[k] = seed_words_reopen_note;
            else if (percent(&r, 35))
                l->note[k] = seed_words_triage_notes[pick_index(&r, seed_words_triage_notes_count)];
            l->final_resolution = -1; /* triaging clears it */
            break;
        case LC_IN_PROGRESS:
            if (percent(&r, 30))
                l->note[k] = seed_words_progress_notes[pick_index(&r, seed_words_progress_notes_count)];
            break;
        case LC_REJECTED:
            l->note[k] = seed_words_reject_notes[pick_index(&r, seed_words_reject_notes_count)];
            break;
        case LC_DUPLICATE: l->note[k] = seed_words_duplicate_note; break;
        case LC_RESOLVED:
            /* The problem's own fix; after a reopen, a further measure. */
            if (l->final_resolution < 0 && !resolved_before &&
                seed_fill_template(problem->resolution, &words, l->resolution[k], sizeof l->resolution[k]) >
                    0) {
                resolved_before = 1;
                l->final_resolution = k;
                break;
            }
            for (int tries = 0; tries < 16; tries++) {
                const char *text = res->texts[pick_index(&r, res->count)];
                /* Topics without a usable subject take the general texts. */
                if ((topic->traits & SW_OWN_ONLY) && strstr(text, "{s}") != NULL)
                    continue;
                if (seed_fill_template(text, &words, l->resolution[k], sizeof l->resolution[k]) > 0)
                    break;
            }
            if (l->resolution[k][0] == '\0')
                snprintf(l->resolution[k], sizeof l->resolution[k], "Opgelost in overleg met de afdeling.");
            l->final_resolution = k;
            break;
        default: break;
        }
    }

    /* The crowd: who filed it, who supports it, who comments. */
    seed_rng_init(&r, pl->seed ^ SALT_CROWD);
    int64_t created = tl->ev[0].at;
    l->anonymous = percent(&r, ANONYMOUS_PERCENT);
    size_t reporter = pick_person(&r, &job->active, seed_local_day(created));
    l->reporter = l->anonymous ? 0 : job->active.id[reporter];

    int64_t end = l->closed_at ? min64(l->closed_at + 3 * DAY_SECONDS, job->ref_end) : job->ref_end;
    long k = 0;
    if (!percent(&r, 15)) {
        uint64_t x = seed_rng_below(&r, 1000);
        k = (long)((SUPPORTS_MAX + 1) * x * x * x / 1000000000ULL);
    }
    long open_days = (long)((end - created) / DAY_SECONDS);
    if (k > 2 + 3 * open_days)
        k = 2 + 3 * open_days;
    size_t pool = seed_joined_by(&job->active, seed_local_day(end));
    if (k > (long)pool - 1)
        k = (long)pool - 1;
    l->nsupports = 0;
    for (long tries = 0; l->nsupports < k && tries < 50 * k + 50; tries++) {
        size_t m = pick_index(&r, pool);
        long long id = job->active.id[m];
        int seen = m == reporter;
        for (int j = 0; j < l->nsupports && !seen; j++)
            seen = l->support_member[j] == id;
        if (seen)
            continue;
        int64_t lo = seed_local_time(job->active.joined[m], 8 * HOUR_SECONDS);
        if (lo < created + 60)
            lo = created + 60;
        if (lo >= end)
            lo = end - 1;
        l->support_member[l->nsupports] = id;
        l->support_at[l->nsupports] = early_between(&r, lo, end);
        l->nsupports++;
    }

    uint64_t x = seed_rng_below(&r, 100);
    int nc = x < 45 ? 0 : x < 70 ? 1 : x < 85 ? 2 : x < 93 ? 3 : x < 97 ? 4 : 5;
    int64_t cend = l->closed_at ? min64(l->closed_at + 10 * DAY_SECONDS, job->ref_end) : job->ref_end;
    l->ncomments = 0;
    for (int c = 0; c < nc; c++) {
        int64_t t = draw_between(&r, created + HOUR_SECONDS, cend);
        if (t >= job->ref_end)
            t = job->ref_end - 60;
        long day = seed_local_day(t);
        int team = l->first_triage > 0 && t > tl->ev[l->first_triage].at && percent(&r, 25);
        const char *text;
        long long author;
        if (team) {
            author = job->team.id[pick_person(&r, &job->team, day)];
            text = seed_words_team_comments[pick_index(&r, seed_words_team_comments_count)];
        } else {
            author = job->active.id[pick_person(&r, &job->active, day)];
            text = l->status == LC_RESOLVED && t > l->closed_at
                       ? seed_words_thanks_comments[pick_index(&r, seed_words_thanks_comments_count)]
                       : seed_words_comments[pick_index(&r, seed_words_comments_count)];
        }
        /* Kept in time order (insertion). */
        int j = l->ncomments++;
        while (j > 0 && l->comment_at[j - 1] > t) {
            l->comment_at[j] = l->comment_at[j - 1];
            l->comment_author[j] = l->comment_author[j - 1];
            l->comment_text[j] = l->comment_text[j - 1];
            j--;
        }
        l->comment_at[j] = t;
        l->comment_author[j] = author;
        l->comment_text[j] = text;
    }

    l->updated_at = tl->ev[tl->n - 1].at;
    for (int j = 0; j < l->nsupports; j++)
        if (l->support_at[j] > l->updated_at)
            l->updated_at = l->support_at[j];
    for (int j = 0; j < l->ncomments; j++)
        if (l->comment_at[j] > l->updated_at)
            l->updated_at = l->comment_at[j];
}

/* The texts and links only the reports row needs. */
typedef struct {
    char title[256];
    char description[2048];
    char impact[512];
    long long department_id;
    const char *category, *theme;
    long long rule_id;
} report_text;

static int build_text(const reports_job *job, size_t i, const report_life *l, report_text *t)
{
    const report_plan *pl = &job->plans[i];
    const seed_words_topic *topic = &seed_words_topics[pl->topic];
    const seed_words_problem *problem = plan_problem(topic, pl->problem);
    seed_rng r;
    seed_rng_init(&r, pl->seed ^ SALT_TEXT);
    char number[16];
    seed_fill_words words = {topic->subject, topic->who, topic->who_plural, number};
    int cat = category_index(problem->category);

    int dept = dept_index(topic->department);
    if (dept < 0 || !percent(&r, OWN_DEPARTMENT_PERCENT))
        dept = (int)pick_department(&r);
    t->department_id = job->ctx->dept_ids[dept];
    t->category = seed_words_categories[cat];

    int len = seed_fill_template(problem->title, &words, t->title, sizeof t->title);
    if (len < 0)
        return -1;
    if ((topic->traits & SW_COUNTER) && percent(&r, 20)) {
        const char *district = seed_words_districts[pick_index(&r, seed_words_districts_count)];
        int k = snprintf(t->title + len, sizeof t->title - (size_t)len, " (stadsdeel %s)", district);
        if (k < 0 || (size_t)k >= sizeof t->title - (size_t)len)
            return -1;
    }

    len = seed_fill_template(problem->description, &words, t->description, sizeof t->description);
    if (len < 0)
        return -1;
    const char *extra[2] = {NULL, NULL};
    if (percent(&r, 70))
        extra[0] = seed_words_observations[pick_index(&r, seed_words_observations_count)];
    if (percent(&r, 60)) {
        const seed_words_list *sug = &seed_words_suggestions[cat];
        extra[1] = sug->texts[pick_index(&r, sug->count)];
    }
    for (int e = 0; e < 2; e++) {
        if (extra[e] == NULL)
            continue;
        if ((size_t)len + 2 >= sizeof t->description)
            return -1;
        t->description[len++] = ' ';
        int k =
            seed_fill_template(extra[e], &words, t->description + len, sizeof t->description - (size_t)len);
        if (k < 0)
            return -1;
        len += k;
    }

    t->impact[0] = '\0';
    if (percent(&r, 80)) {
        const seed_words_impact *imp = &seed_words_impacts[pick_index(&r, seed_words_impacts_count)];
        unsigned v =
            imp->max > imp->min ? imp->min + (unsigned)seed_rng_below(&r, imp->max - imp->min + 1) : imp->min;
        snprintf(number, sizeof number, "%u", v);
        if (seed_fill_template(imp->text, &words, t->impact, sizeof t->impact) < 0)
            return -1;
    }

    /* Themes and rules are the team's work, done while triaging. */
    t->theme = NULL;
    t->rule_id = 0;
    if (l->first_triage > 0) {
        const char *theme = problem->theme != NULL ? problem->theme : topic->theme;
        if (theme != NULL && percent(&r, THEME_PERCENT))
            t->theme = theme;
        if (percent(&r, RULE_LINK_PERCENT)) {
            unsigned total = 0;
            for (size_t k = 0; k < job->ctx->rules_total; k++)
                if (job->ctx->rule_topic[k] == pl->topic)
                    total += seed_words_rules[k].weight;
            if (total > 0) {
                uint64_t x = seed_rng_below(&r, total);
                for (size_t k = 0; k < job->ctx->rules_total; k++) {
                    if (job->ctx->rule_topic[k] != pl->topic)
                        continue;
                    if (x < seed_words_rules[k].weight) {
                        /* Only a rule the register already had. */
                        if (job->ctx->rule_created[k] <= l->tl.ev[l->first_triage].at)
                            t->rule_id = job->ctx->rule_ids[k];
                        break;
                    }
                    x -= seed_words_rules[k].weight;
                }
            }
        }
    }
    return 0;
}

/* The first pass: statuses in exact shares, a life, a topic and a problem per
 * report; then sorted by filing time (ids follow it) and duplicates pointed
 * at an older report, on the same topic where one is near. */
static int plan_reports(reports_job *job, seed_rng *rng)
{
    size_t n = job->n;
    job->plans = malloc((n ? n : 1) * sizeof *job->plans);
    if (job->plans == NULL) {
        fprintf(stderr, "seed: out of memory\n");
        return -1;
    }
    long long need[LC_COUNT] = {0};
    need[LC_NEW] = ((long long)n * NEW_PERCENT + 50) / 100;
    need[LC_TRIAGED] = ((long long)n * TRIAGED_PERCENT + 50) / 100;
    need[LC_IN_PROGRESS] = ((long long)n * IN_PROGRESS_PERCENT + 50) / 100;
    need[LC_REJECTED] = ((long long)n * REJECTED_PERCENT + 50) / 100;
    need[LC_DUPLICATE] = ((long long)n * DUPLICATE_PERCENT + 50) / 100;
    long long rest = (long long)n;
    for (int s = 0; s < LC_COUNT; s++)
        rest -= need[s];
    need[LC_RESOLVED] = rest;
    long long remaining = (long long)n;

    for (size_t i = 0; i < n; i++) {
        report_plan *pl = &job->plans[i];
        pl->seed = seed_rng_next(rng);
        uint64_t x = seed_rng_below(rng, (uint64_t)remaining--);
        int target = LC_RESOLVED;
        for (int s = 0; s < LC_COUNT; s++) {
            if (x < (uint64_t)need[s]) {
                target = s;
                need[s]--;
                break;
            }
            x -= (uint64_t)need[s];
        }
        pl->target = (uint8_t)target;
        pl->dup_of = -1;
        seed_rng r;
        seed_timeline tl;
        seed_rng_init(&r, pl->seed);
        if (seed_draw_timeline(&r, target, job->ref_day, &tl) != 0) {
            fprintf(stderr, "seed: the lifecycle has no way to %s\n", lifecycle_name((lc_status)target));
            return -1;
        }
        pl->created = tl.ev[0].at;
        seed_rng_init(&r, pl->seed ^ SALT_TOPIC);
        pl->topic = (uint16_t)pick_topic(&r, pl->created);
        pl->problem = (uint16_t)pick_problem(&r, pl->topic);
    }
    qsort(job->plans, n, sizeof *job->plans, plan_cmp);

    for (size_t i = 0; i < n; i++) {
        report_plan *pl = &job->plans[i];
        if (pl->target != LC_DUPLICATE)
            continue;
        long found = -1, any = -1;
        for (size_t j = i; j-- > 0 && i - j <= DUPLICATE_WINDOW;) {
            const report_plan *o = &job->plans[j];
            if (o->target == LC_DUPLICATE || o->created >= pl->created)
                continue;
            if (any < 0)
                any = (long)j;
            if (o->topic == pl->topic) {
                found = (long)j;
                break;
            }
        }
        if (found < 0)
            found = any;
        if (found >= 0) {
            /* The same problem, filed again by someone else. */
            pl->dup_of = (int32_t)found;
            pl->topic = job->plans[found].topic;
            pl->problem = job->plans[found].problem;
        }
    }
    return 0;
}

static int copy_reports(reports_job *job, report_life *l, report_text *t)
{
    seed_ctx *ctx = job->ctx;
    seed_copy *c = seed_copy_begin(ctx->conn, "reports",
                                   "COPY reports (id, title, description, procedure, impact, department_id, "
                                   "category, anonymous, reporter_id, status, priority, triage_week, "
                                   "assignee_id, theme_code, rule_id, resolution, duplicate_of, "
                                   "supporters_count, comments_count, closed_at, created_at, updated_at, "
                                   "version) FROM STDIN");
    if (c == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < job->n && rc == 0; i++) {
        const report_plan *pl = &job->plans[i];
        build_life(job, i, l);
        if (build_text(job, i, l, t) != 0) {
            fprintf(stderr, "seed: report %zu does not fit\n", i + 1);
            rc = -1;
            break;
        }
        const seed_timeline *tl = &l->tl;
        int last_triage = 0;
        for (int k = 1; k < tl->n; k++)
            if (tl->ev[k].to == LC_TRIAGED)
                last_triage = k;
        char week[9];
        if (last_triage > 0)
            seed_iso_week(tl->ev[last_triage].at, week);
        int64_t created = tl->ev[0].at;

        rc = seed_copy_room(c);
        rc = rc || seed_copy_ll(c, job->base_id + (long long)i, 0, '\t');
        rc = rc || seed_copy_field(c, t->title, '\t');
        rc = rc || seed_copy_field(c, t->description, '\t');
        rc = rc || seed_copy_field(c, seed_words_topics[pl->topic].procedure, '\t');
        rc = rc || seed_copy_field(c, t->impact[0] ? t->impact : NULL, '\t');
        rc = rc || seed_copy_ll(c, t->department_id, 0, '\t');
        rc = rc || seed_copy_field(c, t->category, '\t');
        rc = rc || seed_copy_field(c, l->anonymous ? "t" : "f", '\t');
        rc = rc || seed_copy_ll(c, l->reporter, 1, '\t');
        rc = rc || seed_copy_field(c, lifecycle_name((lc_status)l->status), '\t');
        rc = rc || seed_copy_field(c, last_triage > 0 ? PRIORITY_NAMES[tl->priority] : NULL, '\t');
        rc = rc || seed_copy_field(c, last_triage > 0 ? week : NULL, '\t');
        rc = rc || seed_copy_ll(c, l->assignee, 1, '\t');
        rc = rc || seed_copy_field(c, t->theme, '\t');
        rc = rc || seed_copy_ll(c, t->rule_id, 1, '\t');
        rc = rc ||
             seed_copy_field(c, l->final_resolution > 0 ? l->resolution[l->final_resolution] : NULL, '\t');
        rc = rc || seed_copy_ll(c, l->status == LC_DUPLICATE ? job->base_id + pl->dup_of : 0, 1, '\t');
        rc = rc || seed_copy_ll(c, l->nsupports, 0, '\t');
        rc = rc || seed_copy_ll(c, l->ncomments, 0, '\t');
        if (l->closed_at)
            rc = rc || seed_copy_ts(c, l->closed_at, '\t');
        else
            rc = rc || seed_copy_field(c, NULL, '\t');
        rc = rc || seed_copy_ts(c, created, '\t');
        rc = rc || seed_copy_ts(c, l->updated_at, '\t');
        rc = rc || seed_copy_ll(c, (long long)tl->n + l->nsupports + l->ncomments, 0, '\n');
        if (rc != 0) {
            fprintf(stderr, "seed: report %zu does not fit\n", i + 1);
            break;
        }

        ctx->reports_by_status[l->status]++;
        if (l->status == LC_NEW && created < job->ref_end - 7 * DAY_SECONDS)
            ctx->reports_overdue++;
        if (l->status == LC_NEW && created < job->ref_end - 14 * DAY_SECONDS)
            ctx->reports_escalated++;
        ctx->reports_anonymous += l->anonymous;
        ctx->reports_linked += t->rule_id != 0;
        ctx->history_total += tl->n;
        ctx->supports_total += l->nsupports;
        ctx->comments_total += l->ncomments;
    }
    return seed_copy_finish(c, rc);
}

static int copy_history(reports_job *job, report_life *l)
{
    seed_copy *c =
        seed_copy_begin(job->ctx->conn, "report history",
                        "COPY report_history (report_id, at, actor_id, from_status, to_status, note, "
                        "resolution, duplicate_of) FROM STDIN");
    if (c == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < job->n && rc == 0; i++) {
        build_life(job, i, l);
        long long id = job->base_id + (long long)i;
        for (int k = 0; k < l->tl.n && rc == 0; k++) {
            const seed_event *e = &l->tl.ev[k];
            rc = seed_copy_room(c);
            rc = rc || seed_copy_ll(c, id, 0, '\t');
            rc = rc || seed_copy_ts(c, e->at, '\t');
            rc = rc || seed_copy_ll(c, l->actor[k], 1, '\t');
            rc = rc || seed_copy_field(c, e->from >= 0 ? lifecycle_name((lc_status)e->from) : NULL, '\t');
            rc = rc || seed_copy_field(c, lifecycle_name((lc_status)e->to), '\t');
            rc = rc || seed_copy_field(c, l->note[k], '\t');
            rc = rc || seed_copy_field(c, l->resolution[k][0] ? l->resolution[k] : NULL, '\t');
            rc = rc ||
                 seed_copy_ll(c, e->to == LC_DUPLICATE ? job->base_id + job->plans[i].dup_of : 0, 1, '\n');
        }
    }
    if (rc != 0)
        fprintf(stderr, "seed: a history row does not fit\n");
    return seed_copy_finish(c, rc);
}

static int copy_supports(reports_job *job, report_life *l)
{
    seed_copy *c = seed_copy_begin(job->ctx->conn, "supports",
                                   "COPY report_supports (report_id, member_id, created_at) FROM STDIN");
    if (c == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < job->n && rc == 0; i++) {
        build_life(job, i, l);
        for (int k = 0; k < l->nsupports && rc == 0; k++) {
            rc = seed_copy_room(c);
            rc = rc || seed_copy_ll(c, job->base_id + (long long)i, 0, '\t');
            rc = rc || seed_copy_ll(c, l->support_member[k], 0, '\t');
            rc = rc || seed_copy_ts(c, l->support_at[k], '\n');
        }
    }
    return seed_copy_finish(c, rc);
}

static int copy_comments(reports_job *job, report_life *l)
{
    seed_copy *c =
        seed_copy_begin(job->ctx->conn, "comments",
                        "COPY report_comments (report_id, author_id, text, created_at, updated_at) "
                        "FROM STDIN");
    if (c == NULL)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < job->n && rc == 0; i++) {
        build_life(job, i, l);
        for (int k = 0; k < l->ncomments && rc == 0; k++) {
            rc = seed_copy_room(c);
            rc = rc || seed_copy_ll(c, job->base_id + (long long)i, 0, '\t');
            rc = rc || seed_copy_ll(c, l->comment_author[k], 0, '\t');
            rc = rc || seed_copy_field(c, l->comment_text[k], '\t');
            rc = rc || seed_copy_ts(c, l->comment_at[k], '\t');
            rc = rc || seed_copy_ts(c, l->comment_at[k], '\n');
        }
    }
    return seed_copy_finish(c, rc);
}

/* Foreign keys of the report tables are checked row by row during a COPY,
 * and their secondary indexes grow row by row: for a million supports that is
 * most of the time. Like pg_restore, the seed drops both for the load and
 * builds them again afterwards, in the same transaction, with the names and
 * definitions the catalogue has (pg_get_indexdef, pg_get_constraintdef).
 * Adding a foreign key checks every row in one join; a row that does not fit
 * fails the seed and rolls it all back. Primary keys and unique constraints
 * stay. */
typedef struct {
    char **add; /* CREATE INDEX and ALTER TABLE ... ADD CONSTRAINT statements */
    int n;
} fk_set;

static void fk_free(fk_set *f)
{
    for (int i = 0; i < f->n; i++)
        free(f->add[i]);
    free(f->add);
    f->add = NULL;
    f->n = 0;
}

static int fk_suspend(PGconn *conn, fk_set *f)
{
    PGresult *res =
        seed_exec(conn, "reading foreign keys and indexes",
                  "WITH t (rel) AS (VALUES ('reports'::regclass), ('report_history'::regclass), "
                  "                        ('report_supports'::regclass), ('report_comments'::regclass)) "
                  "SELECT drop_sql, add_sql FROM ("
                  " SELECT 1 AS k, conrelid::regclass::text AS r, conname::text AS name, "
                  "  format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop_sql, "
                  "  format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, "
                  "         pg_get_constraintdef(oid)) AS add_sql "
                  " FROM pg_constraint WHERE contype = 'f' AND conrelid IN (SELECT rel FROM t) "
                  " UNION ALL "
                  " SELECT 0, indrelid::regclass::text, i.indexrelid::regclass::text, "
                  "  format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid) "
                  " FROM pg_index i WHERE i.indrelid IN (SELECT rel FROM t) AND NOT i.indisprimary "
                  "  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)) x "
                  "ORDER BY k, r, name",
                  0, NULL);
    if (res == NULL)
        return -1;
    int n = PQntuples(res), rc = 0;
    f->add = calloc((size_t)(n ? n : 1), sizeof *f->add);
    f->n = 0;
    if (f->add == NULL)
        rc = -1;
    for (int i = 0; i < n && rc == 0; i++) {
        f->add[i] = strdup(PQgetvalue(res, i, 1));
        if (f->add[i] == NULL) {
            rc = -1;
            break;
        }
        f->n++;
        rc = seed_exec_ok(conn, "dropping a foreign key or index for the load", PQgetvalue(res, i, 0), 0,
                          NULL);
    }
    PQclear(res);
    return rc;
}

static int fk_restore(PGconn *conn, const fk_set *f)
{
    for (int i = 0; i < f->n; i++)
        if (seed_exec_ok(conn, "adding a foreign key or index back", f->add[i], 0, NULL) != 0)
            return -1;
    return 0;
}

/* Reports in four COPY passes (reports, history, supports, comments), each
 * rebuilding what it needs from the plans, so memory stays at one plan per
 * report whatever the count. Ids are reserved up front and written
 * explicitly: duplicates must name their original in the same COPY. */
static int step_reports(seed_ctx *ctx, seed_rng *rng)
{
    if (ctx->opt->reports <= 0)
        return 0;
    reports_job job = {.ctx = ctx, .n = (size_t)ctx->opt->reports};
    job.ref_day = ref_day_of(ctx->opt);
    job.ref_end = seed_local_time(job.ref_day, 0);

    if (seed_load_people(ctx->conn, "reading members",
                         "SELECT id, joined_at - DATE '1970-01-01' FROM members "
                         "WHERE active AND erased_at IS NULL ORDER BY joined_at, id",
                         &job.active) != 0)
        return -1;
    if (seed_load_people(ctx->conn, "reading the team",
                         "SELECT id, joined_at - DATE '1970-01-01' FROM members "
                         "WHERE active AND erased_at IS NULL AND 'deregulation_team' = ANY (roles) "
                         "ORDER BY joined_at, id",
                         &job.team) != 0) {
        seed_people_free(&job.active);
        return -1;
    }
    int rc = -1;
    fk_set fks = {NULL, 0};
    report_life *life = malloc(sizeof *life);
    report_text *text = malloc(sizeof *text);
    if (life == NULL || text == NULL) {
        fprintf(stderr, "seed: out of memory\n");
        goto done;
    }
    if (job.active.n < 2 || job.team.n == 0) {
        fprintf(stderr, "seed: reports need active members and a deregulation team\n");
        goto done;
    }
    if (plan_reports(&job, rng) != 0)
        goto done;

    /* Nobody else files while we hold the lock, so the ids are ours. */
    char count[24];
    snprintf(count, sizeof count, "%zu", job.n);
    const char *params[1] = {count};
    if (seed_exec_ok(ctx->conn, "locking reports", "LOCK TABLE reports IN SHARE ROW EXCLUSIVE MODE", 0,
                     NULL) != 0)
        goto done;
    PGresult *res =
        seed_exec(ctx->conn, "reserving report ids",
                  "SELECT setval(s::regclass, nextval(s::regclass) + $1::bigint - 1) - $1::bigint + 1 "
                  "FROM pg_get_serial_sequence('reports', 'id') AS s",
                  1, params);
    if (res == NULL)
        goto done;
    int bad = seed_parse_ll(PQgetvalue(res, 0, 0), &job.base_id);
    PQclear(res);
    if (bad)
        goto done;

    if (fk_suspend(ctx->conn, &fks) != 0 || copy_reports(&job, life, text) != 0 ||
        copy_history(&job, life) != 0 || copy_supports(&job, life) != 0 || copy_comments(&job, life) != 0 ||
        fk_restore(ctx->conn, &fks) != 0)
        goto done;
    rc = 0;
done:
    fk_free(&fks);
    free(life);
    free(text);
    free(job.plans);
    seed_people_free(&job.active);
    seed_people_free(&job.team);
    return rc;
}

/* --- step: sessions --- */

/* The demo login with a staff role (NULL: the plain member), for its email. */
static int demo_email(const char *role, char *out, size_t n)
{
    for (size_t i = 0; i < DEMO_COUNT; i++) {
        const char *r = DEMO_LOGINS[i].role;
        if (role != NULL ? r != NULL && strcmp(r, role) == 0 : r == NULL) {
            int k = snprintf(out, n, "%s@%s", DEMO_LOGINS[i].local, SEED_EMAIL_DOMAIN);
            return k < 0 || (size_t)k >= n ? -1 : 0;
        }
    }
    return -1;
}

/* In seed_sessions.c; the demo member and organizer get their parts there. */
static int step_sessions(seed_ctx *ctx, seed_rng *rng)
{
    char member[128], organizer[128];
    if (demo_email(NULL, member, sizeof member) != 0 ||
        demo_email("organizer", organizer, sizeof organizer) != 0)
        return -1;
    return seed_sessions_step(ctx->conn, ref_day_of(ctx->opt), member, organizer, rng, &ctx->sessions);
}

/* --- step: initiatives (seed_initiatives.c) --- */

static int step_initiatives(seed_ctx *ctx, seed_rng *rng)
{
    return seed_initiatives_step(ctx->conn, ref_day_of(ctx->opt), rng, &ctx->initiatives);
}

/* --- step: API clients --- */

static int step_api_clients(seed_ctx *ctx, seed_rng *rng)
{
    (void)rng;
    const char *params[3] = {SEED_DEMO_CLIENT_ID, ctx->client_hash, "{ombudsman}"};
    /* A client registered by hand keeps its secret; we say so afterwards. */
    PGresult *res = seed_exec(ctx->conn, "inserting the API client",
                              "INSERT INTO api_clients (id, secret_hash, roles) "
                              "VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
                              3, params);
    if (res == NULL)
        return -1;
    ctx->client_existed = strcmp(PQcmdTuples(res), "0") == 0;
    PQclear(res);
    return 0;
}

/* --- step: audit --- */

/* One line in the audit log, so the audit trail shows where the data came
 * from; not one per row, which would bury everything else. */
static int step_audit(seed_ctx *ctx, seed_rng *rng)
{
    (void)rng;
    char seed[24], changes[320];
    snprintf(seed, sizeof seed, "%llu", ctx->opt->seed);
    long long reports = 0;
    for (int i = 0; i < LC_COUNT; i++)
        reports += ctx->reports_by_status[i];
    int k =
        snprintf(changes, sizeof changes,
                 "{\"seed\": %s, \"members\": %lld, \"departments\": %zu, \"rules\": %zu, "
                 "\"reports\": %lld, \"sessions\": %lld, \"themes\": %lld, \"theme_periods\": %lld, "
                 "\"initiatives\": %lld, \"as_of\": \"%04d-%02d-%02d\"}",
                 seed, ctx->members_total, seed_words_departments_count, ctx->rules_total, reports,
                 ctx->sessions.sessions, ctx->themes.themes, ctx->themes.months + ctx->themes.quarters,
                 ctx->initiatives.initiatives, ctx->opt->ref_year, ctx->opt->ref_month, ctx->opt->ref_day);
    if (k < 0 || (size_t)k >= sizeof changes)
        return -1;
    const char *params[2] = {seed, changes};
    return seed_exec_ok(ctx->conn, "writing the audit log",
                        "INSERT INTO audit_log (actor, action, entity, entity_id, changes) "
                        "VALUES ('system', 'create', 'seed', $1, $2)",
                        2, params);
}

/* The steps, in order, in one transaction. Each gets a random stream of its
 * own (see step_rng), so a step added later leaves the earlier data as it is.
 * Rules and complaint themes come before reports, which link to them; theme
 * counts after sessions, which some of them follow. */
typedef int (*seed_step_fn)(seed_ctx *ctx, seed_rng *rng);

static const struct {
    const char *name;
    seed_step_fn run;
} STEPS[] = {
    {"departments", step_departments},
    {"demo-logins", step_demo_logins},
    {"members", step_members},
    {"rules", step_rules},
    {"themes", step_themes},
    {"reports", step_reports},
    {"sessions", step_sessions},
    {"theme-counts", step_theme_counts},
    {"initiatives", step_initiatives},
    {"api-clients", step_api_clients},
    {"audit", step_audit},
};

static void step_rng(seed_rng *r, unsigned long long seed, const char *step)
{
    seed_rng_init(r, seed ^ fnv1a(step));
}

/* --- running it ---------------------------------------------------------------- */

void seed_options_default(seed_options *o)
{
    o->members = SEED_DEFAULT_MEMBERS;
    o->reports = SEED_DEFAULT_REPORTS;
    o->seed = SEED_DEFAULT_SEED;
    o->ref_year = SEED_REF_YEAR;
    o->ref_month = SEED_REF_MONTH;
    o->ref_day = SEED_REF_DAY;
}

static void print_already_seeded(FILE *out, long long count)
{
    fprintf(out, "Already seeded: %lld members exist. Nothing was changed.\n", count);
}

static void print_credentials(FILE *out, const seed_ctx *ctx)
{
    fprintf(out, "Seeded %lld members (the %zu demo logins among them) in %zu departments, seed %llu.\n",
            ctx->members_total, DEMO_COUNT, seed_words_departments_count, ctx->opt->seed);
    long long reports = 0;
    for (int i = 0; i < LC_COUNT; i++)
        reports += ctx->reports_by_status[i];
    fprintf(out,
            "Reports: %lld (resolved %lld, rejected %lld, duplicate %lld, in_progress %lld, triaged %lld, "
            "new %lld, of which %lld older than 7 and %lld older than 14 days on %04d-%02d-%02d); "
            "%lld anonymous, %lld linked to a rule; %lld history entries, %lld supports, %lld comments.\n",
            reports, ctx->reports_by_status[LC_RESOLVED], ctx->reports_by_status[LC_REJECTED],
            ctx->reports_by_status[LC_DUPLICATE], ctx->reports_by_status[LC_IN_PROGRESS],
            ctx->reports_by_status[LC_TRIAGED], ctx->reports_by_status[LC_NEW], ctx->reports_overdue,
            ctx->reports_escalated, ctx->opt->ref_year, ctx->opt->ref_month, ctx->opt->ref_day,
            ctx->reports_anonymous, ctx->reports_linked, ctx->history_total, ctx->supports_total,
            ctx->comments_total);
    fprintf(out, "Rules: %zu (", ctx->rules_total);
    for (int i = 0; i < 5; i++)
        fprintf(out, "%s%s %lld", i ? ", " : "", RULE_OUTCOME_NAMES[i], ctx->rules_by_outcome[i]);
    fprintf(out, ").\n");
    const seed_sessions_counts *sc = &ctx->sessions;
    fprintf(
        out,
        "Sessions: %lld (%lld upcoming from %04d-%02d-%02d, %lld without a seat limit); %lld registrations "
        "(registered %lld, waitlisted %lld, cancelled %lld), %lld attended; %lld feedback (%lld with a "
        "comment); %lld insights.\n",
        sc->sessions, sc->upcoming, ctx->opt->ref_year, ctx->opt->ref_month, ctx->opt->ref_day, sc->unlimited,
        sc->registrations, sc->registered, sc->waitlisted, sc->cancelled, sc->attended, sc->feedback,
        sc->comments, sc->insights);
    const seed_themes_counts *tc = &ctx->themes;
    fprintf(out,
            "Complaint themes: %lld; %lld monthly counts (%s to %s) and %lld quarterly figures for %lld of "
            "them.\n",
            tc->themes, tc->months, tc->first, tc->last, tc->quarters, tc->quarterly_themes);
    const seed_initiatives_counts *ic = &ctx->initiatives;
    fprintf(out,
            "Initiatives: %lld (idea %lld, active %lld, completed %lld, stopped %lld); %lld participants, "
            "%lld progress updates, %lld links to reports, %lld to complaint themes.\n\n",
            ic->initiatives, ic->ideas, ic->active, ic->completed, ic->stopped, ic->participants, ic->updates,
            ic->reports, ic->themes);
    fprintf(out, "Demo logins (OAuth password grant; the API also accepts `email` for `username`):\n");
    fprintf(out, "  %-32s %-18s %s\n", "email", "role", "password");
    for (size_t i = 0; i < DEMO_COUNT; i++) {
        char email[128];
        snprintf(email, sizeof email, "%s@%s", DEMO_LOGINS[i].local, SEED_EMAIL_DOMAIN);
        fprintf(out, "  %-32s %-18s %s\n", email,
                DEMO_LOGINS[i].role != NULL ? DEMO_LOGINS[i].role : "member", SEED_DEMO_PASSWORD);
    }
    fprintf(out, "\nAPI client (client_credentials grant), role ombudsman:\n");
    if (ctx->client_existed)
        fprintf(out, "  client_id %s existed already; its secret was left unchanged.\n", SEED_DEMO_CLIENT_ID);
    else
        fprintf(out, "  client_id %s  client_secret %s\n", SEED_DEMO_CLIENT_ID, SEED_DEMO_CLIENT_SECRET);
    fprintf(out, "\nGet a token:\n");
    fprintf(out,
            "  curl -s -X POST http://localhost:8080/api/v1/auth/token -d grant_type=password "
            "-d username=demo.manager@%s -d password=%s\n",
            SEED_EMAIL_DOMAIN, SEED_DEMO_PASSWORD);
    if (!ctx->client_existed)
        fprintf(out,
                "  curl -s -X POST http://localhost:8080/api/v1/auth/token "
                "-d grant_type=client_credentials -d client_id=%s -d client_secret=%s\n",
                SEED_DEMO_CLIENT_ID, SEED_DEMO_CLIENT_SECRET);
    fflush(out);
}

static void rollback(PGconn *conn)
{
    PGresult *res = PQexec(conn, "ROLLBACK");
    PQclear(res);
}

int seed_run(PGconn *conn, const seed_options *o, FILE *out)
{
    if (o->members < SEED_MIN_MEMBERS || o->members > SEED_MAX_MEMBERS) {
        fprintf(stderr, "seed: --members must be between %d and %d (the %zu demo logins count)\n",
                SEED_MIN_MEMBERS, SEED_MAX_MEMBERS, DEMO_COUNT);
        return -1;
    }
    if (o->reports < 0) {
        fprintf(stderr, "seed: --reports must not be negative\n");
        return -1;
    }
    char ref[11];
    int ref_ok = o->ref_year >= 2000 && o->ref_year <= 2999 && o->ref_month >= 1 && o->ref_month <= 12 &&
                 o->ref_day >= 1 && o->ref_day <= 31;
    if (ref_ok) { /* and no 31 April: the day must come back as it went in */
        seed_civil_date(ref_day_of(o), ref);
        ref_ok = atoi(ref + 5) == o->ref_month && atoi(ref + 8) == o->ref_day;
    }
    if (!ref_ok) {
        fprintf(stderr, "seed: the reference date must be a real date between 2000 and 2999\n");
        return -1;
    }
    if (seed_words_departments_count > MAX_DEPARTMENTS) {
        fprintf(stderr, "seed: too many departments in seed_words\n");
        return -1;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "seed: no database connection: %s", PQerrorMessage(conn));
        return -1;
    }

    /* Cheap check first, so a second run does not spend time on Argon2. */
    long long existing;
    if (count_members(conn, &existing) != 0)
        return -1;
    if (existing > 0) {
        print_already_seeded(out, existing);
        return 1;
    }

    seed_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        fprintf(stderr, "seed: out of memory\n");
        return -1;
    }
    ctx->conn = conn;
    ctx->opt = o;

    /* Hashed before the transaction opens, so that it is never held idle
     * while Argon2 works. Salts are random: the one non-deterministic part. */
    for (size_t i = 0; i < DEMO_COUNT; i++)
        if (auth_hash_secret(SEED_DEMO_PASSWORD, ctx->demo_hashes[i]) != 0) {
            fprintf(stderr, "seed: hashing the demo password failed\n");
            free(ctx);
            return -1;
        }
    if (auth_hash_secret(SEED_DEMO_CLIENT_SECRET, ctx->client_hash) != 0) {
        fprintf(stderr, "seed: hashing the client secret failed\n");
        free(ctx);
        return -1;
    }

    /* The lock makes a second seed running at the same time wait, then see
     * the members and stop. statement_timeout is lifted: the COPY of a large
     * network is one long statement, unlike any request. */
    if (seed_exec_ok(conn, "starting the transaction", "BEGIN", 0, NULL) != 0) {
        free(ctx);
        return -1;
    }
    if (seed_exec_ok(conn, "setting the timeout", "SET LOCAL statement_timeout = 0", 0, NULL) != 0 ||
        seed_exec_ok(conn, "locking members", "LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE", 0, NULL) !=
            0 ||
        count_members(conn, &existing) != 0) {
        rollback(conn);
        free(ctx);
        return -1;
    }
    if (existing > 0) {
        rollback(conn);
        free(ctx);
        print_already_seeded(out, existing);
        return 1;
    }

    for (size_t i = 0; i < sizeof STEPS / sizeof STEPS[0]; i++) {
        seed_rng rng;
        step_rng(&rng, o->seed, STEPS[i].name);
        if (STEPS[i].run(ctx, &rng) != 0) {
            fprintf(stderr, "seed: step %s failed; nothing was written\n", STEPS[i].name);
            rollback(conn);
            free(ctx);
            return -1;
        }
    }
    if (seed_exec_ok(conn, "committing", "COMMIT", 0, NULL) != 0) {
        rollback(conn);
        free(ctx);
        return -1;
    }
    print_credentials(out, ctx);
    free(ctx);
    return 0;
}
