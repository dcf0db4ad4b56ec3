/* db.h: the libpq connection pool, named prepared statements, transactions.
 *
 * A connection is checked out by one thread at a time. Statements are named
 * and prepared lazily on each connection. A connection that breaks is
 * replaced on its next checkout; one left inside a transaction is rolled back
 * when returned. */
#ifndef DNA_DB_H
#define DNA_DB_H

#include <libpq-fe.h>
#include <stdint.h>

#include "result.h"

typedef struct db_conn db_conn;

/* A named, parameterised statement. Define them `static const` next to the
 * service that uses them. */
typedef struct {
    const char *name;
    const char *sql;
} db_stmt;

/* One sort order of a listing and the statement that answers it (see
 * api/list.h for the parameter convention). */
typedef struct {
    const char *sort; /* "name", "-name", ... ; NULL ends a list */
    const db_stmt *stmt;
    /* Optional: the same rows as plain columns (same parameters), for CSV
     * exports that must not pay for building JSON per row. */
    const db_stmt *columns;
} list_sort;

int db_pool_init(const char *conninfo, int size, int checkout_timeout_ms);
/* A second pool on a read replica (DNA_DATABASE_READ_URL) for stats and
 * exports; without it, reads use the primary. */
int db_pool_init_replica(const char *conninfo, int size, int checkout_timeout_ms);
void db_pool_shutdown(void);

/* Checks out a connection; NULL when none frees up within the timeout or the
 * database cannot be reached (map to DNA_UNAVAILABLE). */
db_conn *db_acquire(void);
/* Checks out a connection for a long read (exports, stats): the replica's
 * when configured, else the primary's. */
db_conn *db_acquire_read(void);
void db_release(db_conn *c);

/* Runs a named statement with text parameters (NULL = SQL NULL). Returns the
 * result (caller PQclear()s it) or NULL on a connection failure. The result
 * may carry an error status: inspect it with db_ok / db_sqlstate. */
PGresult *db_exec(db_conn *c, const db_stmt *st, int nparams, const char *const *params);
/* Prepares `st` on this connection if it is not yet (for PQsendQueryPrepared
 * in streams). Returns 0 on success. */
int db_prepare(db_conn *c, const db_stmt *st);
/* Runs plain SQL without parameters (BEGIN, COMMIT, ...). Returns 0 on success. */
int db_command(db_conn *c, const char *sql);
int db_begin(db_conn *c);
int db_commit(db_conn *c);
void db_rollback(db_conn *c);

/* 1 when res is a success (TUPLES_OK or COMMAND_OK). */
int db_ok(const PGresult *res);
/* The SQLSTATE of a failed result, or "" */
const char *db_sqlstate(const PGresult *res);
/* Maps a failed statement to a result: unique violation -> DNA_CONFLICT,
 * check/fk violation -> DNA_INVALID, connection loss -> DNA_UNAVAILABLE,
 * else DNA_ERROR. NULL res counts as connection loss. */
dna_status db_status_of(const PGresult *res);

/* The raw connection, for COPY and single-row streaming. */
PGconn *db_pg(db_conn *c);
/* Marks the connection broken so it is replaced. */
void db_mark_broken(db_conn *c);

/* One resource as JSON text built by PostgreSQL, with its id and version
 * (for the ETag). `json` is malloc'd and owned by the holder: db_doc_free. */
typedef struct {
    char *json;
    int64_t id;
    long long version;
} db_doc;

void db_doc_free(db_doc *d);
/* Runs a statement that answers at most one row (json text, version) and
 * fills *out for resource `id`: DNA_NOT_FOUND when there is no row. */
dna_status db_fetch_doc(db_conn *c, const db_stmt *st, int nparams, const char *const *params, int64_t id,
                        db_doc *out);

/* Pool figures for /metrics. */
void db_pool_stats(int *in_use, int *idle, int *waiting);
/* 1 when a connection can be checked out and answers SELECT 1. */
int db_ping(void);

/* Opens a standalone connection (migrate, seed). NULL and a message on error. */
PGconn *db_connect_once(const char *conninfo);

#endif
