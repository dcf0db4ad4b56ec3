/* params.c: query-string parsing and typed, checked readers. */
#include "params.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

#define MAX_PARAMS 64

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *params_decode(const char *s, size_t len, int plus_is_space)
{
    char *out = malloc(len + 1);
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '%') {
            if (i + 2 >= len) {
                free(out);
                return NULL;
            }
            int hi = hexval(s[i + 1]);
            int lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0) {
                free(out);
                return NULL;
            }
            out[k++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[k++] = (plus_is_space && s[i] == '+') ? ' ' : s[i];
        }
    }
    out[k] = '\0';
    if (!text_valid_utf8(out, k)) {
        free(out);
        return NULL;
    }
    return out;
}

void params_free(params *p)
{
    for (int i = 0; i < p->n; i++) {
        free(p->items[i].key);
        free(p->items[i].value);
    }
    free(p->items);
    p->items = NULL;
    p->n = 0;
}

int params_parse(const char *url, params *out, dna_err *err)
{
    out->items = NULL;
    out->n = 0;
    const char *q = url ? strchr(url, '?') : NULL;
    if (q == NULL)
        return 0;
    q++;
    const char *hash = strchr(q, '#');
    return params_parse_form(q, hash ? (size_t)(hash - q) : strlen(q), out, err);
}

int params_parse_form(const char *q, size_t total, params *out, dna_err *err)
{
    out->items = NULL;
    out->n = 0;
    out->items = calloc(MAX_PARAMS, sizeof *out->items);
    if (out->items == NULL) {
        dna_err_field(err, "query", "cannot be read now (out of memory)");
        return -1;
    }
    size_t i = 0;
    while (i < total) {
        size_t j = i;
        while (j < total && q[j] != '&')
            j++;
        if (j > i) {
            if (out->n == MAX_PARAMS) {
                params_free(out);
                dna_err_field(err, "query", "too many query parameters");
                return -1;
            }
            const char *eq = memchr(q + i, '=', j - i);
            size_t klen = eq ? (size_t)(eq - (q + i)) : j - i;
            char *k = params_decode(q + i, klen, 1);
            char *v = eq ? params_decode(eq + 1, (size_t)(q + j - eq - 1), 1) : strdup("");
            if (k == NULL || v == NULL || k[0] == '\0') {
                free(k);
                free(v);
                params_free(out);
                dna_err_field(err, "query", "malformed query string (bad percent-encoding or UTF-8)");
                return -1;
            }
            out->items[out->n].key = k;
            out->items[out->n].value = v;
            out->n++;
        }
        i = j + 1;
    }
    return 0;
}

static const char *const COLLECTION_KEYS[] = {"limit", "cursor", "updated_since", "sort", "format",
                                              "bom",   NULL};

int params_only(const params *p, const char *const *allowed, int collection, dna_err *err)
{
    int ok = 0;
    for (int i = 0; i < p->n; i++) {
        const char *k = p->items[i].key;
        if (text_in_list(k, allowed) || (collection && text_in_list(k, COLLECTION_KEYS)))
            continue;
        dna_err_field(err, k, "unknown query parameter");
        ok = -1;
    }
    return ok;
}

const char *params_get(const params *p, const char *key, int *bad, dna_err *err)
{
    const char *found = NULL;
    for (int i = 0; i < p->n; i++) {
        if (strcmp(p->items[i].key, key) != 0)
            continue;
        if (found != NULL) {
            dna_err_field(err, key, "may be given only once");
            if (bad)
                *bad = 1;
            return NULL;
        }
        found = p->items[i].value;
    }
    return found;
}

int params_all(const params *p, const char *key, const char **out, int max)
{
    int n = 0;
    for (int i = 0; i < p->n && n < max; i++)
        if (strcmp(p->items[i].key, key) == 0)
            out[n++] = p->items[i].value;
    return n;
}

/* Reads a single value: 0 absent, 1 present, -1 error. */
static int single(const params *p, const char *key, const char **v, dna_err *err)
{
    int bad = 0;
    *v = params_get(p, key, &bad, err);
    if (bad)
        return -1;
    return *v != NULL;
}

int params_int(const params *p, const char *key, long long min, long long max, long long *out, int *present,
               dna_err *err)
{
    const char *v;
    int r = single(p, key, &v, err);
    if (present)
        *present = r == 1;
    if (r <= 0)
        return r;
    char *end = NULL;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno != 0 || end == v || *end != '\0' || n < min || n > max ||
        !isdigit((unsigned char)v[v[0] == '-'])) {
        char msg[128];
        snprintf(msg, sizeof msg, "must be an integer between %lld and %lld", min, max);
        dna_err_field(err, key, msg);
        return -1;
    }
    *out = n;
    return 0;
}

