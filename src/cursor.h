/* cursor.h: opaque keyset cursors. A cursor names the sort it belongs to,
 * the last row's sort value and its id, so pages stay stable under inserts. */
#ifndef DNA_CURSOR_H
#define DNA_CURSOR_H

#include <stddef.h>
#include <stdint.h>

#define CURSOR_MAX 512

typedef struct {
    char sort[32];   /* the sort it was made for, e.g. "-name" */
    char value[256]; /* the last row's sort value, as text ("" for an id sort) */
    int64_t id;      /* the last row's id */
} cursor;

/* Sets the sealing key from a secret (DNA_JWT_SECRET, or random bytes when
 * there is none: cursors then last as long as the process). Call once at
 * start-up, before any encode or decode. */
void cursor_set_key(const unsigned char *secret, size_t len);
/* SipHash-2-4 of `in` under a 16-byte key (exposed for its test vector). */
uint64_t cursor_siphash(const uint8_t key[16], const uint8_t *in, size_t len);

/* Encodes into out (NUL-terminated, URL-safe). Returns 0, or -1 if too long. */
int cursor_encode(const cursor *c, char out[CURSOR_MAX]);
/* Decodes text made by cursor_encode; -1 for anything else. */
int cursor_decode(const char *text, cursor *out);

#endif
