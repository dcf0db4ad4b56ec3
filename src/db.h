/* db.h: the libpq connection pools, named prepared statements, transactions,
 * row streams for exports.
 *
 * How a service uses it (src/rules.c is the worked example):
 *   - declare each statement `static const db_stmt NAME = {"rules_get", "SELECT ..."};`
 *     next to the service; parameters are text ($1, $2, ...; NULL is SQL
 *     NULL) and every one is cast in the SQL ($1::bigint);
 *   - a read: c = db_acquire(); db_fetch_doc(c, &GET, ...) or db_exec(...);
 *     db_release(c);
 *   - a write: db_write_run() (db_write.h): the one locked-write skeleton;
 *   - a listing: a listing_def (listing.h): filters and sorts declared once.
 *
 * A connection is checked out by one thread at a time. Statements are
 * prepared lazily on each connection. A connection that breaks is replaced
 * on its next checkout; one left inside a transaction is rolled back when
 * returned. After a lost connection a statement is re-run on a fresh one
 * only when that is safe: a plain SELECT (or BEGIN) outside a transaction.
 * A write is never re-run: the server may have committed it before the
 * connection died, and a retry would write it twice. */
#ifndef DNA_DB_H
#define DNA_DB_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>

#include "result.h"

typedef struct db_conn db_conn;

/* A named, parameterised statement. */
typedef struct {
    const char *name;
    const char *sql;
} db_stmt;

/* Every pooled connection runs each statement under this limit (DNA_STATEMENT_TIMEOUT;
 * 30 s unless set before the pools connect). */
void db_set_statement_timeout(int seconds);

int db_pool_init(const char *conninfo, int size, int checkout_timeout_ms);
/* A second pool on a read replica (DNA_DATABASE_READ_URL) for stats; without
 * it, those reads use the primary. */
int db_pool_init_replica(const char *conninfo, int size, int checkout_timeout_ms);
/* The exports' own pool (DNA_EXPORT_CONNECTIONS), on the replica when there
 * is one: a stream holds one of its `size` connections, never one of the
 * pools that answer requests, and finds one free at once or is refused
 * (DNA_BUSY). */
int db_pool_init_exports(const char *conninfo, int size);
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
 * may carry an error status: inspect it with db_ok / db_status_of. */
PGresult *db_exec(db_conn *c, const db_stmt *st, int nparams, const char *const *params);
/* Runs plain SQL without parameters (BEGIN, COMMIT, ...). Returns 0 on success. */
int db_command(db_conn *c, const char *sql);
int db_begin(db_conn *c);
int db_commit(db_conn *c);
void db_rollback(db_conn *c);

/* 1 when res is a success (TUPLES_OK, COMMAND_OK or a single row). */
int db_ok(const PGresult *res);
/* The SQLSTATE of a failed result, or "" */
const char *db_sqlstate(const PGresult *res);
/* Maps a failed statement to a result: unique violation -> DNA_CONFLICT,
 * check/fk violation -> DNA_INVALID, connection loss -> DNA_UNAVAILABLE,
 * else DNA_ERROR. NULL res counts as connection loss. For field errors
 * named after the constraint, use db_error (db_write.h). */
dna_status db_status_of(const PGresult *res);
/* The first value of a one-row result as a malloc'd string (NULL when there
 * is no row, the value is NULL, or memory is short). */
char *db_first_value(const PGresult *res);

/* The raw connection, for the database layer's own modules (migrate). */
PGconn *db_pg(db_conn *c);

/* One resource as JSON text built by PostgreSQL, with its key (the id, or a
 * code) and version (for the ETag). `json` is malloc'd and owned by the
 * holder: db_doc_free. */
typedef struct {
    char *json;
    char key[64];
    long long version;
} db_doc;

void db_doc_free(db_doc *d);
/* Runs a statement whose first parameter is the resource's key and that
 * answers at most one row (json text, version), and fills *out:
 * DNA_NOT_FOUND when there is no row. */
dna_status db_fetch_doc(db_conn *c, const db_stmt *st, int nparams, const char *const *params, db_doc *out);

/* ---- streams: every row of a long read, one at a time ---------------------
 * The statement runs as a cursor in a read-only transaction on a connection
 * of the pool asked for, fetched in batches of about 512 KB (db.c): each
 * FETCH is a short statement under the statement timeout, however long the
 * client takes to read the whole, and memory holds one batch. db_stream_open
 * fetches the first batch, so a failing query is still a result before
 * anything was sent to the client. The connection goes back to the pool with
 * the last batch, or when the stream is closed early (the transaction, and
 * the query with it, rolled back at once). */
typedef struct db_stream db_stream;

/* Where a stream's connection comes from: the exports' pool, taken without
 * waiting (DNA_BUSY when every export connection is streaming), or the read
 * pool like any read (a calendar: a member's few rows, which long exports
 * must not hold up). */
typedef enum { DB_STREAM_EXPORT, DB_STREAM_READ } db_stream_pool;

dna_status db_stream_open(db_stream_pool pool, const db_stmt *st, int nparams, const char *const *params,
                          db_stream **out);
/* 1: the next row is current; 0: no more rows; -1: the query failed. */
int db_stream_next(db_stream *s);
/* The columns of the result (also after the last row). */
int db_stream_columns(const db_stream *s);
const char *db_stream_column_name(const db_stream *s, int col);
int db_stream_column_is_bool(const db_stream *s, int col);
/* The current row's value (NULL for SQL NULL) and its length. */
const char *db_stream_value(const db_stream *s, int col, size_t *len);
/* Ends the stream; one still running is rolled back. */
void db_stream_close(db_stream *s);

/* Pool figures for /metrics. */
void db_pool_stats(int *in_use, int *idle, int *waiting);
/* Exports streaming now, the most that may, and how many were refused. */
void db_export_stats(int *running, int *limit, unsigned long long *refused);

/* Opens a standalone connection (migrate, seed). NULL on error, with
 * libpq's reason in `why` (may be NULL) when one was given. */
PGconn *db_connect_once(const char *conninfo, char *why, size_t whylen);

#endif
