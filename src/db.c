/* db.c: the libpq pools (mutex + condition variable, checkout timeout on
 * the monotonic clock), lazily prepared named statements per connection,
 * transactions, reconnects that never re-run a write, row streams over a
 * cursor. */
#include "db.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "text.h"

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

/* The primary, a read replica for stats when configured, and the exports'. */
static db_pool primary = {.lock = PTHREAD_MUTEX_INITIALIZER};
static db_pool replica = {.lock = PTHREAD_MUTEX_INITIALIZER};
static db_pool exports = {.lock = PTHREAD_MUTEX_INITIALIZER};
static atomic_ullong exports_refused;

static int statement_timeout_s = 30;

void db_set_statement_timeout(int seconds)
{
    statement_timeout_s = seconds;
}

static void silent_notice(void *arg, const PGresult *res)
{
    (void)arg;
    (void)res;
}

/* Our defaults come first; the configured string (dbname, expanded) comes
 * last so that whatever it says wins. No JIT: our statements are short or
 * stream (an export's JIT compilation alone took ~230 ms of ~860). */
PGconn *db_connect_once(const char *conninfo, char *why, size_t whylen)
{
    if (why && whylen)
        why[0] = '\0';
    const char *keys[] = {"connect_timeout",
                          "keepalives",
                          "keepalives_idle",
                          "keepalives_interval",
                          "keepalives_count",
                          "application_name",
                          "options",
                          "dbname",
                          NULL};
    char options[128];
    snprintf(options, sizeof options,
             "-c statement_timeout=%d -c idle_in_transaction_session_timeout=60000 -c jit=off",
             statement_timeout_s * 1000);
    const char *vals[] = {"2", "1", "30", "10", "3", "dna-api", options, conninfo, NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    if (pg == NULL)
        return NULL;
    if (PQstatus(pg) != CONNECTION_OK) {
        if (why && whylen) {
            text_clip(why, whylen, PQerrorMessage(pg));
            why[strcspn(why, "\n")] = '\0';
        }
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
    pool->conninfo = strdup(conninfo);
    pthread_condattr_t attr;
    if (pool->conns == NULL || pool->idle == NULL || pool->conninfo == NULL ||
        pthread_condattr_init(&attr) != 0)
        return -1;
    /* The checkout deadline must not jump with the wall clock. */
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    int rc = pthread_cond_init(&pool->freed, &attr);
    pthread_condattr_destroy(&attr);
    if (rc != 0)
        return -1;
    pool->size = size;
    pool->timeout_ms = checkout_timeout_ms;
    for (int i = 0; i < size; i++) {
        pool->conns[i].index = i;
        pool->conns[i].owner = pool;
        pool->idle[pool->nidle++] = i;
    }
    return 0;
}

/* Asks the server to stop the statement this connection runs: closing the
 * socket alone lets the server go on until it next writes to it. */
static void cancel_running(PGconn *pg)
{
    PGcancel *cancel = PQgetCancel(pg);
    char why[256];
    if (cancel != NULL)
        PQcancel(cancel, why, sizeof why);
    PQfreeCancel(cancel);
}

static void conn_close(db_conn *c)
{
    if (c->pg && PQtransactionStatus(c->pg) == PQTRANS_ACTIVE)
        cancel_running(c->pg);
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

/* No wait for a free connection: an export either starts now or is told to
 * come back, and never holds a worker thread while it waits. */
int db_pool_init_exports(const char *conninfo, int size)
{
    return pool_init(&exports, conninfo, size, 0);
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
    pool_shutdown(&exports);
}

/* Checks out a connection slot, waiting up to the pool's timeout for one to
 * come back; NULL when none does. The slot may not be connected yet. */
static db_conn *pool_take(db_pool *pool)
{
    if (pool->size == 0)
        return NULL;
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
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
    return c;
}

/* Connects or reconnects a taken slot, outside the lock: a broken server
 * must not stall the other threads' checkouts. 0, or -1 with the slot given
 * back. */
static int conn_open(db_conn *c)
{
    if (c->pg != NULL && PQstatus(c->pg) != CONNECTION_OK)
        conn_close(c);
    if (c->pg == NULL) {
        c->pg = db_connect_once(c->owner->conninfo, NULL, 0);
        if (c->pg == NULL) {
            db_release(c);
            return -1;
        }
    }
    return 0;
}

static db_conn *pool_acquire(db_pool *pool)
{
    db_conn *c = pool_take(pool);
    return c != NULL && conn_open(c) == 0 ? c : NULL;
}

db_conn *db_acquire(void)
{
    return pool_acquire(&primary);
}

/* The read pool: the replica's when configured, else the primary's. */
static db_pool *read_pool(void)
{
    return replica.size > 0 ? &replica : &primary;
}

db_conn *db_acquire_read(void)
{
    return pool_acquire(read_pool());
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

/* A statement that may run again after a lost connection: a plain read.
 * Anything else (INSERT, UPDATE, a WITH that writes, a function call) may
 * have been committed by the server before the connection died. */
static int retry_safe(const char *sql)
{
    while (*sql == ' ' || *sql == '\n' || *sql == '\t')
        sql++;
    return strncasecmp(sql, "SELECT ", 7) == 0 || strcasecmp(sql, "BEGIN") == 0;
}

/* A pooled connection whose server restarted fails on first use. When the
 * connection was idle (no transaction to lose) and the statement is safe to
 * repeat, reconnect once and let the caller run it again. */
static int reconnect_for_retry(db_conn *c, int was_idle, const char *sql)
{
    if (!was_idle || !c->broken || !retry_safe(sql))
        return 0;
    conn_close(c);
    c->pg = db_connect_once(c->owner->conninfo, NULL, 0);
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
    if (r == NULL && reconnect_for_retry(c, was_idle, st->sql))
        r = exec_once(c, st, nparams, params);
    return r;
}

static int prepare(db_conn *c, const db_stmt *st, PGresult **failed)
{
    *failed = NULL;
    if (is_prepared(c, st))
        return 0;
    PGresult *prep = check_conn(c, PQprepare(c->pg, st->name, st->sql, 0, NULL));
    if (prep == NULL)
        return -1;
    if (PQresultStatus(prep) != PGRES_COMMAND_OK) {
        *failed = prep; /* the caller sees the error (a bug in our SQL, or an aborted transaction) */
        return -1;
    }
    PQclear(prep);
    remember_prepared(c, st);
    return 0;
}

static PGresult *exec_once(db_conn *c, const db_stmt *st, int nparams, const char *const *params)
{
    PGresult *failed;
    if (prepare(c, st, &failed) != 0)
        return failed;
    return check_conn(c, PQexecPrepared(c->pg, st->name, nparams, params, NULL, NULL, 0));
}

int db_command(db_conn *c, const char *sql)
{
    if (c == NULL || c->pg == NULL || c->broken)
        return -1;
    int was_idle = PQtransactionStatus(c->pg) == PQTRANS_IDLE;
    PGresult *r = check_conn(c, PQexec(c->pg, sql));
    if (r == NULL && reconnect_for_retry(c, was_idle, sql))
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

void db_pool_stats(int *in_use, int *idle, int *waiting)
{
    db_pool *pool = &primary;
    pthread_mutex_lock(&pool->lock);
    *idle = pool->nidle;
    *in_use = pool->size - pool->nidle;
    *waiting = pool->waiting;
    pthread_mutex_unlock(&pool->lock);
}

void db_export_stats(int *running, int *limit, unsigned long long *refused)
{
    pthread_mutex_lock(&exports.lock);
    *running = exports.size - exports.nidle;
    *limit = exports.size;
    pthread_mutex_unlock(&exports.lock);
    *refused = atomic_load(&exports_refused);
}

void db_doc_free(db_doc *d)
{
    free(d->json);
    d->json = NULL;
}

char *db_first_value(const PGresult *res)
{
    if (res == NULL || PQntuples(res) < 1 || PQnfields(res) < 1 || PQgetisnull(res, 0, 0))
        return NULL;
    return strdup(PQgetvalue(res, 0, 0));
}

dna_status db_fetch_doc(db_conn *c, const db_stmt *st, int nparams, const char *const *params, db_doc *out)
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
    if (out->json != NULL)
        text_json_compact(out->json, strlen(out->json));
    out->version = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
    text_clip(out->key, sizeof out->key, nparams > 0 ? params[0] : "");
    PQclear(r);
    return out->json ? DNA_OK : DNA_ERROR;
}

/* ---- streams ---------------------------------------------------------------- */

#define STREAM_CURSOR "dna_stream"
/* The first batch is small, so that the first bytes leave soon; later ones
 * aim at STREAM_BATCH_BYTES from the size of the rows so far, within
 * STREAM_MIN_ROWS..STREAM_MAX_ROWS: the upper bound holds a batch's memory
 * when rows suddenly grow (a report's texts reach ~26,000 characters). */
#define STREAM_FIRST_ROWS 128
#define STREAM_MIN_ROWS 16
#define STREAM_MAX_ROWS 1000
#define STREAM_BATCH_BYTES (512 * 1024)
/* Between two FETCHes the transaction waits for the client to take a batch.
 * A client that takes nothing for the idle timeout is disconnected anyway;
 * one that reads, however slowly (here: 1 KB/s), keeps its export. */
#define STREAM_IDLE_LIMIT "10min"

struct db_stream {
    db_conn *conn;   /* NULL once the last batch is in (the connection is back in the pool) */
    PGresult *batch; /* the rows at hand; the last batch stays for its columns */
    int at;          /* the current row of batch; -1 before its first */
    int want;        /* the rows the next FETCH asks for */
};

/* Opens the cursor in a read-only transaction that may wait for the client. */
static dna_status stream_declare(db_stream *s, const db_stmt *st, int nparams, const char *const *params)
{
    db_conn *c = s->conn;
    if (db_begin(c) != 0 ||
        db_command(
            c,
            "SET TRANSACTION READ ONLY; SET LOCAL idle_in_transaction_session_timeout = '" STREAM_IDLE_LIMIT
            "'") != 0)
        return DNA_UNAVAILABLE;
    static const char DECLARE[] = "DECLARE " STREAM_CURSOR " NO SCROLL CURSOR FOR ";
    size_t sql_len = strlen(st->sql);
    char *sql = malloc(sizeof DECLARE + sql_len);
    if (sql == NULL)
        return DNA_ERROR;
    memcpy(sql, DECLARE, sizeof DECLARE - 1);
    memcpy(sql + sizeof DECLARE - 1, st->sql, sql_len + 1);
    PGresult *r = check_conn(c, PQexecParams(c->pg, sql, nparams, NULL, params, NULL, NULL, 0));
    free(sql);
    dna_status status = r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK ? DNA_OK : db_status_of(r);
    PQclear(r);
    return status;
}

/* The rows of the next batch: as many as fill about STREAM_BATCH_BYTES. */
static int batch_rows(const PGresult *batch)
{
    size_t rows = (size_t)PQntuples(batch), bytes = PQresultMemorySize(batch);
    size_t fit = bytes > 0 ? STREAM_BATCH_BYTES * rows / bytes : STREAM_MAX_ROWS;
    return fit < STREAM_MIN_ROWS ? STREAM_MIN_ROWS : fit > STREAM_MAX_ROWS ? STREAM_MAX_ROWS : (int)fit;
}

/* The last batch is in: the transaction ends and the connection goes back. */
static void stream_end(db_stream *s)
{
    db_commit(s->conn);
    db_release(s->conn);
    s->conn = NULL;
}

/* Fetches the next batch into s->batch. DNA_OK, or why not. */
static dna_status stream_fetch(db_stream *s)
{
    char sql[64];
    snprintf(sql, sizeof sql, "FETCH FORWARD %d FROM " STREAM_CURSOR, s->want);
    PGresult *r = check_conn(s->conn, PQexec(s->conn->pg, sql));
    if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
        dna_status status = db_status_of(r);
        PQclear(r);
        return status;
    }
    PQclear(s->batch);
    s->batch = r;
    s->at = -1;
    if (PQntuples(r) < s->want)
        stream_end(s);
    else
        s->want = batch_rows(r);
    return DNA_OK;
}

dna_status db_stream_open(db_stream_pool pool, const db_stmt *st, int nparams, const char *const *params,
                          db_stream **out)
{
    *out = NULL;
    db_conn *c = pool_take(pool == DB_STREAM_EXPORT ? &exports : read_pool());
    if (c == NULL && pool == DB_STREAM_EXPORT)
        atomic_fetch_add(&exports_refused, 1);
    if (c == NULL)
        return pool == DB_STREAM_EXPORT ? DNA_BUSY : DNA_UNAVAILABLE;
    if (conn_open(c) != 0)
        return DNA_UNAVAILABLE;
    db_stream *s = calloc(1, sizeof *s);
    if (s == NULL) {
        db_release(c);
        return DNA_ERROR;
    }
    s->conn = c;
    s->at = -1;
    s->want = STREAM_FIRST_ROWS;
    dna_status status = stream_declare(s, st, nparams, params);
    if (status == DNA_OK)
        status = stream_fetch(s);
    if (status != DNA_OK) {
        db_stream_close(s);
        return status;
    }
    *out = s;
    return DNA_OK;
}

int db_stream_next(db_stream *s)
{
    if (s->batch != NULL && s->at + 1 < PQntuples(s->batch)) {
        s->at++;
        return 1;
    }
    if (s->conn == NULL)
        return 0;
    if (stream_fetch(s) != DNA_OK)
        return -1;
    if (PQntuples(s->batch) == 0)
        return 0;
    s->at = 0;
    return 1;
}

int db_stream_columns(const db_stream *s)
{
    return s->batch ? PQnfields(s->batch) : 0;
}

const char *db_stream_column_name(const db_stream *s, int col)
{
    return s->batch ? PQfname(s->batch, col) : "";
}

#define BOOLOID 16 /* pg_type.h: the OID of boolean */

int db_stream_column_is_bool(const db_stream *s, int col)
{
    return s->batch && PQftype(s->batch, col) == BOOLOID;
}

const char *db_stream_value(const db_stream *s, int col, size_t *len)
{
    if (s->batch == NULL || s->at < 0 || s->at >= PQntuples(s->batch) || PQgetisnull(s->batch, s->at, col)) {
        *len = 0;
        return NULL;
    }
    *len = (size_t)PQgetlength(s->batch, s->at, col);
    return PQgetvalue(s->batch, s->at, col);
}

void db_stream_close(db_stream *s)
{
    if (s == NULL)
        return;
    PQclear(s->batch);
    /* Closed before its last batch (the client went away, or a FETCH
     * failed): db_release rolls the transaction back, cursor and all. */
    if (s->conn != NULL)
        db_release(s->conn);
    free(s);
}
