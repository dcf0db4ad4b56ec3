/* db_write.c: the locked-write skeleton and the constraint-to-field map. */
#include "db_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "text.h"

dna_status db_error(const PGresult *r, const db_field_error *map, dna_err *err)
{
    dna_status st = db_status_of(r);
    if (r == NULL || (st != DNA_INVALID && st != DNA_CONFLICT))
        return st;
    const char *constraint = PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME);
    const char *column = PQresultErrorField(r, PG_DIAG_COLUMN_NAME);
    for (const db_field_error *m = map; m && m->name; m++) {
        if ((constraint && strcmp(constraint, m->name) == 0) || (column && strcmp(column, m->name) == 0)) {
            dna_err_field(err, m->field, m->message);
            if (st == DNA_CONFLICT)
                dna_err_set(err, st, "%s %s", m->field, m->message);
            return st;
        }
    }
    if (st == DNA_CONFLICT)
        dna_err_set(err, st, "this conflicts with what is stored already");
    else
        dna_err_field(err, "body", "a value breaks a rule of the register");
    return st;
}

static dna_status not_found(const db_resource *res, const char *key, dna_err *err)
{
    char shown[40];
    return dna_err_set(err, DNA_NOT_FOUND, "no %s with %s %s", res->parent ? res->parent : res->entity,
                       res->key_name ? res->key_name : "id", text_clip(shown, sizeof shown, key));
}

void db_write_key(db_write *w, int64_t id)
{
    snprintf(w->key, sizeof w->key, "%lld", (long long)id);
}

dna_status db_write_exec(db_conn *c, const db_write *w, const db_stmt *st, int nparams,
                         const char *const *params, PGresult **res, dna_err *err)
{
    PGresult *r = db_exec(c, st, nparams, params);
    if (res)
        *res = NULL;
    if (!db_ok(r)) {
        dna_status status = db_error(r, w->res->errors, err);
        PQclear(r);
        return status;
    }
    if (res)
        *res = r;
    else
        PQclear(r);
    return DNA_OK;
}

dna_status db_write_insert(db_conn *c, db_write *w, const db_stmt *st, int nparams, const char *const *params,
                           dna_err *err)
{
    PGresult *r;
    dna_status status = db_write_exec(c, w, st, nparams, params, &r, err);
    if (status != DNA_OK)
        return status;
    int got = PQntuples(r) == 1;
    if (got)
        text_clip(w->key, sizeof w->key, PQgetvalue(r, 0, 0));
    PQclear(r);
    return got ? DNA_CREATED : DNA_ERROR;
}

/* Locks the row and checks If-Match; *row is the locked row. */
static dna_status lock_row(db_conn *c, db_write *w, PGresult **row, dna_err *err)
{
    const char *params[1] = {w->key};
    dna_status st = db_write_exec(c, w, w->res->lock, 1, params, row, err);
    if (st != DNA_OK)
        return st;
    if (PQntuples(*row) != 1)
        return not_found(w->res, w->key, err);
    long long version = strtoll(PQgetvalue(*row, 0, 0), NULL, 10);
    if (w->if_match >= 0 && w->if_match != version)
        return dna_err_set(err, DNA_PRECONDITION, "the %s changed since you read it (ETag \"%lld\")",
                           w->res->entity, version);
    return DNA_OK;
}

/* A change to an existing row (a create has no key yet and locks nothing). */
static int changes_a_row(const db_write *w)
{
    return w->res->lock != NULL && w->key[0] != '\0';
}

/* An empty merge patch: the row is locked and If-Match checked, and nothing is written. */
static int nothing_to_change(const db_write *w)
{
    return changes_a_row(w) && json_is_object(w->changes) && json_object_size(w->changes) == 0;
}

/* Everything between BEGIN and COMMIT. */
static dna_status run_in_transaction(db_conn *c, db_write *w, dna_err *err)
{
    dna_status st = DNA_OK;
    if (w->before != NULL && (st = db_write_exec(c, w, w->before, 0, NULL, NULL, err)) != DNA_OK)
        return st;
    PGresult *row = NULL;
    if (changes_a_row(w) && (st = lock_row(c, w, &row, err)) != DNA_OK) {
        PQclear(row);
        return st;
    }
    if (w->check != NULL && (st = w->check(c, row, w, err)) != DNA_OK) {
        PQclear(row);
        return st;
    }
    if (nothing_to_change(w))
        w->action = NULL;
    else
        st = w->step(c, row, w, err);
    PQclear(row);
    if (st != DNA_OK && st != DNA_CREATED && st != DNA_NO_CONTENT)
        return st;
    if (w->action != NULL && audit_record(c, w->who, w->action, w->res->entity, w->key, w->changes) != 0)
        return DNA_UNAVAILABLE;
    return st;
}

