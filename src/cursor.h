/* cursor.h: opaque keyset cursors. A cursor names the sort it belongs to,
 * the last row's sort value and its id, so pages stay stable under inserts. */
#ifndef DNA_CURSOR_H
#define DNA_CURSOR_H

#include <stdint.h>

#define CURSOR_MAX 512

typedef struct {
    char sort[32];   /* the sort it was made for, e.g. "-name" */
    char value[256]; /* the last row's sort value, as text ("" for an id sort) */
    int64_t id;      /* the last row's id */
} cursor;

/* Encodes into out (NUL-terminated, URL-safe). Returns 0, or -1 if too long. */
int cursor_encode(const cursor *c, char out[CURSOR_MAX]);
/* Decodes text made by cursor_encode; -1 for anything else. */
int cursor_decode(const char *text, cursor *out);

#endif
