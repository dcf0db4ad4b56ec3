/* dynbuf.c: capped growable buffers that free themselves on failure. */
#include "dynbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dynbuf_init(dynbuf *b, size_t max)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->max = max;
    b->failed = 0;
}

void dynbuf_free(dynbuf *b)
{
    free(b->data);
    dynbuf_init(b, b->max);
}

void dynbuf_reset(dynbuf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data)
        b->data[0] = '\0';
}

static int fail(dynbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 1;
    return -1;
}

int dynbuf_add(dynbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return -1;
    if (n > b->max || b->len + n + 1 > b->max)
        return fail(b);
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        if (cap > b->max)
            cap = b->max;
        char *d = realloc(b->data, cap);
        if (d == NULL)
            return fail(b);
        b->data = d;
        b->cap = cap;
    }
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int dynbuf_str(dynbuf *b, const char *s)
{
    return dynbuf_add(b, s, strlen(s));
}

int dynbuf_printf(dynbuf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    int rc;
    if (n < 0) {
        rc = b->failed ? -1 : fail(b);
    } else if ((size_t)n < sizeof tmp) {
        rc = dynbuf_add(b, tmp, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        rc = big ? (vsnprintf(big, (size_t)n + 1, fmt, again), dynbuf_add(b, big, (size_t)n)) : fail(b);
        free(big);
    }
    va_end(again);
    return rc;
}
