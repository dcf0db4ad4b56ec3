/* seed.c: `dna-api seed`, deterministic demo data (shared/spec/demo-data.md).
 *
 * The work is a list of steps (STEPS below) run in one transaction. Each step
 * draws from its own random stream, derived from the seed and the step's
 * name, so adding a step (reports, sessions, ...) or changing one never
 * changes what the others produce for the same seed. Members go in with COPY,
 * which keeps 100,000 rows to a second or two; everything else is a handful of
 * parameterised statements. */
#include "seed.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "seed_words.h"

/* joined_at lies in the two years before this date. A fixed date rather than
 * now() keeps the output identical from one day to the next. */
#define REF_YEAR 2026
#define REF_MONTH 11
#define REF_DAY 1
#define JOIN_WINDOW_DAYS 730
/* The programme's launch drew a wave of sign-ups in its first two months. */
#define LAUNCH_WAVE_DAYS 61
#define LAUNCH_WAVE_PERCENT 20

#define INACTIVE_PERCENT 5
/* Mixed households and married names: a surname from another background. */
#define MIXED_SURNAME_PERCENT 10
/* Otherwise a title that occurs in any department. */
#define TYPICAL_TITLE_PERCENT 70

/* COPY data is sent in chunks of about this size; a row never exceeds
 * ROW_MAX bytes once escaped (names and titles come from our own lists). */
#define CHUNK_SIZE (64 * 1024)
#define ROW_MAX 4096

#define MAX_DEPARTMENTS 32

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
#define PUT(c)                                                                                     \
    do {                                                                                           \
        if (len + 1 >= n)                                                                          \
            return -1;                                                                             \
        out[len++] = (c);                                                                          \
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
} seed_ctx;

/* A successful result, or NULL after printing why. */
static PGresult *exec_params(PGconn *conn, const char *what, const char *sql, int nparams,
                             const char *const *params)
{
    PGresult *res = PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(res);
    if (res != NULL && (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK))
        return res;
    fprintf(stderr, "seed: %s: %s", what,
            res != NULL ? PQresultErrorMessage(res) : PQerrorMessage(conn));
    PQclear(res);
    return NULL;
}

static int exec_ok(PGconn *conn, const char *what, const char *sql, int nparams,
                   const char *const *params)
{
    PGresult *res = exec_params(conn, what, sql, nparams, params);
    if (res == NULL)
        return -1;
    PQclear(res);
    return 0;
}

static int parse_ll(const char *s, long long *out)
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
    PGresult *res =
        exec_params(conn, "checking for members", "SELECT count(*) FROM members", 0, NULL);
    if (res == NULL)
        return -1;
    int rc = parse_ll(PQgetvalue(res, 0, 0), count);
    PQclear(res);
    return rc;
}

/* --- step: departments --- */

