/* idempotency.c: claiming a key, replaying its answer, storing it. */
#include "idempotency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "text.h"

/* The stored hash of a key: the caller ("member:4", "client:ombudsman") and
 * the key, so that one caller's key can never replay or block another's. */
#define KEY_HASH "sha256(convert_to(concat_ws(chr(31), 'idempotency', $1::text, $2::text), 'UTF8'))"

/* The claim. An expired row with the same hash is taken over (the rest are
 * purged by the janitor); a live one answers no row. */
static const db_stmt CLAIM = {
    "idem_claim",
    "INSERT INTO idempotency_keys (key_hash, request_hash, status, body, member_id, expires_at)"
    " VALUES (" KEY_HASH ", sha256(convert_to($3, 'UTF8')), 0, '', $4::bigint, now() + interval '" IDEM_KEEP
    "')"
    " ON CONFLICT (key_hash) DO UPDATE SET request_hash = excluded.request_hash, status = 0, body = '',"
    "   resource_id = NULL, resource_key = NULL, version = NULL, member_id = excluded.member_id,"
    "   created_at = now(), expires_at = excluded.expires_at"
    " WHERE idempotency_keys.expires_at <= now()"
    " RETURNING 1"};

static const db_stmt STORED = {
    "idem_stored", "SELECT request_hash = sha256(convert_to($3, 'UTF8')), status, body, resource_key, version"
                   " FROM idempotency_keys WHERE key_hash = " KEY_HASH};

static const db_stmt STORE = {"idem_store", "UPDATE idempotency_keys SET status = $3::smallint, body = $4,"
                                            " resource_key = $5, version = $6::integer"
                                            " WHERE key_hash = " KEY_HASH};

static int http_status(dna_status st)
{
    return st == DNA_CREATED ? 201 : st == DNA_NO_CONTENT ? 204 : 200;
}

static dna_status from_http(int status)
{
    return status == 201 ? DNA_CREATED : status == 204 ? DNA_NO_CONTENT : DNA_OK;
}

static dna_status read_stored(db_conn *c, const char *const *params, idem_outcome *outcome, db_doc *answer,
                              dna_status *status, dna_err *err)
{
    PGresult *r = db_exec(c, &STORED, 3, params);
    dna_status st = DNA_OK;
    if (!db_ok(r) || PQntuples(r) != 1) {
        /* Gone between the claim and this read: purged as it expired. */
        st = db_ok(r) ? dna_err_set(err, DNA_CONFLICT, "this Idempotency-Key just expired; send it again")
                      : db_status_of(r);
    } else if (strcmp(PQgetvalue(r, 0, 0), "t") != 0) {
        st = dna_err_field(err, "Idempotency-Key", "was used before with another request");
    } else {
        *outcome = IDEM_REPLAY;
        *status = from_http(atoi(PQgetvalue(r, 0, 1)));
        answer->json = PQgetlength(r, 0, 2) > 0 ? strdup(PQgetvalue(r, 0, 2)) : NULL;
        text_clip(answer->key, sizeof answer->key, PQgetvalue(r, 0, 3));
        answer->version = PQgetisnull(r, 0, 4) ? -1 : strtoll(PQgetvalue(r, 0, 4), NULL, 10);
        if (PQgetlength(r, 0, 2) > 0 && answer->json == NULL)
            st = DNA_ERROR;
    }
    PQclear(r);
    return st;
}

dna_status idem_claim(db_conn *c, const idem_key *k, const principal *p, idem_outcome *outcome,
                      db_doc *answer, dna_status *status, dna_err *err)
{
    char actor[160], member[24] = "";
    audit_actor(p, actor);
    if (p->member_id > 0)
        snprintf(member, sizeof member, "%lld", (long long)p->member_id);
    const char *params[4] = {actor, k->key, k->request, member[0] ? member : NULL};
    *outcome = IDEM_CLAIMED;
    /* Waiting on another request's claim is bounded; the write after it is not. */
    if (db_command(c, "SET LOCAL lock_timeout = '" IDEM_WAIT "'") != 0)
        return DNA_UNAVAILABLE;
    PGresult *r = db_exec(c, &CLAIM, 4, params);
    if (!db_ok(r)) {
        int waited = strcmp(db_sqlstate(r), "55P03") == 0; /* lock_not_available */
        dna_status st = waited ? DNA_CONFLICT : db_status_of(r);
        PQclear(r);
        if (waited) {
            err->retry_after = 1;
            dna_err_set(err, DNA_CONFLICT, "a request with this Idempotency-Key is still being processed");
        }
        return st;
    }
    int claimed = PQntuples(r) == 1;
    PQclear(r);
    if (db_command(c, "SET LOCAL lock_timeout = DEFAULT") != 0)
        return DNA_UNAVAILABLE;
    return claimed ? DNA_OK : read_stored(c, params, outcome, answer, status, err);
}

dna_status idem_store(db_conn *c, const idem_key *k, const principal *p, dna_status status, const db_doc *doc)
{
    char actor[160], code[8], version[24];
    audit_actor(p, actor);
    snprintf(code, sizeof code, "%d", http_status(status));
    int has_version = doc != NULL && doc->version >= 0 && doc->json != NULL;
    snprintf(version, sizeof version, "%lld", has_version ? doc->version : 0LL);
    const char *params[6] = {actor,
                             k->key,
                             code,
                             doc && doc->json ? doc->json : "",
                             doc && doc->key[0] ? doc->key : NULL,
                             has_version ? version : NULL};
    PGresult *r = db_exec(c, &STORE, 6, params);
    dna_status st = db_ok(r) ? DNA_OK : db_status_of(r);
    PQclear(r);
    return st;
}
