/* cursor.h: opaque keyset cursors. A cursor names the sort it belongs to,
 * the last row's sort value and its id, so pages stay stable under inserts.
 * It is sealed with ChaCha20-Poly1305 (OpenSSL's libcrypto, already linked
 * through libjwt) under a key derived by HKDF-SHA256 for this purpose alone:
 * a reader learns nothing from a cursor (an analyst cannot map a pseudonym to
 * a member id through one), an altered or foreign cursor is refused, and the
 * cursor key reveals nothing of the secret it was derived from. */
#ifndef DNA_CURSOR_H
#define DNA_CURSOR_H

#include <stddef.h>
#include <stdint.h>

#define CURSOR_MAX 512

typedef struct {
    char sort[32];   /* the sort it was made for, e.g. "-name" */
    char value[256]; /* the last row's sort value, as text */
    int64_t id;      /* the last row's id */
} cursor;

/* Derives the sealing key from a secret (DNA_JWT_SECRET, or random bytes
 * when there is none: cursors then last as long as the process). Call once
 * at start-up, before any encode or decode. Returns 0, -1 on a failure. */
int cursor_set_key(const unsigned char *secret, size_t len);

/* Encodes into out (NUL-terminated, URL-safe). Returns 0, or -1 if too long. */
int cursor_encode(const cursor *c, char out[CURSOR_MAX]);
/* Decodes text made by cursor_encode; -1 for anything else. */
int cursor_decode(const char *text, cursor *out);

/* The seal itself, exposed so that tests can seal payloads of their own and
 * reach the checks behind it: seals `len` bytes into URL-safe text (0, or
 * -1 when too long); opens text into payload (its length, or -1 when the
 * text is not a cursor sealed with this key). */
int cursor_seal(const unsigned char *payload, size_t len, char out[CURSOR_MAX]);
long cursor_open(const char *text, unsigned char *payload, size_t cap);

#endif
