/* result.h: the one result type that services return. Only api/respond.c
 * maps it to an HTTP status. */
#ifndef DNA_RESULT_H
#define DNA_RESULT_H

#include <jansson.h>

typedef enum {
    DNA_OK = 0,
    DNA_CREATED,      /* 201 */
    DNA_NO_CONTENT,   /* 204 */
    DNA_BAD_REQUEST,  /* 400: malformed request */
    DNA_UNAUTHORIZED, /* 401 */
    DNA_FORBIDDEN,    /* 403 */
    DNA_NOT_FOUND,    /* 404 */
    DNA_CONFLICT,     /* 409 */
    DNA_PRECONDITION, /* 412: If-Match mismatch */
    DNA_INVALID,      /* 422: valid JSON that breaks a rule */
    DNA_TOO_MANY,     /* 429 */
    DNA_UNAVAILABLE,  /* 503: database unavailable */
    DNA_BUSY,         /* 503: every slot of a bounded resource (the exports) is taken */
    DNA_ERROR         /* 500: a bug of ours, never client input */
} dna_status;

/* Details that travel with a failed result. `errors` is a JSON array of
 * {field, message} (owned by the dna_err, may be NULL); `extra` is an object
 * whose members are merged into the problem body (e.g. {"allowed": [...]}). */
typedef struct {
    char detail[256];
    json_t *errors;
    json_t *extra;
    int retry_after; /* seconds: sent as Retry-After when > 0 (a key still in flight) */
} dna_err;

void dna_err_init(dna_err *e);
void dna_err_clear(dna_err *e);
/* Appends a field error; returns DNA_INVALID so callers can `return`. Both
 * texts are cut to a safe length on UTF-8 boundaries. */
dna_status dna_err_field(dna_err *e, const char *field, const char *message);
/* Sets the detail text (printf-style, cut to fit on a UTF-8 boundary) and
 * returns `status`. */
dna_status dna_err_set(dna_err *e, dna_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
