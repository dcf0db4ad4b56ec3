/* cursor.c: keyset cursors. The payload "c1" US sort US value US id is
 * sealed so that it is opaque and tamper-evident: tag = SipHash-2-4(k1,
 * payload), the payload XORed with a keystream SipHash(k2, tag || block),
 * and base64url(tag || ciphertext). A reader learns nothing from a cursor
 * (an analyst cannot map a pseudonym to a member id through one), and an
 * altered cursor is refused. */
#include "cursor.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint8_t key1[16], key2[16];

static uint64_t le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                             \
    do {                                                                                                     \
        v0 += v1;                                                                                            \
        v1 = ROTL(v1, 13);                                                                                   \
        v1 ^= v0;                                                                                            \
        v0 = ROTL(v0, 32);                                                                                   \
        v2 += v3;                                                                                            \
        v3 = ROTL(v3, 16);                                                                                   \
        v3 ^= v2;                                                                                            \
        v0 += v3;                                                                                            \
        v3 = ROTL(v3, 21);                                                                                   \
        v3 ^= v0;                                                                                            \
        v2 += v1;                                                                                            \
        v1 = ROTL(v1, 17);                                                                                   \
        v1 ^= v2;                                                                                            \
        v2 = ROTL(v2, 32);                                                                                   \
    } while (0)

uint64_t cursor_siphash(const uint8_t key[16], const uint8_t *in, size_t len)
{
    uint64_t k0 = le64(key), k1 = le64(key + 8);
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
    size_t full = len - len % 8;
    for (size_t i = 0; i < full; i += 8) {
        uint64_t m = le64(in + i);
        v3 ^= m;
        SIPROUND;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t b = (uint64_t)len << 56;
    for (size_t i = 0; i < len % 8; i++)
        b |= (uint64_t)in[full + i] << (8 * i);
    v3 ^= b;
    SIPROUND;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

void cursor_set_key(const unsigned char *secret, size_t len)
{
    /* Two independent 16-byte keys from the secret, by domain-separated PRF calls. */
    static const uint8_t fixed[16] = "dna-api cursors";
    uint8_t buf[512 + 1];
    size_t n = len > 512 ? 512 : len;
    memcpy(buf + 1, secret, n);
    for (int i = 0; i < 4; i++) {
        buf[0] = (uint8_t)i;
        uint64_t h = cursor_siphash(fixed, buf, n + 1);
        uint8_t *dst = i < 2 ? key1 + 8 * i : key2 + 8 * (i - 2);
        for (int j = 0; j < 8; j++)
            dst[j] = (uint8_t)(h >> (8 * j));
    }
}

/* XORs data with the keystream for `tag`. */
static void keystream_xor(uint8_t *data, size_t n, uint64_t tag)
{
    uint8_t block[16];
    for (int j = 0; j < 8; j++)
        block[j] = (uint8_t)(tag >> (8 * j));
    for (size_t off = 0; off < n; off += 8) {
        uint64_t counter = off / 8;
        for (int j = 0; j < 8; j++)
            block[8 + j] = (uint8_t)(counter >> (8 * j));
        uint64_t ks = cursor_siphash(key2, block, 16);
        for (size_t j = 0; j < 8 && off + j < n; j++)
            data[off + j] ^= (uint8_t)(ks >> (8 * j));
    }
}

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
    uint8_t sealed[CURSOR_MAX];
    char *raw = (char *)sealed + 8;
    int n = snprintf(raw, sizeof sealed - 8, "c1\x1f%s\x1f%s\x1f%lld", c->sort, c->value, (long long)c->id);
    if (n < 0 || (size_t)n >= sizeof sealed - 8 || ((size_t)n + 8) * 4 / 3 + 4 >= CURSOR_MAX)
        return -1;
    uint64_t tag = cursor_siphash(key1, (const uint8_t *)raw, (size_t)n);
    for (int j = 0; j < 8; j++)
        sealed[j] = (uint8_t)(tag >> (8 * j));
    keystream_xor(sealed + 8, (size_t)n, tag);
    return b64url_encode(sealed, (size_t)n + 8, out, CURSOR_MAX) ? 0 : -1;
}

int cursor_decode(const char *text, cursor *out)
{
    if (text == NULL || strlen(text) >= CURSOR_MAX || text[0] == '\0')
        return -1;
    unsigned char sealed[CURSOR_MAX];
    long total = b64url_decode(text, sealed, sizeof sealed - 1);
    if (total < 9)
        return -1;
    uint64_t tag = le64(sealed);
    unsigned char *raw = sealed + 8;
    long n = total - 8;
    keystream_xor(raw, (size_t)n, tag);
    if (cursor_siphash(key1, raw, (size_t)n) != tag)
        return -1; /* altered, or made with another key */
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
