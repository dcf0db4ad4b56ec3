/* revocation.c: a direct-mapped cache of members' current roles and
 * standing, one lock per slot, refreshed from the database when older than
 * REVOCATION_TTL; and the same for identity-provider references. */
#include "revocation.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "db.h"
#include "principal.h"

#define SLOTS 2048 /* a power of two */
#define REF_MAX 256

typedef struct {
    pthread_mutex_t lock;
    int64_t member_id; /* 0: empty */
    unsigned roles;
    int usable; /* active and not erased */
    time_t fetched;
} record_slot;

typedef struct {
    pthread_mutex_t lock;
    char ref[REF_MAX]; /* "" empty; the claim name is part of the key */
    int64_t member_id;
    time_t fetched;
} ref_slot;

static int ttl = REVOCATION_TTL;
static record_slot records[SLOTS];
static ref_slot refs[SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void)
{
    for (size_t i = 0; i < SLOTS; i++) {
        pthread_mutex_init(&records[i].lock, NULL);
        pthread_mutex_init(&refs[i].lock, NULL);
    }
}

void revocation_set_ttl(int seconds)
{
    ttl = seconds > 0 && seconds <= 60 ? seconds : REVOCATION_TTL;
}

static record_slot *record_of(int64_t member_id)
{
    return &records[(uint64_t)member_id * 0x9E3779B97F4A7C15ULL >> 53 & (SLOTS - 1)];
}

static const db_stmt STANDING = {
    "revocation_standing",
    "SELECT roles::text, active AND erased_at IS NULL FROM members WHERE id = $1::bigint"};

/* Reads the member's record: 1 found, 0 no such member, -1 no database. */
static int fetch(int64_t member_id, unsigned *roles, int *usable)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return -1;
    char id[24];
    snprintf(id, sizeof id, "%lld", (long long)member_id);
    const char *params[1] = {id};
    PGresult *r = db_exec(c, &STANDING, 1, params);
    int found = db_ok(r) ? PQntuples(r) == 1 : -1;
    if (found == 1) {
        *roles = accounts_roles_from_pg_array(PQgetvalue(r, 0, 0));
        *usable = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    }
    PQclear(r);
    db_release(c);
    return found;
}

dna_status revocation_check(int64_t member_id, unsigned token_roles, time_t now, unsigned *roles)
{
    pthread_once(&once, init);
    record_slot *s = record_of(member_id);
    unsigned current = 0;
    int usable = 0, known = 0;
    pthread_mutex_lock(&s->lock);
    if (s->member_id == member_id && now - s->fetched < ttl && now >= s->fetched) {
        current = s->roles;
        usable = s->usable;
        known = 1;
    }
    pthread_mutex_unlock(&s->lock);
    if (!known) {
        int found = fetch(member_id, &current, &usable);
        if (found < 0)
            return DNA_UNAVAILABLE;
        if (found == 0)
            usable = 0;
        pthread_mutex_lock(&s->lock);
        s->member_id = member_id;
        s->roles = current;
        s->usable = usable;
        s->fetched = now;
        pthread_mutex_unlock(&s->lock);
    }
    if (!usable)
        return DNA_UNAUTHORIZED;
    /* Clients' roles (ombudsman) are never a member's. */
    *roles = principal_roles_normalise(token_roles & current);
    return DNA_OK;
}

void revocation_forget(int64_t member_id)
{
    pthread_once(&once, init);
    record_slot *s = record_of(member_id);
    pthread_mutex_lock(&s->lock);
    if (s->member_id == member_id)
        s->member_id = 0;
    pthread_mutex_unlock(&s->lock);
    /* References that named the member are re-read at their next use. */
    for (size_t i = 0; i < SLOTS; i++) {
        pthread_mutex_lock(&refs[i].lock);
        if (refs[i].member_id == member_id)
            refs[i].ref[0] = '\0';
        pthread_mutex_unlock(&refs[i].lock);
    }
}

static const db_stmt BY_EMAIL = {
    "revocation_by_email", "SELECT id FROM members WHERE lower(email) = lower($1) AND erased_at IS NULL"};
static const db_stmt BY_ID = {"revocation_by_id",
                              "SELECT id FROM members WHERE id = $1::bigint AND erased_at IS NULL"};

/* The member named by ref, from the database. */
static dna_status resolve_from_db(const char *ref, const char *claim, int64_t *id)
{
    *id = 0;
    int by_id = strcmp(claim, "sub") == 0;
    if (by_id) {
        for (const char *s = ref; *s; s++)
            if (*s < '0' || *s > '9')
                return DNA_OK;
        if (ref[0] == '\0' || strlen(ref) > 18)
            return DNA_OK;
    }
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[1] = {ref};
    PGresult *r = db_exec(c, by_id ? &BY_ID : &BY_EMAIL, 1, params);
    dna_status st = db_ok(r) ? DNA_OK : db_status_of(r);
    if (st == DNA_OK && PQntuples(r) == 1)
        *id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    db_release(c);
    return st == DNA_INVALID ? DNA_OK : st;
}

static uint64_t hash_text(const char *a, const char *b)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = a; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h = (h ^ 0x1f) * 1099511628211ULL;
    for (const char *p = b; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return h;
}

dna_status revocation_resolve(const char *ref, const char *claim, time_t now, int64_t *id)
{
    pthread_once(&once, init);
    char key[REF_MAX];
    int n = snprintf(key, sizeof key, "%s\x1f%s", claim, ref);
    if (n < 0 || (size_t)n >= sizeof key)
        return resolve_from_db(ref, claim, id); /* too long to cache */
    ref_slot *s = &refs[hash_text(claim, ref) & (SLOTS - 1)];
    int known = 0;
    pthread_mutex_lock(&s->lock);
    if (strcmp(s->ref, key) == 0 && now - s->fetched < ttl && now >= s->fetched) {
        *id = s->member_id;
        known = 1;
    }
    pthread_mutex_unlock(&s->lock);
    if (known)
        return DNA_OK;
    dna_status st = resolve_from_db(ref, claim, id);
    if (st != DNA_OK)
        return st;
    pthread_mutex_lock(&s->lock);
    memcpy(s->ref, key, (size_t)n + 1);
    s->member_id = *id;
    s->fetched = now;
    pthread_mutex_unlock(&s->lock);
    return DNA_OK;
}
