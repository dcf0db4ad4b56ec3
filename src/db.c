/* db.c: the libpq pool (mutex + condition variable, checkout timeout),
 * lazily prepared named statements per connection, transactions, reconnects. */
#include "db.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct db_pool;

struct db_conn {
    struct db_pool *owner;
    PGconn *pg;
    const db_stmt **prepared; /* statements prepared on this connection */
    size_t nprepared, capprepared;
    int broken;
    int index;
};

typedef struct db_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    db_conn *conns;
    int *idle; /* stack of idle indexes */
    int nidle;
    int size;
    int waiting;
    int timeout_ms;
    char *conninfo;
} db_pool;

/* The primary, and a read replica for stats and exports when configured. */
static db_pool primary = {.lock = PTHREAD_MUTEX_INITIALIZER, .freed = PTHREAD_COND_INITIALIZER};
static db_pool replica = {.lock = PTHREAD_MUTEX_INITIALIZER, .freed = PTHREAD_COND_INITIALIZER};

static void silent_notice(void *arg, const PGresult *res)
{
    (void)arg;
    (void)res;
}

/* Our defaults come first; the configured string (dbname, expanded) comes
 * last so that whatever it says wins. No JIT: our statements are short or
 * stream (an export's JIT compilation alone took ~230 ms of ~860). */
