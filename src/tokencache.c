/* tokencache.c: a direct-mapped table of verified tokens, one lock per slot.
 * A newer token evicts the older one in its slot; tokens over 2 KiB are not
 * kept, so the table stays within a few MiB. */
#include "tokencache.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 1024 /* a power of two */
#define MAX_CACHED_TOKEN 2048

typedef struct {
    pthread_mutex_t lock;
    uint64_t hash;
    char *token;
    auth_claims claims;
} slot;

static slot table[SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    for (size_t i = 0; i < SLOTS; i++)
        pthread_mutex_init(&table[i].lock, NULL);
}

static uint64_t hash_of(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

int tokencache_get(const char *token, time_t now, auth_claims *out)
{
    pthread_once(&once, init);
    uint64_t h = hash_of(token);
    slot *s = &table[h & (SLOTS - 1)];
    int hit = 0;
    pthread_mutex_lock(&s->lock);
    if (s->token != NULL && s->hash == h && strcmp(s->token, token) == 0 &&
        (long long)now >= s->claims.valid_from && (long long)now <= s->claims.valid_until) {
        *out = s->claims;
        hit = 1;
    }
    pthread_mutex_unlock(&s->lock);
    return hit;
}

void tokencache_put(const char *token, const auth_claims *claims)
{
    if (strlen(token) > MAX_CACHED_TOKEN)
        return;
    pthread_once(&once, init);
    char *copy = strdup(token);
    if (copy == NULL)
        return;
    uint64_t h = hash_of(token);
    slot *s = &table[h & (SLOTS - 1)];
    pthread_mutex_lock(&s->lock);
    char *old = s->token;
    s->token = copy;
    s->hash = h;
    s->claims = *claims;
    pthread_mutex_unlock(&s->lock);
    free(old);
}
