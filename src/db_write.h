/* db_write.h: the one write path. Every change to a resource runs through
 * db_write_run: BEGIN, lock the row (SELECT ... FOR UPDATE), compare If-Match
 * with its version, the resource's own step (its UPDATE or INSERT), the
 * audit entry, COMMIT, and the document read back as the caller sees it.
 * A failed statement becomes a field error through the resource's map of
 * constraint names (db_error), so no service writes its own error mapping.
 *
 * How a resource uses it (src/rules.c is the worked example):
 *
 *   static const db_field_error RULE_ERRORS[] = {
 *       {"rules_department_id_fkey", "department", "is not a known department code"},
 *       {NULL}};
 *   static const db_resource RULE = {.entity = "rule", .lock = &LOCK, .fetch = &GET,
 *                                    .errors = RULE_ERRORS};
 *
 *   static dna_status update_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
 *   {   ... rules that need the locked row ...
 *       return db_write_exec(c, w, &UPDATE, 2, params, NULL, err); }
 *
 *   db_write w = {.res = &RULE, .who = p, .action = "update", .changes = patch,
 *                 .if_match = if_match, .step = update_step, .arg = (void *)patch};
 *   db_write_key(&w, id);
 *   return db_write_run(&w, out, err);
 *
 * The single exception is filing a report (reports.c), the hot write path:
 * one autocommit statement that inserts the report, its history, its audit
 * entry and its idempotency key; it maps its errors with db_error too. */
#ifndef DNA_DB_WRITE_H
#define DNA_DB_WRITE_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "idempotency.h"
#include "principal.h"
#include "result.h"

/* One column of a merge patch ($2, the patch as jsonb) in an UPDATE's SET:
 * the field's value when the patch has it (JSON null clears), else the
 * column as it is. `field` is the name in the request, `type` the cast. */
#define DB_PATCH(column, field, type)                                                                        \
    " " column " = CASE WHEN $2::jsonb ? '" field "' THEN ($2::jsonb->>'" field "')::" type " ELSE " column  \
    " END"

/* A constraint (or, for NOT NULL, a column) a client's value can break, and
 * the field error it becomes. A map ends with {NULL}. */
typedef struct {
    const char *name;    /* as PostgreSQL reports it: "members_email_key", "department_id" */
    const char *field;   /* the request field: "email" */
    const char *message; /* "is taken by another member" */
} db_field_error;

/* Maps a failed statement (r may be NULL: connection lost) to a result,
 * naming the field when the map knows the constraint: a unique violation is
 * DNA_CONFLICT, a check, foreign-key or not-null violation DNA_INVALID. */
dna_status db_error(const PGresult *r, const db_field_error *map, dna_err *err);

/* What the skeleton needs to know of a resource. */
typedef struct {
    const char *entity; /* "rule": the audit entity, and "no rule with id 7" */
    /* $1 = the key; answers (version, anything the step needs) FOR UPDATE.
     * Used when the write has a key before it runs; a create (no key yet:
     * its step sets it) and a resource without a lock lock nothing. */
    const db_stmt *lock;
    /* $1 = the key, then db_write.view; answers (json text, version). NULL:
     * the write answers no document. */
    const db_stmt *fetch;
    const db_field_error *errors;
    const char *key_name; /* how the key is called in messages: "id" when NULL */
    const char *parent;   /* the entity whose row `lock` takes when it is another one
                           * ("initiative" for its updates): "no initiative with id 7" */
} db_resource;

/* Reads one document of the resource (res->fetch with the key, then
 * `view`): DNA_NOT_FOUND says "no <entity> with <key_name> <key>". */
dna_status db_read_doc(const db_resource *res, const char *key, const char *const *view, int nview,
                       db_doc *out, dna_err *err);

/* DNA_OK when `exists` ($1 = the id) answers a row, else DNA_NOT_FOUND
 * ("no <entity> with id 7"): for a sub-collection's parent. */
dna_status db_read_exists(const char *entity, const db_stmt *exists, int64_t id, dna_err *err);

typedef struct db_write db_write;

/* The resource's own change, inside the transaction. `row` is the locked
 * row (NULL when the resource locks nothing). Returns the result to answer
 * on success (DNA_OK, DNA_CREATED, DNA_NO_CONTENT), anything else rolls back.
 * A step that changes nothing sets w->action = NULL (no audit entry). */
typedef dna_status (*db_write_step)(db_conn *c, const PGresult *row, db_write *w, dna_err *err);

struct db_write {
    const db_resource *res;
    const principal *who;  /* the audit entry's actor */
    const char *action;    /* audit action ("create", "update", ...); NULL: no entry */
    const json_t *changes; /* recorded in the audit entry (personal fields redacted); an
                            * empty object with a lock: nothing to change, step skipped */
    char key[64];          /* the row's key: set before the run, or by a create's step */
    long long if_match;    /* the ETag's version; -1: no precondition */
    const db_stmt *before; /* optional: runs after BEGIN, before the row lock (an advisory lock) */
    /* Optional: the caller's right to change the locked row at all, checked
     * even when the patch is empty (so a stranger's empty PATCH is refused
     * too); anything but DNA_OK rolls back. */
    db_write_step check;
    db_write_step step;
    void *arg;           /* the step's own input and output */
    const char *view[4]; /* res->fetch's parameters after the key */
    int nview;
    char member[24]; /* filled by the run: the caller's member id as text, "" for a client */
    /* Optional: the request's Idempotency-Key (idempotency.h). With a key,
     * the answer is read inside the transaction and stored with the key. */
    idem_key *idem;
    /* A resource without a fetch: the step's own answer (malloc'd JSON
     * text; the run hands it to `out`, or frees it). */
    char *answer;
};

/* Sets w->key from a numeric id. */
void db_write_key(db_write *w, int64_t id);

/* Runs the write. On success returns the step's result and, when out is
 * given, the document as of after the commit (the resource's fetch, or the
 * step's answer); with an Idempotency-Key used before, the stored answer
 * (idempotency.h: 422 for another request, 409 while it still runs);
 * on failure the transaction is rolled back and err says why
 * (DNA_NOT_FOUND for a key without a row, DNA_PRECONDITION for a stale
 * If-Match, the mapped error of a failed statement). */
dna_status db_write_run(db_write *w, db_doc *out, dna_err *err);

/* For steps: runs a statement; on success returns DNA_OK and hands over the
 * result in *res (the caller PQclear()s it; pass NULL to discard it), else
 * maps the failure through the resource's errors. */
dna_status db_write_exec(db_conn *c, const db_write *w, const db_stmt *st, int nparams,
                         const char *const *params, PGresult **res, dna_err *err);

/* For a create's step: runs an INSERT ... RETURNING key, takes the key
 * into w->key and answers DNA_CREATED (or the mapped failure). */
dna_status db_write_insert(db_conn *c, db_write *w, const db_stmt *st, int nparams, const char *const *params,
                           dna_err *err);

#endif
