/* ratelimit.h: fixed-window counters keyed by text (a client, an account,
 * an address), in a bounded table, for one process. Thread-safe: checking
 * and counting are one step. */
#ifndef DNA_RATELIMIT_H
#define DNA_RATELIMIT_H

typedef struct ratelimit ratelimit;

/* At most `limit` hits per `window_s` seconds per key. */
ratelimit *ratelimit_new(int limit, int window_s);
void ratelimit_free(ratelimit *rl);
/* Counts one hit for `key` if it is still within its limit, atomically:
 * 1 allowed (and counted), 0 refused with *retry_after the seconds to wait.
 * A full table never lets a key through uncounted: a new key that finds no
 * free or expired slot is refused until one frees up (fails closed). */
int ratelimit_take(ratelimit *rl, const char *key, long now, int *retry_after);

#endif
