/* Unit tests against a real PostgreSQL (DNA_TEST_DATABASE_URL, set by
 * scripts/test.sh to the throwaway cluster after the demo seed): the pool's
 * retry policy and listings whose filters are bound by name. */
#include <stdlib.h>
#include <unistd.h>

#include "db.h"
#include "harness.h"
#include "listing.h"
#include "members.h"
#include "params.h"

static const char *url;

static PGresult *plain(PGconn *pg, const char *sql)
{
    PGresult *r = PQexec(pg, sql);
    if (!r || (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK))
        fprintf(stderr, "  sql failed: %s: %s", sql, PQerrorMessage(pg));
    return r;
}

static long count(PGconn *pg, const char *sql)
{
    PGresult *r = plain(pg, sql);
    long n = r && PQntuples(r) == 1 ? strtol(PQgetvalue(r, 0, 0), NULL, 10) : -1;
    PQclear(r);
    return n;
}

/* The server commits a write, then the connection dies before the answer
 * arrives (dblink commits it in a session of its own, then the statement's
 * backend is terminated). The pool must not run the write again on a fresh
 * connection: the row would be written twice. */
static void write_not_retried_after_lost_connection(void)
{
    PGconn *admin = db_connect_once(url, NULL, 0);
    CHECK(admin != NULL);
    if (admin == NULL)
        return;
    PQclear(plain(admin, "CREATE EXTENSION IF NOT EXISTS dblink"));
    PQclear(plain(admin, "DROP TABLE IF EXISTS write_probe; CREATE TABLE write_probe (note text)"));
    static const db_stmt WRITE = {"test_write_then_die",
                                  "WITH remote AS MATERIALIZED (SELECT dblink_exec($1::text,"
                                  "   'INSERT INTO write_probe (note) VALUES (''committed'')') AS r)"
                                  " INSERT INTO write_probe (note) SELECT 'local' FROM remote WHERE "
                                  "pg_terminate_backend(pg_backend_pid())"};
    db_conn *c = db_acquire();
    CHECK(c != NULL);
    if (c != NULL) {
        const char *args[1] = {url};
        PGresult *r = db_exec(c, &WRITE, 1, args);
        CHECK(r == NULL); /* the connection died: a failure, not a second try */
        PQclear(r);
        db_release(c);
    }
    CHECK(count(admin, "SELECT count(*) FROM write_probe WHERE note = 'committed'") == 1);
    CHECK(count(admin, "SELECT count(*) FROM write_probe WHERE note = 'local'") == 0);
    PQclear(plain(admin, "DROP TABLE write_probe"));
    PQfinish(admin);
}

/* A pooled connection whose backend went away while idle: a read is run
 * again on a fresh connection (nothing could have been written), a write
 * is not (the caller answers 503 and the client may retry). */
static void read_retried_write_not_after_idle_loss(void)
{
    static const db_stmt PID = {"test_pid", "SELECT pg_backend_pid()"};
    static const db_stmt TOUCH = {"test_touch", "UPDATE app_settings SET value = value WHERE key = 'none'"};
    PGconn *admin = db_connect_once(url, NULL, 0);
    CHECK(admin != NULL);
    if (admin == NULL)
        return;
    for (int write = 0; write < 2; write++) {
        db_conn *c = db_acquire();
        CHECK(c != NULL);
        if (c == NULL)
            break;
        PGresult *r = db_exec(c, &PID, 0, NULL);
        CHECK(db_ok(r));
        char kill[128];
        snprintf(kill, sizeof kill, "SELECT pg_terminate_backend(%s)", db_ok(r) ? PQgetvalue(r, 0, 0) : "0");
        PQclear(r);
        PQclear(plain(admin, kill));
        usleep(100 * 1000);
        r = db_exec(c, write ? &TOUCH : &PID, 0, NULL);
        if (write)
            CHECK(r == NULL);
        else
            CHECK(db_ok(r));
        PQclear(r);
        db_release(c);
    }
    PQfinish(admin);
}

/* The same listing with its filter table reversed binds every value to the
 * same column: the generated SQL numbers the parameters differently, the
 * rows are the same. */
static void filters_bound_by_name(void)
{
    listing_filter reversed[LISTING_MAX_FILTERS + 1];
    int n = 0;
    while (MEMBERS_LIST.filters[n].name)
        n++;
    for (int i = 0; i < n; i++)
        reversed[i] = MEMBERS_LIST.filters[n - 1 - i];
    memset(&reversed[n], 0, sizeof reversed[n]);
    listing_def other = MEMBERS_LIST;
    other.name = "members_reversed";
    other.filters = reversed;
    CHECK(strcmp(listing_sql(&MEMBERS_LIST, "id", 0), listing_sql(&other, "id", 0)) != 0);

    static const char *const QUERIES[] = {
        "/x?department=DPZ&active=true&limit=500",
        "/x?role=member&joined_from=2000-01-01&joined_to=2100-01-01&sort=-joined_at&limit=7",
        "/x?q=a&department=SZW&sort=name",
        NULL,
    };
    for (const char *const *q = QUERIES; *q; q++) {
        char *pages[2] = {NULL, NULL};
        const listing_def *defs[2] = {&MEMBERS_LIST, &other};
        for (int k = 0; k < 2; k++) {
            params query;
            dna_err e;
            dna_err_init(&e);
            CHECK(params_parse(*q, &query, &e) == 0);
            listing_query lq;
            CHECK(listing_parse(defs[k], &query, &lq, &e) == DNA_OK);
            CHECK(listing_bind(&lq, "pseudo", "false") == 0);
            size_t len = 0;
            char next[CURSOR_MAX];
            CHECK(listing_page(&lq, &pages[k], &len, next) == DNA_OK);
            params_free(&query);
            dna_err_clear(&e);
        }
        CHECK(pages[0] != NULL && pages[1] != NULL && strcmp(pages[0], pages[1]) == 0);
        CHECK(pages[0] != NULL && strstr(pages[0], "\"id\":") != NULL); /* rows came back */
        free(pages[0]);
        free(pages[1]);
    }
}

int main(void)
{
    url = getenv("DNA_TEST_DATABASE_URL");
    if (url == NULL || url[0] == '\0') {
        printf("%s: 0 passed, 1 failed (DNA_TEST_DATABASE_URL is not set)\n", __FILE__);
        return 1;
    }
    if (db_pool_init(url, 2, 2000) != 0)
        return 1;
    RUN(write_not_retried_after_lost_connection);
    RUN(read_retried_write_not_after_idle_loss);
    RUN(filters_bound_by_name);
    db_pool_shutdown();
    HARNESS_END();
}
