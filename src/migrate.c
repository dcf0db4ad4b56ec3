/* migrate.c: applies db/migrations (embedded in the binary) in name order.
 * Two servers starting at once are safe: the advisory lock serialises them
 * and the second finds nothing left to do. */
#include "migrate.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "embedded.h"

#define LOCK_KEY "7305119421"

static int exec_ok(PGconn *conn, const char *sql)
{
    PGresult *r = PQexec(conn, sql);
    int ok = r && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
    if (!ok)
        fprintf(stderr, "dna-api: migration step failed: %s", PQerrorMessage(conn));
    PQclear(r);
    return ok;
}

static const char *CHECKSUM_SQL = "SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')";

static int checksum(PGconn *conn, const embedded_file *f, char out[65])
{
    const char *params[1] = {f->data};
    PGresult *r = PQexecParams(conn, CHECKSUM_SQL, 1, NULL, params, NULL, NULL, 0);
    int ok = r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1;
    if (ok)
        snprintf(out, 65, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    return ok ? 0 : -1;
}

/* The checksum recorded for `name`: 1 found, 0 not applied, -1 error. */
static int recorded(PGconn *conn, const char *name, char out[65])
{
    const char *params[1] = {name};
    PGresult *r = PQexecParams(conn, "SELECT checksum FROM schema_migrations WHERE name = $1", 1, NULL,
                               params, NULL, NULL, 0);
    if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
        PQclear(r);
        return -1;
    }
    int found = PQntuples(r) == 1;
    if (found)
        snprintf(out, 65, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    return found;
}

int migrate_apply(PGconn *conn)
{
    if (!exec_ok(conn, "SET client_min_messages = warning") ||
        !exec_ok(conn, "SELECT pg_advisory_lock(" LOCK_KEY ")"))
        return -1;
    int applied = 0;
    if (!exec_ok(conn, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                       " name text PRIMARY KEY, checksum text NOT NULL,"
                       " applied_at timestamptz NOT NULL DEFAULT now())")) {
        applied = -1;
        goto unlock;
    }
    for (size_t i = 0; i < EMBED_MIGRATIONS_COUNT; i++) {
        const embedded_file *f = &EMBED_MIGRATIONS[i];
        char want[65], have[65];
        int state = recorded(conn, f->name, have);
        if (state < 0 || checksum(conn, f, want) != 0) {
            fprintf(stderr, "dna-api: cannot read schema_migrations: %s", PQerrorMessage(conn));
            applied = -1;
            break;
        }
        if (state == 1) {
            if (strcmp(have, want) != 0) {
                fprintf(stderr,
                        "dna-api: migration %s was changed after it was applied (checksum %s, now %s);"
                        " add a new migration instead of editing an applied one\n",
                        f->name, have, want);
                applied = -1;
                break;
            }
            continue;
        }
        if (!exec_ok(conn, "BEGIN")) {
            applied = -1;
            break;
        }
        PGresult *r = PQexec(conn, f->data);
        int ok = r && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
        if (!ok)
            fprintf(stderr, "dna-api: migration %s failed: %s", f->name, PQerrorMessage(conn));
        PQclear(r);
        if (ok) {
            const char *params[2] = {f->name, want};
            r = PQexecParams(conn, "INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", 2, NULL,
                             params, NULL, NULL, 0);
            ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
        }
        if (!ok || !exec_ok(conn, "COMMIT")) {
            exec_ok(conn, "ROLLBACK");
            applied = -1;
            break;
        }
        fprintf(stderr, "dna-api: applied migration %s\n", f->name);
        applied++;
    }
unlock:
    exec_ok(conn, "SELECT pg_advisory_unlock(" LOCK_KEY ")");
    return applied;
}

int migrate_pending(PGconn *conn)
{
    PGresult *r = PQexec(conn, "SELECT name FROM schema_migrations");
    if (r == NULL || PQresultStatus(r) != PGRES_TUPLES_OK) {
        PQclear(r);
        return -1;
    }
    int pending = 0;
    for (size_t i = 0; i < EMBED_MIGRATIONS_COUNT; i++) {
        int found = 0;
        for (int k = 0; k < PQntuples(r) && !found; k++)
            found = strcmp(PQgetvalue(r, k, 0), EMBED_MIGRATIONS[i].name) == 0;
        pending += !found;
    }
    PQclear(r);
    return pending;
}

int migrate_check(void)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return -1;
    int pending = migrate_pending(db_pg(c));
    db_release(c);
    return pending;
}