/* The fetch's parameters: the key, then the view. */
static int fetch_params(const char *key, const char *const *view, int nview, const char *out[5])
{
    if (nview > 4)
        nview = 4;
    out[0] = key;
    for (int i = 0; i < nview; i++)
        out[i + 1] = view[i];
    return nview + 1;
}

dna_status db_read_doc(const db_resource *res, const char *key, const char *const *view, int nview,
                       db_doc *out, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[5];
    dna_status st = db_fetch_doc(c, res->fetch, fetch_params(key, view, nview, params), params, out);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        not_found(res, key, err);
    return st;
}

static int succeeded(dna_status st)
{
    return st == DNA_OK || st == DNA_CREATED || st == DNA_NO_CONTENT;
}

/* The answer: the step's own, or the resource's fetch with the key and the view. */
static dna_status answer(db_conn *c, db_write *w, db_doc *out)
{
    if (w->res->fetch == NULL) {
        out->json = w->answer;
        w->answer = NULL;
        text_clip(out->key, sizeof out->key, w->key);
        out->version = -1;
        return DNA_OK;
    }
    const char *params[5];
    return db_fetch_doc(c, w->res->fetch, fetch_params(w->key, w->view, w->nview, params), params, out);
}

/* With an Idempotency-Key: claims it, or answers as the first request did
 * (*replayed set). */
static dna_status claim_key(db_conn *c, db_write *w, db_doc *out, int *replayed, dna_err *err)
{
    idem_outcome outcome;
    dna_status first = DNA_OK;
    db_doc stored = {0};
    dna_status st = idem_claim(c, w->idem, w->who, &outcome, &stored, &first, err);
    *replayed = st == DNA_OK && outcome == IDEM_REPLAY;
    w->idem->replayed = *replayed;
    if (*replayed && out != NULL)
        *out = stored;
    else
        db_doc_free(&stored);
    return *replayed ? first : st;
}

dna_status db_read_exists(const char *entity, const db_stmt *exists, int64_t id, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    const char *params[1] = {key};
    PGresult *r = db_exec(c, exists, 1, params);
    dna_status st = db_ok(r) ? (PQntuples(r) == 1 ? DNA_OK : DNA_NOT_FOUND) : db_status_of(r);
    PQclear(r);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        dna_err_set(err, st, "no %s with id %s", entity, key);
    return st;
}

dna_status db_write_run(db_write *w, db_doc *out, dna_err *err)
{
    w->member[0] = '\0';
    if (w->who && w->who->member_id > 0)
        snprintf(w->member, sizeof w->member, "%lld", (long long)w->who->member_id);
    int keyed = w->idem != NULL && w->idem->key != NULL, replayed = 0;
    db_doc kept = {0};
    db_doc *doc = out != NULL ? out : &kept;
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    if (db_begin(c) != 0) {
        db_release(c);
        return DNA_UNAVAILABLE;
    }
    dna_status st = keyed ? claim_key(c, w, out, &replayed, err) : DNA_OK;
    if (st == DNA_OK && !replayed)
        st = run_in_transaction(c, w, err);
    /* Keyed: the answer is read before COMMIT, to be stored with the key. */
    if (keyed && !replayed && succeeded(st)) {
        dna_status got = answer(c, w, doc);
        if (got == DNA_NOT_FOUND) /* a delete: nothing to show */
            got = DNA_OK;
        if (got == DNA_OK)
            got = idem_store(c, w->idem, w->who, st, doc);
        if (got != DNA_OK)
            st = got;
    }
    if (replayed || !succeeded(st)) {
        db_rollback(c);
        db_release(c);
        free(w->answer);
        w->answer = NULL;
        if (!replayed)
            db_doc_free(doc);
        return st;
    }
    if (db_commit(c) != 0) {
        db_release(c);
        db_doc_free(doc);
        free(w->answer);
        w->answer = NULL;
        return DNA_UNAVAILABLE;
    }
    if (!keyed && out != NULL) {
        dna_status got = answer(c, w, out);
        if (got != DNA_OK)
            st = got;
    }
    db_release(c);
    db_doc_free(&kept);
    free(w->answer);
    w->answer = NULL;
    return st;
}
