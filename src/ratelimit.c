/* ratelimit.c: an open-addressed table of fixed windows; when full, the
 * oldest window in the probe range is reused, so memory stays bounded. */
#include "ratelimit.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096
#define PROBE 8
#define KEYLEN 96

typedef struct {
    char key[KEYLEN];
    long start;
    int count;
} slot;

struct ratelimit {
    pthread_mutex_t lock;
    int limit, window;
    slot slots[SLOTS];
};

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

ratelimit *ratelimit_new(int limit, int window_s)
{
    ratelimit *rl = calloc(1, sizeof *rl);
    if (rl == NULL)
        return NULL;
    pthread_mutex_init(&rl->lock, NULL);
    rl->limit = limit;
    rl->window = window_s;
    return rl;
}

void ratelimit_free(ratelimit *rl)
{
    if (rl == NULL)
        return;
    pthread_mutex_destroy(&rl->lock);
    free(rl);
}

/* Finds the key's slot, or claims the stalest one in its probe range. */
static slot *find(ratelimit *rl, const char *key, long now, int create)
{
    uint32_t h = hash(key);
    slot *oldest = NULL;
    for (int i = 0; i < PROBE; i++) {
        slot *s = &rl->slots[(h + (uint32_t)i) % SLOTS];
        if (strncmp(s->key, key, KEYLEN - 1) == 0 && s->key[0] != '\0')
            return s;
        if (oldest == NULL || s->start < oldest->start)
            oldest = s;
    }
    if (!create)
        return NULL;
    memset(oldest, 0, sizeof *oldest);
    strncpy(oldest->key, key, KEYLEN - 1);
    oldest->start = now;
    return oldest;
}

int ratelimit_allowed(ratelimit *rl, const char *key, long now, int *retry_after)
{
    pthread_mutex_lock(&rl->lock);
    slot *s = find(rl, key, now, 0);
    int ok = 1;
    if (s != NULL && now < s->start + rl->window && s->count >= rl->limit) {
        ok = 0;
        if (retry_after)
            *retry_after = (int)(s->start + rl->window - now);
    }
    pthread_mutex_unlock(&rl->lock);
    return ok;
}

void ratelimit_hit(ratelimit *rl, const char *key, long now)
{
    pthread_mutex_lock(&rl->lock);
    slot *s = find(rl, key, now, 1);
    if (now >= s->start + rl->window) {
        s->start = now;
        s->count = 0;
    }
    s->count++;
    pthread_mutex_unlock(&rl->lock);
}

void ratelimit_reset(ratelimit *rl, const char *key)
{
    pthread_mutex_lock(&rl->lock);
    slot *s = find(rl, key, 0, 0);
    if (s != NULL)
        memset(s, 0, sizeof *s);
    pthread_mutex_unlock(&rl->lock);
}
