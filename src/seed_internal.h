/* seed_internal.h: what the seed's steps share with each other (seed.c and
 * the steps kept in files of their own, such as seed_sessions.c). Not part of
 * `dna-api seed`'s interface: nothing outside the seed includes it, apart
 * from its unit tests. */
#ifndef DNA_SEED_INTERNAL_H
#define DNA_SEED_INTERNAL_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>

#include "seed.h"

#define DAY_SECONDS 86400
#define HOUR_SECONDS 3600

/* The programme's history: the days before the reference day it spans. */
#define SEED_HISTORY_DAYS 730

/* --- statements ---------------------------------------------------------------- */

/* A successful result, or NULL after printing why (`what` names the work in
 * the message). */
PGresult *seed_exec(PGconn *conn, const char *what, const char *sql, int nparams, const char *const *params);
int seed_exec_ok(PGconn *conn, const char *what, const char *sql, int nparams, const char *const *params);
/* A whole decimal number; 0, or -1 for anything else. */
int seed_parse_ll(const char *s, long long *out);

/* --- COPY ... FROM STDIN in chunks --------------------------------------------- */

/* One COPY under way. A row must not exceed 8 KiB once escaped: all texts
 * come from the seed's own lists. */
typedef struct seed_copy seed_copy;

/* Starts a COPY ... FROM STDIN; returns a chunk to fill, or NULL. */
seed_copy *seed_copy_begin(PGconn *conn, const char *what, const char *sql);
/* Makes room for one more row; call it before each row. */
int seed_copy_room(seed_copy *c);
/* One escaped field (NULL for SQL NULL) and the separator after it ('\t' or
 * '\n'). */
int seed_copy_field(seed_copy *c, const char *s, char sep);
/* A number field; 0 stands for NULL when `zero_is_null`. */
int seed_copy_ll(seed_copy *c, long long v, int zero_is_null, char sep);
/* A timestamptz field (UTC seconds). */
int seed_copy_ts(seed_copy *c, int64_t t, char sep);
/* Sends what is left and ends the COPY (with an error after a failure: rc
 * != 0); frees the chunk. Returns 0 when all went in. */
int seed_copy_finish(seed_copy *c, int rc);

/* --- members ------------------------------------------------------------------- */

/* Members sorted by joined_at (days since 1970-01-01), so that "who had
 * joined by day D" is a prefix. */
typedef struct {
    long long *id;
    long *joined;
    size_t n;
} seed_people;

/* Reads (id, joined day) rows in that order; 0, or -1 after printing why. */
int seed_load_people(PGconn *conn, const char *what, const char *sql, seed_people *p);
void seed_people_free(seed_people *p);
/* How many had joined by `day`: at least one, so there is always someone to
 * pick (p->n must not be 0). */
size_t seed_joined_by(const seed_people *p, long day);

#endif
