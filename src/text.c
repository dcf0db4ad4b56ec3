/* text.c: UTF-8 checks and cuts, blank text, list membership, slugs. */
#include "text.h"

#include <stdio.h>
#include <string.h>

/* The length of the valid UTF-8 character at p (at most `left` bytes), or
 * 0 when the bytes there are not one. NUL is not a character here. */
static size_t char_len(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c == 0)
        return 0;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        n = 1, min = 0x80, c &= 0x1F;
    else if ((c & 0xF0) == 0xE0)
        n = 2, min = 0x800, c &= 0x0F;
    else if ((c & 0xF8) == 0xF0)
        n = 3, min = 0x10000, c &= 0x07;
    else
        return 0;
    if (left <= n)
        return 0;
    for (size_t i = 1; i <= n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return n + 1;
}

/* 1 when the `left` bytes at p are the beginning of a multi-byte character
 * that ends too early: a lead byte and continuation bytes only. */
static int cut_short(const unsigned char *p, size_t left)
{
    size_t need = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
    if (need == 0 || left >= need)
        return 0;
    for (size_t i = 1; i < left; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    return 1;
}

size_t text_char_len(const char *s, size_t left)
{
    return left > 0 ? char_len((const unsigned char *)s, left) : 0;
}

int text_valid_utf8(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t n = char_len(p + i, len - i);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}

char *text_clip_n(char *dst, size_t cap, const char *src, size_t len)
{
    if (cap == 0)
        return dst;
    const unsigned char *p = (const unsigned char *)(src ? src : "");
    if (src == NULL)
        len = 0;
    size_t i = 0, k = 0;
    while (i < len && p[i] != '\0') {
        size_t n = char_len(p + i, len - i);
        if (n == 0 && cut_short(p + i, len - i))
            break; /* a character cut short by an earlier truncation */
        if (n == 0) {
            if (k + 1 >= cap)
                break;
            dst[k++] = '?';
            i++;
            continue;
        }
        if (k + n >= cap)
            break;
        memmove(dst + k, p + i, n); /* dst may be src (text_make_valid) */
        k += n;
        i += n;
    }
    dst[k] = '\0';
    return dst;
}

char *text_clip(char *dst, size_t cap, const char *src)
{
    return text_clip_n(dst, cap, src, src ? strlen(src) : 0);
}

char *text_escape_invalid(char *dst, size_t cap, const char *src)
{
    const unsigned char *p = (const unsigned char *)(src ? src : "");
    size_t len = strlen((const char *)p), i = 0, k = 0;
    if (cap == 0)
        return dst;
    while (i < len) {
        size_t n = char_len(p + i, len - i);
        if (n == 0) {
            if (k + 4 >= cap)
                break;
            snprintf(dst + k, 5, "\\x%02x", p[i]);
            k += 4;
            i++;
            continue;
        }
        if (k + n >= cap)
            break;
        memcpy(dst + k, p + i, n);
        k += n;
        i += n;
    }
    dst[k] = '\0';
    return dst;
}

void text_make_valid(char *s)
{
    size_t len = strlen(s);
    text_clip_n(s, len + 1, s, len);
}
int text_blank(const char *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

int text_in_list(const char *s, const char *const *list)
{
    for (; s && list && *list; list++)
        if (strcmp(*list, s) == 0)
            return 1;
    return 0;
}

void text_one_of(char *msg, size_t cap, const char *const *values)
{
    size_t k = (size_t)snprintf(msg, cap, "must be one of");
    for (const char *const *v = values; v && *v && k < cap; v++)
        k += (size_t)snprintf(msg + k, cap - k, "%s %s", v == values ? "" : ",", *v);
}

int text_is_slug(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
            return 0;
        if (ch == '-' && s[i + 1] == '-')
            return 0;
    }
    return 1;
}

size_t text_json_compact(char *s, size_t len)
{
    size_t k = 0;
    int in_string = 0, escaped = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_string) {
            if (escaped)
                escaped = 0;
            else if (c == '\\')
                escaped = 1;
            else if (c == '"')
                in_string = 0;
        } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            continue;
        } else if (c == '"') {
            in_string = 1;
        }
        s[k++] = c;
    }
    s[k] = '\0';
    return k;
}
