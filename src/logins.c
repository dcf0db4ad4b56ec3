/* logins.c: the three windows of a login attempt, in one statement. */
#include "logins.h"

#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "dynbuf.h"

static const db_stmt ATTEMPT = {"logins_attempt",
                                "SELECT login_attempt($1::text[], $2::integer[], $3::integer)"};
static const db_stmt SUCCEEDED = {
    "logins_succeeded",
    "WITH gone AS (DELETE FROM login_attempts WHERE key = $1::text)"
    " UPDATE login_attempts SET count = greatest(count - 1, 0) WHERE key IN ($2::text, $3::text)"};

typedef struct {
    char pair[640], account[320], address[320];
} login_keys;

static void keys_of(const char *account, const char *address, login_keys *k)
{
    snprintf(k->pair, sizeof k->pair, "pair:%s|%s", account, address);
    snprintf(k->account, sizeof k->account, "account:%s", account);
    snprintf(k->address, sizeof k->address, "address:%s", address);
}

/* One element of a text[] literal, quoted: accounts and addresses come from
 * clients. */
static void quoted(dynbuf *b, const char *s)
{
    dynbuf_str(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            dynbuf_add(b, "\\", 1);
        dynbuf_add(b, p, 1);
    }
    dynbuf_str(b, "\"");
}

dna_status logins_attempt(const char *account, const char *address, int *retry_after)
{
    login_keys k;
    keys_of(account, address, &k);
    dynbuf keys;
    dynbuf_init(&keys, 4096);
    dynbuf_str(&keys, "{");
    quoted(&keys, k.pair);
    dynbuf_str(&keys, ",");
    quoted(&keys, k.account);
    dynbuf_str(&keys, ",");
    quoted(&keys, k.address);
    if (dynbuf_str(&keys, "}") != 0)
        return DNA_ERROR;
    char limits[64], window[16];
    snprintf(limits, sizeof limits, "{%d,%d,%d}", LOGINS_PAIR_LIMIT, LOGINS_ACCOUNT_LIMIT,
             LOGINS_ADDRESS_LIMIT);
    snprintf(window, sizeof window, "%d", LOGINS_WINDOW_S);
    const char *params[3] = {keys.data, limits, window};
    dna_status st = DNA_UNAVAILABLE;
    db_conn *c = db_acquire();
    if (c != NULL) {
        PGresult *r = db_exec(c, &ATTEMPT, 3, params);
        if (db_ok(r) && PQntuples(r) == 1) {
            int wait = atoi(PQgetvalue(r, 0, 0));
            st = wait > 0 ? DNA_TOO_MANY : DNA_OK;
            *retry_after = wait;
        } else {
            st = db_status_of(r);
        }
        PQclear(r);
        db_release(c);
    }
    dynbuf_free(&keys);
    return st;
}

void logins_succeeded(const char *account, const char *address)
{
    login_keys k;
    keys_of(account, address, &k);
    db_conn *c = db_acquire();
    if (c == NULL)
        return;
    const char *params[3] = {k.pair, k.account, k.address};
    PQclear(db_exec(c, &SUCCEEDED, 3, params));
    db_release(c);
}