static int step_departments(seed_ctx *ctx, seed_rng *rng)
{
    (void)rng; /* fixed list, nothing to draw */
    for (size_t i = 0; i < seed_words_departments_count; i++) {
        const char *params[2] = {seed_words_departments[i].code, seed_words_departments[i].name};
        /* A department created by hand before seeding is kept as it is. */
        if (exec_ok(ctx->conn, "inserting departments",
                    "INSERT INTO departments (code, name) VALUES ($1, $2) "
                    "ON CONFLICT (code) DO NOTHING",
                    2, params) != 0)
            return -1;
        PGresult *res = exec_params(ctx->conn, "reading department ids",
                                    "SELECT id FROM departments WHERE code = $1", 1, params);
        if (res == NULL)
            return -1;
        int rc = PQntuples(res) == 1 ? parse_ll(PQgetvalue(res, 0, 0), &ctx->dept_ids[i]) : -1;
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
    seed_civil_date(seed_days_from_civil(REF_YEAR, REF_MONTH, REF_DAY) - JOIN_WINDOW_DAYS, joined);
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
        if (exec_ok(ctx->conn, "inserting demo logins",
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
typedef struct {
    PGconn *conn;
    char data[CHUNK_SIZE];
    size_t len;
} copy_chunk;

static int chunk_flush(copy_chunk *c)
{
    if (c->len > 0 && PQputCopyData(c->conn, c->data, (int)c->len) != 1) {
        fprintf(stderr, "seed: sending members: %s", PQerrorMessage(c->conn));
        return -1;
    }
    c->len = 0;
    return 0;
}

/* One escaped field and the separator after it ('\t' or '\n'). */
static int chunk_field(copy_chunk *c, const char *s, char sep)
{
    int k = seed_copy_escape(s, c->data + c->len, sizeof c->data - c->len);
    if (k < 0 || c->len + (size_t)k + 1 >= sizeof c->data)
        return -1;
    c->len += (size_t)k;
    c->data[c->len++] = sep;
    return 0;
}

/* Ends a COPY: cleanly, or with an error that makes the server discard it. */
static int copy_end(PGconn *conn, const char *error)
{
    int rc = PQputCopyEnd(conn, error) == 1 ? 0 : -1;
    PGresult *res;
    while ((res = PQgetResult(conn)) != NULL) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK) {
            if (error == NULL)
                fprintf(stderr, "seed: copying members: %s", PQresultErrorMessage(res));
            rc = -1;
        }
        PQclear(res);
    }
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

static int make_member(seed_ctx *ctx, seed_rng *rng, slug_counts *slugs, int role_index,
                       long ref_day, member_row *m)
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
    int k = nth == 1
                ? snprintf(m->email, sizeof m->email, "%s@%s", local, SEED_EMAIL_DOMAIN)
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
    long ref_day = seed_days_from_civil(REF_YEAR, REF_MONTH, REF_DAY);

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

    copy_chunk *chunk = malloc(sizeof *chunk);
    if (chunk == NULL) {
        slugs_free(&slugs);
        fprintf(stderr, "seed: out of memory\n");
        return -1;
    }
    chunk->conn = conn;
    chunk->len = 0;

    PGresult *res = PQexec(conn, "COPY members (name, email, department_id, job_title, roles, "
                                 "joined_at, interests, active) FROM STDIN");
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        fprintf(stderr, "seed: starting COPY: %s",
                res != NULL ? PQresultErrorMessage(res) : PQerrorMessage(conn));
        PQclear(res);
        free(chunk);
        slugs_free(&slugs);
        return -1;
    }
    PQclear(res);

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
        if (sizeof chunk->data - chunk->len < ROW_MAX && chunk_flush(chunk) != 0) {
            rc = -1;
            break;
        }
        if (chunk_field(chunk, m.name, '\t') != 0 || chunk_field(chunk, m.email, '\t') != 0 ||
            chunk_field(chunk, m.dept, '\t') != 0 || chunk_field(chunk, m.title, '\t') != 0 ||
            chunk_field(chunk, m.roles, '\t') != 0 || chunk_field(chunk, m.joined, '\t') != 0 ||
            chunk_field(chunk, m.interests, '\t') != 0 ||
            chunk_field(chunk, m.active ? "t" : "f", '\n') != 0) {
            fprintf(stderr, "seed: member %lld does not fit\n", i + 1);
            rc = -1;
        }
    }
    if (rc == 0)
        rc = chunk_flush(chunk);
    if (rc == 0)
        rc = copy_end(conn, NULL);
    else
        copy_end(conn, "seed: generation failed");
    free(chunk);
    slugs_free(&slugs);
    if (rc != 0)
        return -1;

    res = exec_params(conn, "counting members", "SELECT min(id), max(id), count(*) FROM members", 0,
                      NULL);
    if (res == NULL)
        return -1;
    rc = parse_ll(PQgetvalue(res, 0, 0), &ctx->members_first_id) |
         parse_ll(PQgetvalue(res, 0, 1), &ctx->members_last_id) |
         parse_ll(PQgetvalue(res, 0, 2), &ctx->members_total);
    PQclear(res);
    return rc != 0 ? -1 : 0;
}

/* --- step: API clients --- */

