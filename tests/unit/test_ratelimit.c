/* Unit tests: the request rate limiter checks and counts in one step (no
 * over-admission under concurrency) and never lets a key through uncounted
 * when its table is full. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#include "harness.h"
#include "ratelimit.h"

#define THREADS 8
#define TRIES 200

static ratelimit *shared;
static atomic_int admitted;

static void *hammer(void *arg)
{
    (void)arg;
    for (int i = 0; i < TRIES; i++) {
        int retry = 0;
        if (ratelimit_take(shared, "one-client", 1000, &retry))
            atomic_fetch_add(&admitted, 1);
    }
    return NULL;
}

static void exact_under_concurrency(void)
{
    shared = ratelimit_new(50, 60);
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, hammer, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    CHECK(atomic_load(&admitted) == 50); /* 1,600 tries at once, exactly the limit */
    int retry = 0;
    CHECK(!ratelimit_take(shared, "one-client", 1030, &retry) && retry == 30);
    CHECK(ratelimit_take(shared, "one-client", 1060, &retry)); /* a new window */
    ratelimit_free(shared);
}

static void full_table_fails_closed(void)
{
    ratelimit *rl = ratelimit_new(3, 60);
    char key[32];
    int admitted_new = 0, refused_new = 0;
    for (int i = 0; i < 40000; i++) {
        snprintf(key, sizeof key, "client-%d", i);
        int retry = 0;
        if (ratelimit_take(rl, key, 500, &retry))
            admitted_new++;
        else {
            refused_new++;
            CHECK(retry > 0 && retry <= 60);
        }
    }
    CHECK(admitted_new > 0 && refused_new > 0); /* more keys than slots: some wait */
    /* A key that got in keeps its count: it is never evicted mid-window. */
    int retry = 0;
    CHECK(ratelimit_take(rl, "client-0", 501, &retry));
    CHECK(ratelimit_take(rl, "client-0", 502, &retry));
    CHECK(!ratelimit_take(rl, "client-0", 503, &retry));
    /* Once the windows end, slots free up again. */
    CHECK(ratelimit_take(rl, "client-39999", 600, &retry));
    ratelimit_free(rl);
}

int main(void)
{
    RUN(exact_under_concurrency);
    RUN(full_table_fails_closed);
    HARNESS_END();
}
