/* ratelimit.c: an open-addressed table of fixed windows. A key lives in one
 * of PROBE slots after its hash; a slot is reused only when its window has
 * ended, so memory stays bounded and no key is ever forgotten mid-window. */
#include "ratelimit.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 16384
#define PROBE 16
#define KEYLEN 96

typedef struct {
    char key[KEYLEN]; /* "" empty */
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

int ratelimit_take(ratelimit *rl, const char *key, long now, int *retry_after)
{
    uint32_t h = hash(key);
    int ok = 0;
    long soonest = now + rl->window;
    pthread_mutex_lock(&rl->lock);
    slot *mine = NULL, *free_slot = NULL;
    for (int i = 0; i < PROBE && mine == NULL; i++) {
        slot *s = &rl->slots[(h + (uint32_t)i) % SLOTS];
        int expired = now >= s->start + rl->window;
        if (s->key[0] != '\0' && strncmp(s->key, key, KEYLEN - 1) == 0)
            mine = s;
        else if (free_slot == NULL && (s->key[0] == '\0' || expired))
            free_slot = s;
        else if (s->start + rl->window < soonest)
            soonest = s->start + rl->window;
    }
    if (mine == NULL && free_slot != NULL) {
        memset(free_slot, 0, sizeof *free_slot);
        strncpy(free_slot->key, key, KEYLEN - 1);
        free_slot->start = now;
        mine = free_slot;
    }
    if (mine != NULL) {
        if (now >= mine->start + rl->window) {
            mine->start = now;
            mine->count = 0;
        }
        ok = mine->count < rl->limit;
        if (ok)
            mine->count++;
        else
            soonest = mine->start + rl->window;
    }
    pthread_mutex_unlock(&rl->lock);
    if (!ok && retry_after)
        *retry_after = (int)(soonest - now > 0 ? soonest - now : 1);
    return ok;
}