static int step_api_clients(seed_ctx *ctx, seed_rng *rng)
{
    (void)rng;
    const char *params[3] = {SEED_DEMO_CLIENT_ID, ctx->client_hash, "{ombudsman}"};
    /* A client registered by hand keeps its secret; we say so afterwards. */
    PGresult *res = exec_params(ctx->conn, "inserting the API client",
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
    char seed[24], members[24], changes[160];
    snprintf(seed, sizeof seed, "%llu", ctx->opt->seed);
    snprintf(members, sizeof members, "%lld", ctx->members_total);
    int k =
        snprintf(changes, sizeof changes, "{\"seed\": %s, \"members\": %s, \"departments\": %zu}",
                 seed, members, seed_words_departments_count);
    if (k < 0 || (size_t)k >= sizeof changes)
        return -1;
    const char *params[2] = {seed, changes};
    return exec_ok(ctx->conn, "writing the audit log",
                   "INSERT INTO audit_log (actor, action, entity, entity_id, changes) "
                   "VALUES ('system', 'create', 'seed', $1, $2)",
                   2, params);
}

/* The steps, in order, in one transaction. Each gets a random stream of its
 * own (see step_rng), so a step added later leaves the earlier data as it is.
 *
 * Issue 3 adds {"reports", step_reports} after "members": it picks reporters
 * from ctx->members_first_id..members_last_id, sizes itself by
 * ctx->opt->reports (accepted today but unused: the reports tables do not
 * exist yet), and takes its titles from seed_words. */
typedef int (*seed_step_fn)(seed_ctx *ctx, seed_rng *rng);

static const struct {
    const char *name;
    seed_step_fn run;
} STEPS[] = {
    {"departments", step_departments},
    {"demo-logins", step_demo_logins},
    {"members", step_members},
    /* {"reports", step_reports}, */
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
}

static void print_already_seeded(FILE *out, long long count)
{
    fprintf(out, "Already seeded: %lld members exist. Nothing was changed.\n", count);
}

static void print_credentials(FILE *out, const seed_ctx *ctx)
{
    fprintf(out,
            "Seeded %lld members (the %zu demo logins among them) in %zu departments, seed %llu.\n",
            ctx->members_total, DEMO_COUNT, seed_words_departments_count, ctx->opt->seed);
    fprintf(out, "Reports are not seeded yet (--reports is accepted and ignored for now).\n\n");
    fprintf(out,
            "Demo logins (OAuth password grant; the API also accepts `email` for `username`):\n");
    fprintf(out, "  %-32s %-18s %s\n", "email", "role", "password");
    for (size_t i = 0; i < DEMO_COUNT; i++) {
        char email[128];
        snprintf(email, sizeof email, "%s@%s", DEMO_LOGINS[i].local, SEED_EMAIL_DOMAIN);
        fprintf(out, "  %-32s %-18s %s\n", email,
                DEMO_LOGINS[i].role != NULL ? DEMO_LOGINS[i].role : "member", SEED_DEMO_PASSWORD);
    }
    fprintf(out, "\nAPI client (client_credentials grant), role ombudsman:\n");
    if (ctx->client_existed)
        fprintf(out, "  client_id %s existed already; its secret was left unchanged.\n",
                SEED_DEMO_CLIENT_ID);
    else
        fprintf(out, "  client_id %s  client_secret %s\n", SEED_DEMO_CLIENT_ID,
                SEED_DEMO_CLIENT_SECRET);
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
    if (exec_ok(conn, "starting the transaction", "BEGIN", 0, NULL) != 0) {
        free(ctx);
        return -1;
    }
    if (exec_ok(conn, "setting the timeout", "SET LOCAL statement_timeout = 0", 0, NULL) != 0 ||
        exec_ok(conn, "locking members", "LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE", 0,
                NULL) != 0 ||
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
    if (exec_ok(conn, "committing", "COMMIT", 0, NULL) != 0) {
        rollback(conn);
        free(ctx);
        return -1;
    }
    print_credentials(out, ctx);
    free(ctx);
    return 0;
}
