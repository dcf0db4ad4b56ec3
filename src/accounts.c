/* accounts.c: password and client-secret checks for the token endpoint. */
#include "accounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "principal.h"

static const db_stmt MEMBER_BY_EMAIL = {"accounts_member_by_email",
                                        "SELECT id, password_hash, roles::text FROM members"
                                        " WHERE lower(email) = lower($1) AND active AND erased_at IS NULL"};
static const db_stmt CLIENT_BY_ID = {"accounts_client_by_id",
                                     "SELECT secret_hash, roles::text FROM api_clients WHERE id = $1"};

/* A hash of a random secret, checked when the account is unknown so that
 * a wrong email costs as much time as a wrong password. */
static const char DUMMY_HASH[] = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                 "3bTPIhkqJNpEZhOPjT3+RR4GcDdmGrF8fmHOYe2mWSU";

/* "{member,analyst}" -> bits; role names never need quoting. */
static unsigned roles_in(const char *text)
{
    unsigned bits = 0;
    char name[64];
    size_t k = 0;
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '{' || *p == '"')
            continue;
        if (*p == ',' || *p == '}') {
            name[k] = '\0';
            bits |= principal_role_bit(name);
            k = 0;
        } else if (k + 1 < sizeof name) {
            name[k++] = *p;
        }
    }
    return bits;
}

unsigned accounts_roles_from_pg_array(const char *text)
{
    return principal_roles_normalise(roles_in(text));
}

dna_status accounts_password_login(const char *email, const char *password, int64_t *member_id,
                                   unsigned *roles)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[1] = {email};
    PGresult *r = db_exec(c, &MEMBER_BY_EMAIL, 1, params);
    if (!db_ok(r)) {
        dna_status st = db_status_of(r);
        PQclear(r);
        db_release(c);
        return st;
    }
    int found = PQntuples(r) == 1 && !PQgetisnull(r, 0, 1);
    const char *hash = found ? PQgetvalue(r, 0, 1) : DUMMY_HASH;
    int ok = auth_check_secret(hash, password) && found;
    if (ok) {
        *member_id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
        *roles = accounts_roles_from_pg_array(PQgetvalue(r, 0, 2));
    }
    PQclear(r);
    db_release(c);
    return ok ? DNA_OK : DNA_UNAUTHORIZED;
}

dna_status accounts_client_login(const char *client_id, const char *secret, unsigned *roles)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[1] = {client_id};
    PGresult *r = db_exec(c, &CLIENT_BY_ID, 1, params);
    if (!db_ok(r)) {
        dna_status st = db_status_of(r);
        PQclear(r);
        db_release(c);
        return st;
    }
    int found = PQntuples(r) == 1;
    int ok = auth_check_secret(found ? PQgetvalue(r, 0, 0) : DUMMY_HASH, secret) && found;
    if (ok) {
        /* A client's roles are taken as given: no implied member. */
        *roles = roles_in(PQgetvalue(r, 0, 1));
    }
    PQclear(r);
    db_release(c);
    return ok ? DNA_OK : DNA_UNAUTHORIZED;
}

dna_status accounts_client_add(PGconn *pg, const char *id, unsigned roles, char *secret, size_t len,
                               int *replaced, dna_err *err)
{
    char hash[AUTH_HASH_LEN];
    if (auth_random_string(secret, len) != 0 || auth_hash_secret(secret, hash) != 0)
        return dna_err_set(err, DNA_ERROR, "cannot make a secret");
    char array[256] = "{";
    size_t k = 1;
    for (unsigned bit = 1; bit <= ROLE_OMBUDSMAN; bit <<= 1)
        if (roles & bit)
            k += (size_t)snprintf(array + k, sizeof array - k, "%s%s", k > 1 ? "," : "",
                                  principal_role_name(bit));
    snprintf(array + k, sizeof array - k, "}");
    const char *params[3] = {id, hash, array};
    /* An existing client gets the new secret and roles: the way to rotate a
     * secret (tokens it was given before stay valid until they expire). */
    PGresult *r = PQexecParams(pg,
                               "INSERT INTO api_clients (id, secret_hash, roles) VALUES ($1, $2, $3)"
                               " ON CONFLICT (id) DO UPDATE SET secret_hash = excluded.secret_hash,"
                               " roles = excluded.roles RETURNING xmax <> 0",
                               3, NULL, params, NULL, NULL, 0);
    dna_status st = DNA_OK;
    if (r != NULL && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        *replaced = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    } else {
        st = db_status_of(r);
        if (st == DNA_INVALID)
            dna_err_set(err, st, "client ids are lowercase letters, digits, - and _, 2 to 64 long");
        else
            dna_err_set(err, st, "cannot store the client: %s", PQerrorMessage(pg));
    }
    PQclear(r);
    return st;
}
