/* dynbuf.h: a growable byte buffer with a hard cap, for building answers
 * (JSON pages, CSV, metrics). A failed append (the cap, or no memory)
 * frees the buffer and makes it fail from then on, so a caller may append
 * many times and check once at the end. The text is kept NUL-terminated. */
#ifndef DNA_DYNBUF_H
#define DNA_DYNBUF_H

#include <stddef.h>

typedef struct {
    char *data; /* NULL until the first append; owned, dynbuf_free releases it */
    size_t len, cap, max;
    int failed;
} dynbuf;

void dynbuf_init(dynbuf *b, size_t max);
void dynbuf_free(dynbuf *b);
/* Empties the buffer for reuse (keeps its memory; clears a failure). */
void dynbuf_reset(dynbuf *b);
/* Appends; returns -1 (and the buffer has failed) when it cannot. */
int dynbuf_add(dynbuf *b, const char *s, size_t n);
int dynbuf_str(dynbuf *b, const char *s);
/* Appends printf-style output. */
int dynbuf_printf(dynbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
