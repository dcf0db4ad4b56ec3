/* cursor.c: keyset cursors as base64url("c1" US sort US value US id). */
#include "cursor.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static size_t b64url_encode(const unsigned char *in, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        size_t chars = i + 2 < n ? 4 : (i + 1 < n ? 3 : 2);
        for (size_t j = 0; j < chars; j++) {
            if (k + 1 >= cap)
                return 0;
            out[k++] = B64[(v >> (18 - 6 * j)) & 63];
        }
    }
    out[k] = '\0';
    return k;
}

static int b64val(char c)
{
    const char *p = c ? strchr(B64, c) : NULL;
    return p ? (int)(p - B64) : -1;
}

static long b64url_decode(const char *in, unsigned char *out, size_t cap)
{
    size_t n = strlen(in), k = 0;
    if (n % 4 == 1)
        return -1;
    for (size_t i = 0; i < n; i += 4) {
        unsigned v = 0;
        size_t chars = n - i < 4 ? n - i : 4;
        for (size_t j = 0; j < 4; j++) {
            int d = j < chars ? b64val(in[i + j]) : 0;
            if (d < 0)
                return -1;
            v = (v << 6) | (unsigned)d;
        }
        size_t bytes = chars - 1;
        for (size_t j = 0; j < bytes; j++) {
            if (k >= cap)
                return -1;
            out[k++] = (unsigned char)((v >> (16 - 8 * j)) & 0xFF);
        }
    }
    return (long)k;
}

int cursor_encode(const cursor *c, char out[CURSOR_MAX])
{
    char raw[CURSOR_MAX];
    int n = snprintf(raw, sizeof raw, "c1\x1f%s\x1f%s\x1f%lld", c->sort, c->value, (long long)c->id);
    if (n < 0 || (size_t)n >= sizeof raw || (size_t)n * 4 / 3 + 4 >= CURSOR_MAX)
        return -1;
    return b64url_encode((const unsigned char *)raw, (size_t)n, out, CURSOR_MAX) ? 0 : -1;
}

int cursor_decode(const char *text, cursor *out)
{
    if (text == NULL || strlen(text) >= CURSOR_MAX || text[0] == '\0')
        return -1;
    unsigned char raw[CURSOR_MAX];
    long n = b64url_decode(text, raw, sizeof raw - 1);
    if (n < 0)
        return -1;
    raw[n] = '\0';
    if (memchr(raw, '\0', (size_t)n) != NULL)
        return -1;
    char *parts[4];
    char *p = (char *)raw;
    for (int i = 0; i < 4; i++) {
        parts[i] = p;
        char *sep = strchr(p, '\x1f');
        if (i < 3) {
            if (sep == NULL)
                return -1;
            *sep = '\0';
            p = sep + 1;
        } else if (sep != NULL) {
            return -1;
        }
    }
    if (strcmp(parts[0], "c1") != 0 || strlen(parts[1]) >= sizeof out->sort ||
        strlen(parts[2]) >= sizeof out->value)
        return -1;
    char *end = NULL;
    errno = 0;
    long long id = strtoll(parts[3], &end, 10);
    if (errno != 0 || end == parts[3] || *end != '\0' || id < 0)
        return -1;
    memcpy(out->sort, parts[1], strlen(parts[1]) + 1);
    memcpy(out->value, parts[2], strlen(parts[2]) + 1);
    out->id = id;
    return 0;
}
