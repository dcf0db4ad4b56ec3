/* ratelimit.h: fixed-window counters keyed by text (a client, an account,
 * an address), in a bounded table. Thread-safe. */
#ifndef DNA_RATELIMIT_H
#define DNA_RATELIMIT_H

typedef struct ratelimit ratelimit;

/* At most `limit` hits per `window_s` seconds per key. */
ratelimit *ratelimit_new(int limit, int window_s);
void ratelimit_free(ratelimit *rl);
/* 1 when `key` may go on; else 0 and *retry_after gets the seconds to wait. */
int ratelimit_allowed(ratelimit *rl, const char *key, long now, int *retry_after);
/* Counts one hit for `key`. */
void ratelimit_hit(ratelimit *rl, const char *key, long now);
/* Forgets `key` (e.g. after a successful login). */
void ratelimit_reset(ratelimit *rl, const char *key);

#endif
