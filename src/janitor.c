/* janitor.c: the scheduled deletes, one statement a run. */
#include "janitor.h"

#include <stdlib.h>

#include "db.h"
#include "log.h"
#include "logins.h"

static time_t last_run;

#define STR2(x) #x
#define STR(x) STR2(x)

static const db_stmt PURGE = {
    "janitor_purge",
    "WITH keys AS (DELETE FROM idempotency_keys WHERE expires_at <= now() RETURNING 1),"
    " logins AS (DELETE FROM login_attempts"
    "   WHERE window_start < now() - make_interval(secs => " STR(
        LOGINS_WINDOW_S) ") RETURNING 1)"
                         " SELECT (SELECT count(*) FROM keys) + (SELECT count(*) FROM logins)"};

long janitor_run(time_t now)
{
    if (now - last_run < JANITOR_INTERVAL_S && now >= last_run)
        return 0;
    last_run = now;
    db_conn *c = db_acquire();
    if (c == NULL)
        return 0;
    PGresult *r = db_exec(c, &PURGE, 0, NULL);
    long n = db_ok(r) && PQntuples(r) == 1 ? strtol(PQgetvalue(r, 0, 0), NULL, 10) : 0;
    if (!db_ok(r))
        log_event(LOG_WARN, "janitor: the purge failed; it runs again in a minute", NULL);
    PQclear(r);
    db_release(c);
    return n;
}