PGconn *db_connect_once(const char *conninfo)
{
    const char *keys[] = {"connect_timeout",
                          "keepalives",
                          "keepalives_idle",
                          "keepalives_interval",
                          "keepalives_count",
                          "application_name",
                          "options",
                          "dbname",
                          NULL};
    const char *vals[] = {
        "2",
        "1",
        "30",
        "10",
        "3",
        "dna-api",
        "-c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000 -c jit=off",
        conninfo,
        NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    if (pg == NULL)
        return NULL;
    if (PQstatus(pg) != CONNECTION_OK) {
        PQfinish(pg);
        return NULL;
    }
    PQsetNoticeReceiver(pg, silent_notice, NULL);
    return pg;
}

static int pool_init(db_pool *pool, const char *conninfo, int size, int checkout_timeout_ms)
{
    pool->conns = calloc((size_t)size, sizeof *pool->conns);
    pool->idle = calloc((size_t)size, sizeof *pool->idle);
    if (pool->conns == NULL || pool->idle == NULL)
        return -1;
    pool->size = size;
    pool->timeout_ms = checkout_timeout_ms;
    pool->conninfo = strdup(conninfo);
    for (int i = 0; i < size; i++) {
        pool->conns[i].index = i;
        pool->conns[i].owner = pool;
        pool->idle[pool->nidle++] = i;
    }
    return 0;
}

static void conn_close(db_conn *c)
{
    if (c->pg)
        PQfinish(c->pg);
    c->pg = NULL;
    c->nprepared = 0;
    c->broken = 0;
}

int db_pool_init(const char *conninfo, int size, int checkout_timeout_ms)
{
    return pool_init(&primary, conninfo, size, checkout_timeout_ms);
}

int db_pool_init_replica(const char *conninfo, int size, int checkout_timeout_ms)
{
    return pool_init(&replica, conninfo, size, checkout_timeout_ms);
}

static void pool_shutdown(db_pool *pool)
{
    pthread_mutex_lock(&pool->lock);
    for (int i = 0; i < pool->size; i++) {
        conn_close(&pool->conns[i]);
        free(pool->conns[i].prepared);
    }
    free(pool->conns);
    free(pool->idle);
    free(pool->conninfo);
    pool->conns = NULL;
    pool->idle = NULL;
    pool->size = pool->nidle = 0;
    pthread_mutex_unlock(&pool->lock);
}

void db_pool_shutdown(void)
{
    pool_shutdown(&primary);
    pool_shutdown(&replica);
}

static db_conn *pool_acquire(db_pool *pool)
{
    if (pool->size == 0)
        return NULL;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += pool->timeout_ms / 1000;
    deadline.tv_nsec += (long)(pool->timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }

    pthread_mutex_lock(&pool->lock);
    pool->waiting++;
    while (pool->nidle == 0) {
        if (pthread_cond_timedwait(&pool->freed, &pool->lock, &deadline) == ETIMEDOUT && pool->nidle == 0) {
            pool->waiting--;
            pthread_mutex_unlock(&pool->lock);
            return NULL;
        }
    }
    pool->waiting--;
    db_conn *c = &pool->conns[pool->idle[--pool->nidle]];
    pthread_mutex_unlock(&pool->lock);

    /* Connect or reconnect outside the lock: a broken server must not stall
     * the other threads' checkouts. */
    if (c->pg != NULL && PQstatus(c->pg) != CONNECTION_OK)
        conn_close(c);
    if (c->pg == NULL) {
        c->pg = db_connect_once(pool->conninfo);
        if (c->pg == NULL) {
            db_release(c);
            return NULL;
        }
    }
    return c;
}

db_conn *db_acquire(void)
{
    return pool_acquire(&primary);
}

db_conn *db_acquire_read(void)
{
    return pool_acquire(replica.size > 0 ? &replica : &primary);
}

void db_release(db_conn *c)
{
    if (c == NULL)
        return;
    db_pool *pool = c->owner;
    if (c->pg != NULL && !c->broken) {
        PGTransactionStatusType ts = PQtransactionStatus(c->pg);
        if (ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR) {
            PGresult *r = PQexec(c->pg, "ROLLBACK");
            PQclear(r);
        } else if (ts != PQTRANS_IDLE) {
            /* Mid-query (an abandoned stream) or unknown: start afresh. */
            c->broken = 1;
        }
    }
    if (c->broken || (c->pg != NULL && PQstatus(c->pg) != CONNECTION_OK))
        conn_close(c);
    pthread_mutex_lock(&pool->lock);
    pool->idle[pool->nidle++] = c->index;
    pthread_cond_signal(&pool->freed);
    pthread_mutex_unlock(&pool->lock);
}

static int is_prepared(const db_conn *c, const db_stmt *st)
{
    for (size_t i = 0; i < c->nprepared; i++)
        if (c->prepared[i] == st)
            return 1;
    return 0;
}

static void remember_prepared(db_conn *c, const db_stmt *st)
{
    if (c->nprepared == c->capprepared) {
        size_t cap = c->capprepared ? c->capprepared * 2 : 32;
        const db_stmt **p = realloc(c->prepared, cap * sizeof *p);
        if (p == NULL)
            return;
        c->prepared = p;
        c->capprepared = cap;
    }
    c->prepared[c->nprepared++] = st;
}

static PGresult *check_conn(db_conn *c, PGresult *res)
{
    if (res == NULL || PQstatus(c->pg) != CONNECTION_OK) {
        c->broken = 1;
        PQclear(res);
        return NULL;
    }
    return res;
}

int db_prepare(db_conn *c, const db_stmt *st)
{
    if (c == NULL || c->pg == NULL || c->broken)
        return -1;
    if (is_prepared(c, st))
        return 0;
    PGresult *prep = check_conn(c, PQprepare(c->pg, st->name, st->sql, 0, NULL));
    int ok = prep != NULL && PQresultStatus(prep) == PGRES_COMMAND_OK;
    PQclear(prep);
    if (ok)
        remember_prepared(c, st);
    return ok ? 0 : -1;
}

/* A pooled connection whose server restarted fails on first use. Outside
 * a transaction nothing was lost, so reconnect once and let the caller retry. */
static int reconnect_if_idle_failure(db_conn *c, int was_idle)
{
    if (!was_idle || !c->broken)
        return 0;
    conn_close(c);
    c->pg = db_connect_once(c->owner->conninfo);
    if (c->pg == NULL) {
        c->broken = 1;
        return 0;
    }
    return 1;
}

static PGresult *exec_once(db_conn *c, const db_stmt *st, int nparams, const char *const *params);

PGresult *db_exec(db_conn *c, const db_stmt *st, int nparams, const char *const *params)
{
    if (c == NULL || c->pg == NULL || c->broken)
        return NULL;
    int was_idle = PQtransactionStatus(c->pg) == PQTRANS_IDLE;
    PGresult *r = exec_once(c, st, nparams, params);
    if (r == NULL && reconnect_if_idle_failure(c, was_idle))
        r = exec_once(c, st, nparams, params);
    return r;
}

static PGresult *exec_once(db_conn *c, const db_stmt *st, int nparams, const char *const *params)
{
    if (!is_prepared(c, st)) {
        PGresult *prep = check_conn(c, PQprepare(c->pg, st->name, st->sql, 0, NULL));
        if (prep == NULL)
            return NULL;
        if (PQresultStatus(prep) != PGRES_COMMAND_OK)
            return prep; /* the caller sees the error (a bug in our SQL, or aborted tx) */
        PQclear(prep);
        remember_prepared(c, st);
    }
    return check_conn(c, PQexecPrepared(c->pg, st->name, nparams, params, NULL, NULL, 0));
}

int db_command(db_conn *c, const char *sql)
{
    if (c == NULL || c->pg == NULL || c->broken)
        return -1;
    int was_idle = PQtransactionStatus(c->pg) == PQTRANS_IDLE;
    PGresult *r = check_conn(c, PQexec(c->pg, sql));
    if (r == NULL && reconnect_if_idle_failure(c, was_idle))
        r = check_conn(c, PQexec(c->pg, sql));
    int ok = r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    return ok ? 0 : -1;
}

int db_begin(db_conn *c)
{
    return db_command(c, "BEGIN");
}

int db_commit(db_conn *c)
{
    return db_command(c, "COMMIT");
}

void db_rollback(db_conn *c)
{
    if (c != NULL && c->pg != NULL && !c->broken && PQtransactionStatus(c->pg) != PQTRANS_IDLE)
        db_command(c, "ROLLBACK");
}

int db_ok(const PGresult *res)
{
    if (res == NULL)
        return 0;
    ExecStatusType s = PQresultStatus(res);
    return s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK || s == PGRES_SINGLE_TUPLE;
}

const char *db_sqlstate(const PGresult *res)
{
    const char *s = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    return s ? s : "";
}

dna_status db_status_of(const PGresult *res)
{
    if (res == NULL)
        return DNA_UNAVAILABLE;
    const char *s = db_sqlstate(res);
    if (strcmp(s, "23505") == 0)
        return DNA_CONFLICT;
    if (strcmp(s, "23514") == 0 || strcmp(s, "23503") == 0 || strcmp(s, "23502") == 0 ||
        strncmp(s, "22", 2) == 0)
        return DNA_INVALID;
    if (strcmp(s, "40001") == 0 || strcmp(s, "40P01") == 0)
        return DNA_CONFLICT;
    if (strncmp(s, "08", 2) == 0 || strcmp(s, "57P01") == 0 || strcmp(s, "57P03") == 0 ||
        strcmp(s, "57014") == 0)
        return DNA_UNAVAILABLE;
    return DNA_ERROR;
}

PGconn *db_pg(db_conn *c)
{
    return c ? c->pg : NULL;
}

void db_mark_broken(db_conn *c)
{
    if (c)
        c->broken = 1;
}

void db_pool_stats(int *in_use, int *idle, int *waiting)
{
    db_pool *pool = &primary;
    pthread_mutex_lock(&pool->lock);
    *idle = pool->nidle;
    *in_use = pool->size - pool->nidle;
    *waiting = pool->waiting;
    pthread_mutex_unlock(&pool->lock);
}

int db_ping(void)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return 0;
    PGresult *r = check_conn(c, PQexec(c->pg, "SELECT 1"));
    int ok = r != NULL && PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    db_release(c);
    return ok;
}

void db_doc_free(db_doc *d)
{
    free(d->json);
    d->json = NULL;
}

dna_status db_fetch_doc(db_conn *c, const db_stmt *st, int nparams, const char *const *params, int64_t id,
                        db_doc *out)
{
    PGresult *r = db_exec(c, st, nparams, params);
    if (!db_ok(r)) {
        dna_status status = db_status_of(r);
        PQclear(r);
        return status;
    }
    if (PQntuples(r) != 1) {
        PQclear(r);
        return DNA_NOT_FOUND;
    }
    out->json = strdup(PQgetvalue(r, 0, 0));
    out->version = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
    out->id = id;
    PQclear(r);
    return out->json ? DNA_OK : DNA_ERROR;
}
