/* csv.c: RFC 4180 output into dynbufs, safe to open in a spreadsheet. */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A plain number: an optional sign, digits, an optional fraction and
 * exponent ("-3", "+1.5", "-2.5e-3"). Spreadsheets read it as a number. */
static int plain_number(const char *s, size_t n)
{
    size_t i = (n > 0 && (s[0] == '-' || s[0] == '+')) ? 1 : 0, digits = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (i < n && s[i] == '.') {
        size_t fraction = 0;
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            fraction++;
        if (fraction == 0)
            return 0;
        digits += fraction;
    }
    if (digits > 0 && i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            i++;
        size_t exponent = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            exponent++;
        if (exponent == 0)
            return 0;
    }
    return digits > 0 && i == n;
}

int csv_is_formula(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    switch (s[0]) {
    case '=':
    case '@':
    case '\t':
    case '\r': return 1;
    case '+':
    case '-': return !plain_number(s, n);
    default: return 0;
    }
}

int csv_field(dynbuf *b, const char *s, size_t n)
{
    int formula = csv_is_formula(s, n);
    int quote = formula || (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
    for (size_t i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            quote = 1;
    if (!quote)
        return dynbuf_add(b, s, n);
    if (dynbuf_add(b, formula ? "\"'" : "\"", formula ? 2 : 1) != 0)
        return -1;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            if (dynbuf_add(b, s + start, i - start + 1) != 0 || dynbuf_add(b, "\"", 1) != 0)
                return -1;
            start = i + 1;
        }
    }
    if (dynbuf_add(b, s + start, n - start) != 0)
        return -1;
    return dynbuf_add(b, "\"", 1);
}

int csv_header(dynbuf *b, const json_t *row)
{
    const char *key;
    json_t *v;
    int first = 1;
    json_object_foreach((json_t *)row, key, v)
    {
        (void)v;
        if ((!first && dynbuf_add(b, ",", 1) != 0) || csv_field(b, key, strlen(key)) != 0)
            return -1;
        first = 0;
    }
    return dynbuf_add(b, "\r\n", 2);
}

static int scalar_text(const json_t *v, char *tmp, size_t cap, const char **s, size_t *n)
{
    switch (json_typeof(v)) {
    case JSON_STRING:
        *s = json_string_value(v);
        *n = json_string_length(v);
        return 1;
    case JSON_INTEGER:
        *n = (size_t)snprintf(tmp, cap, "%lld", (long long)json_integer_value(v));
        *s = tmp;
        return 1;
    case JSON_REAL:
        *n = (size_t)snprintf(tmp, cap, "%.17g", json_real_value(v));
        *s = tmp;
        return 1;
    case JSON_TRUE: *s = "true", *n = 4; return 1;
    case JSON_FALSE: *s = "false", *n = 5; return 1;
    case JSON_NULL: *s = "", *n = 0; return 1;
    default: return 0;
    }
}

static int value_field(dynbuf *b, const json_t *v)
{
    char tmp[64];
    const char *s;
    size_t n;
    if (scalar_text(v, tmp, sizeof tmp, &s, &n))
        return csv_field(b, s, n);
    if (json_is_array(v)) {
        dynbuf joined;
        dynbuf_init(&joined, b->max);
        size_t i;
        json_t *item;
        int rc = 0, all_scalar = 1;
        json_array_foreach(v, i, item)
        {
            if (!scalar_text(item, tmp, sizeof tmp, &s, &n)) {
                all_scalar = 0;
                break;
            }
            if ((i > 0 && dynbuf_add(&joined, ";", 1) != 0) || dynbuf_add(&joined, s, n) != 0)
                rc = -1;
        }
        if (all_scalar) {
            rc = rc ? rc : csv_field(b, joined.data ? joined.data : "", joined.len);
            dynbuf_free(&joined);
            return rc;
        }
        dynbuf_free(&joined);
    }
    char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    int rc = text ? csv_field(b, text, strlen(text)) : -1;
    free(text);
    return rc;
}

int csv_row(dynbuf *b, const json_t *row)
{
    const char *key;
    json_t *v;
    int first = 1;
    json_object_foreach((json_t *)row, key, v)
    {
        if ((!first && dynbuf_add(b, ",", 1) != 0) || value_field(b, v) != 0)
            return -1;
        first = 0;
    }
    return dynbuf_add(b, "\r\n", 2);
}