int params_bool(const params *p, const char *key, int *out, int *present, dna_err *err)
{
    const char *v;
    int r = single(p, key, &v, err);
    if (present)
        *present = r == 1;
    if (r <= 0)
        return r;
    if (strcmp(v, "true") == 0) {
        *out = 1;
    } else if (strcmp(v, "false") == 0) {
        *out = 0;
    } else {
        dna_err_field(err, key, "must be true or false");
        return -1;
    }
    return 0;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int days_in_month(int y, int m)
{
    static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return D[m - 1];
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

int params_valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) || !all_digits(s + 5, 2) ||
        !all_digits(s + 8, 2))
        return 0;
    int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
    return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int params_valid_datetime(const char *s)
{
    size_t n = strlen(s);
    if (n < 20 || n > 35)
        return 0;
    char date[11];
    memcpy(date, s, 10);
    date[10] = '\0';
    if (!params_valid_date(date) || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
        return 0;
    const char *t = s + 11;
    if (!all_digits(t, 2) || t[2] != ':' || !all_digits(t + 3, 2) || t[5] != ':' || !all_digits(t + 6, 2))
        return 0;
    if (num(t, 2) > 23 || num(t + 3, 2) > 59 || num(t + 6, 2) > 60)
        return 0;
    const char *z = t + 8;
    if (*z == '.') {
        z++;
        const char *f = z;
        while (isdigit((unsigned char)*z))
            z++;
        if (z == f || z - f > 9)
            return 0;
    }
    if ((*z == 'Z' || *z == 'z') && z[1] == '\0')
        return 1;
    if ((*z == '+' || *z == '-') && strlen(z) == 6 && all_digits(z + 1, 2) && z[3] == ':' &&
        all_digits(z + 4, 2))
        return num(z + 1, 2) <= 23 && num(z + 4, 2) <= 59;
    return 0;
}

int params_valid_week(const char *s)
{
    if (strlen(s) != 8 || !all_digits(s, 4) || s[4] != '-' || s[5] != 'W' || !all_digits(s + 6, 2))
        return 0;
    int y = num(s, 4), w = num(s + 6, 2);
    if (y < 1900 || w < 1 || w > 53)
        return 0;
    if (w == 53) {
        /* A year has week 53 when Jan 1 is a Thursday, or a Wednesday in a leap year. */
        int a = (14 - 1) / 12, yy = y - a, mm = 1 + 12 * a - 2;
        int dow = (1 + yy + yy / 4 - yy / 100 + yy / 400 + (31 * mm) / 12) % 7; /* 0 = Sunday */
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return dow == 4 || (leap && dow == 3);
    }
    return 1;
}

int params_valid_period(const char *s)
{
    size_t n = strlen(s);
    if (n == 7 && all_digits(s, 4) && s[4] == '-' && all_digits(s + 5, 2))
        return num(s, 4) >= 2000 && num(s, 4) <= 2099 && num(s + 5, 2) >= 1 && num(s + 5, 2) <= 12;
    if (n == 7 && all_digits(s, 4) && s[4] == '-' && s[5] == 'Q')
        return num(s, 4) >= 2000 && num(s, 4) <= 2099 && s[6] >= '1' && s[6] <= '4';
    return 0;
}

int params_date(const params *p, const char *key, const char **out, dna_err *err)
{
    int r = single(p, key, out, err);
    if (r <= 0)
        return r;
    if (!params_valid_date(*out)) {
        *out = NULL;
        dna_err_field(err, key, "must be a date YYYY-MM-DD");
        return -1;
    }
    return 0;
}

int params_datetime(const params *p, const char *key, const char **out, dna_err *err)
{
    int r = single(p, key, out, err);
    if (r <= 0)
        return r;
    if (!params_valid_datetime(*out)) {
        *out = NULL;
        dna_err_field(err, key, "must be an RFC 3339 timestamp, e.g. 2026-11-29T09:30:00Z");
        return -1;
    }
    return 0;
}

void params_datetime_utc(const char *s, char out[PARAMS_UTC_MAX])
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = num(s, 4) - 1900;
    tm.tm_mon = num(s + 5, 2) - 1;
    tm.tm_mday = num(s + 8, 2);
    tm.tm_hour = num(s + 11, 2);
    tm.tm_min = num(s + 14, 2);
    tm.tm_sec = num(s + 17, 2);
    const char *z = s + 19, *frac = "";
    size_t nfrac = 0;
    if (*z == '.') {
        frac = z;
        nfrac = strspn(z + 1, "0123456789") + 1;
        z += nfrac;
    }
    long offset = 0;
    if (*z == '+' || *z == '-')
        offset = (*z == '-' ? -1 : 1) * (num(z + 1, 2) * 3600L + num(z + 4, 2) * 60L);
    time_t t = timegm(&tm) - offset;
    struct tm utc;
    gmtime_r(&t, &utc);
    size_t n = strftime(out, PARAMS_UTC_MAX, "%Y-%m-%dT%H:%M:%S", &utc);
    snprintf(out + n, PARAMS_UTC_MAX - n, "%.*sZ", (int)nfrac, frac);
}

int params_enum(const params *p, const char *key, const char *const *values, const char **out, dna_err *err)
{
    int r = single(p, key, out, err);
    if (r <= 0)
        return r;
    if (!text_in_list(*out, values)) {
        char msg[200];
        text_one_of(msg, sizeof msg, values);
        *out = NULL;
        dna_err_field(err, key, msg);
        return -1;
    }
    return 0;
}

int params_week(const params *p, const char *key, const char **out, dna_err *err)
{
    int r = single(p, key, out, err);
    if (r <= 0)
        return r;
    if (!params_valid_week(*out)) {
        *out = NULL;
        dna_err_field(err, key, "must be an ISO week YYYY-Www, e.g. 2026-W48");
        return -1;
    }
    return 0;
}

int params_period(const params *p, const char *key, const char **out, dna_err *err)
{
    int r = single(p, key, out, err);
    if (r <= 0)
        return r;
    if (!params_valid_period(*out)) {
        *out = NULL;
        dna_err_field(err, key,
                      "must be a month YYYY-MM or a quarter YYYY-Qn (2000..2099), e.g. 2026-10 or 2026-Q4");
        return -1;
    }
    return 0;
}

int params_text(const params *p, const char *key, size_t maxlen, const char **out, dna_err *err)
{
    int r = single(p, key, out, err);
    if (r <= 0)
        return r;
    if (strlen(*out) > maxlen) {
        *out = NULL;
        dna_err_field(err, key, "is too long");
        return -1;
    }
    return 0;
}
