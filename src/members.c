/* members.c: SQL and rules for members. Personal fields never reach the
 * audit log (audit.c redacts them); erasure replaces them with a pseudonym
 * and keeps the row, so counts and history stay. */
#include "members.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"

static const char *const STAFF_ROLES[] = {"member",          "organizer", "deregulation_team",
                                          "program_manager", "analyst",   NULL};

const field_spec MEMBERS_CREATE_FIELDS[] = {
    {.name = "name", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "email", .type = F_STRING, .required = 1, .maxlen = 254},
    {.name = "department", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "job_title", .type = F_STRING, .nullable = 1, .maxlen = 200},
    {.name = "roles", .type = F_ENUM_ARRAY, .values = STAFF_ROLES, .maxlen = 5},
    {.name = "joined_at", .type = F_DATE},
    {.name = "interests", .type = F_STRING_ARRAY, .maxlen = 100, .max = 20},
    {.name = "password", .type = F_STRING, .min = 10, .maxlen = 200},
    {.name = NULL},
};

const field_spec MEMBERS_PATCH_FIELDS[] = {
    {.name = "name", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "email", .type = F_STRING, .required = 1, .maxlen = 254},
    {.name = "department", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "job_title", .type = F_STRING, .nullable = 1, .maxlen = 200},
    {.name = "roles", .type = F_ENUM_ARRAY, .required = 1, .values = STAFF_ROLES, .maxlen = 5},
    {.name = "interests", .type = F_STRING_ARRAY, .required = 1, .maxlen = 100, .max = 20},
    {.name = "active", .type = F_BOOL, .required = 1},
    {.name = "password", .type = F_STRING, .nullable = 1, .min = 10, .maxlen = 200},
    {.name = NULL},
};

/* ---- reads ------------------------------------------------------------- */

#define MEMBER_ROW "member_json(m, d.code, $2::boolean)::text, m.version, m.id"

static const db_stmt GET = {"members_get", "SELECT " MEMBER_ROW
                                           " FROM members m JOIN departments d ON d.id = m.department_id"
                                           " WHERE m.id = $1"};

#define LIST_SELECT(sortcol)                                                                                 \
    "SELECT member_json(m, d.code, $7::boolean)::text, " sortcol "::text, m.id"                              \
    " FROM members m JOIN departments d ON d.id = m.department_id"                                           \
    " WHERE ($1::text IS NULL OR d.code = $1) AND ($2::boolean IS NULL OR m.active = $2)"                    \
    " AND ($3::text IS NULL OR $3 = ANY (m.roles))"                                                          \
    " AND ($4::text IS NULL OR m.name ILIKE '%' || replace(replace(replace($4, '\\', '\\\\'), '%', '\\%'), " \
    "'_', '\\_') || '%')"                                                                                    \
    " AND ($5::date IS NULL OR m.joined_at >= $5) AND ($6::date IS NULL OR m.joined_at <= $6)"               \
    " AND ($8::timestamptz IS NULL OR m.updated_at >= $8)"

static const db_stmt LIST_ID = {"members_list_id",
                                LIST_SELECT("''") " AND ($10::bigint IS NULL OR m.id > $10)"
                                                  " AND ($9::text IS NULL OR true)"
                                                  " ORDER BY m.id LIMIT $11"};
static const db_stmt LIST_NAME = {
    "members_list_name",
    LIST_SELECT("m.name") " AND ($10::bigint IS NULL OR (m.name, m.id) > ($9::text, $10))"
                          " ORDER BY m.name, m.id LIMIT $11"};
static const db_stmt LIST_NAME_DESC = {
    "members_list_name_desc",
    LIST_SELECT("m.name") " AND ($10::bigint IS NULL OR (m.name, m.id) < ($9::text, $10))"
                          " ORDER BY m.name DESC, m.id DESC LIMIT $11"};
static const db_stmt LIST_JOINED = {
    "members_list_joined",
    LIST_SELECT("m.joined_at") " AND ($10::bigint IS NULL OR (m.joined_at, m.id) > ($9::date, $10))"
                               " ORDER BY m.joined_at, m.id LIMIT $11"};
static const db_stmt LIST_JOINED_DESC = {
    "members_list_joined_desc",
    LIST_SELECT("m.joined_at") " AND ($10::bigint IS NULL OR (m.joined_at, m.id) < ($9::date, $10))"
                               " ORDER BY m.joined_at DESC, m.id DESC LIMIT $11"};

const list_sort MEMBERS_SORTS[] = {
    {"id", &LIST_ID, NULL},
    {"name", &LIST_NAME, NULL},
    {"-name", &LIST_NAME_DESC, NULL},
    {"joined_at", &LIST_JOINED, NULL},
    {"-joined_at", &LIST_JOINED_DESC, NULL},
    {NULL, NULL, NULL},
};

/* Reads one member on connection c. */
static dna_status fetch(db_conn *c, const principal *p, int64_t id, member_doc *out)
{
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    const char *params[2] = {idtext, p->pseudonymise ? "true" : "false"};
    return db_fetch_doc(c, &GET, 2, params, id, out);
}

dna_status members_get(const principal *p, int64_t id, member_doc *out, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    dna_status st = fetch(c, p, id, out);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        dna_err_set(err, st, "no member with id %lld", (long long)id);
    return st;
}

/* ---- writes ------------------------------------------------------------ */

static const db_stmt DEPARTMENT_ID = {"members_department_id", "SELECT id FROM departments WHERE code = $1"};

static const db_stmt INSERT = {
    "members_insert",
    "INSERT INTO members (name, email, department_id, job_title, roles, joined_at, interests, password_hash)"
    " VALUES ($1, lower($2), $3, $4,"
    " CASE WHEN $5::json IS NULL THEN '{member}' ELSE ARRAY(SELECT json_array_elements_text($5::json)) END,"
    " COALESCE($6::date, current_date),"
    " CASE WHEN $7::json IS NULL THEN '{}' ELSE ARRAY(SELECT json_array_elements_text($7::json)) END, $8)"
    " RETURNING id"};

static const db_stmt UPDATE = {"members_update",
                               "UPDATE members m SET"
                               " name = COALESCE($2, m.name), email = COALESCE(lower($3), m.email),"
                               " department_id = COALESCE($4::bigint, m.department_id),"
                               " job_title = CASE WHEN $5::boolean THEN $6 ELSE m.job_title END,"
                               " roles = CASE WHEN $7::json IS NULL THEN m.roles ELSE ARRAY(SELECT "
                               "json_array_elements_text($7::json)) END,"
                               " interests = CASE WHEN $8::json IS NULL THEN m.interests"
                               "   ELSE ARRAY(SELECT json_array_elements_text($8::json)) END,"
                               " active = COALESCE($9::boolean, m.active),"
                               " password_hash = CASE WHEN $10::boolean THEN $11 ELSE m.password_hash END"
                               " WHERE m.id = $1 AND m.erased_at IS NULL RETURNING m.id"};

static const db_stmt LOCK = {"members_lock",
                             "SELECT version, erased_at IS NOT NULL FROM members WHERE id = $1 FOR UPDATE"};

static const db_stmt ERASE = {
    "members_erase",
    "UPDATE members SET name = 'Verwijderd lid ' || member_pseudonym(id), email = NULL, job_title = NULL,"
    " interests = '{}', password_hash = NULL, active = false, erased_at = now()"
    " WHERE id = $1 AND erased_at IS NULL"};

static int valid_email(const char *s)
{
    const char *at = strchr(s, '@');
    if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
        return 0;
    const char *dot = strrchr(at, '.');
    if (dot == NULL || dot == at + 1 || dot[1] == '\0')
        return 0;
    for (const char *p = s; *p; p++)
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '<' || *p == '>')
            return 0;
    return 1;
}

/* Resolves a department code to its id text. */
static dna_status department_id(db_conn *c, const char *code, char out[24], dna_err *err)
{
    const char *params[1] = {code};
    PGresult *r = db_exec(c, &DEPARTMENT_ID, 1, params);
    if (!db_ok(r)) {
        dna_status st = db_status_of(r);
        PQclear(r);
        return st;
    }
    if (PQntuples(r) != 1) {
        PQclear(r);
        return dna_err_field(err, "department", "is not a known department code");
    }
    snprintf(out, 24, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    return DNA_OK;
}

static char *json_text_or_null(const json_t *v)
{
    return v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
}

/* Ends a failed write: rolls back, releases, maps the database error. */
static dna_status fail(db_conn *c, PGresult *r, dna_err *err, const char *conflict_field)
{
    dna_status st = r ? db_status_of(r) : DNA_UNAVAILABLE;
    if (st == DNA_CONFLICT && conflict_field)
        dna_err_set(err, st, "a member with this %s exists already", conflict_field);
    else if (st == DNA_INVALID)
        dna_err_field(err, "body", "a value breaks a rule of the register");
    PQclear(r);
    db_rollback(c);
    db_release(c);
    return st;
}

/* Roles, when given, must name at least one role. */
static int roles_empty(const json_t *obj)
{
    const json_t *roles = json_object_get(obj, "roles");
    return json_is_array(roles) && json_array_size(roles) == 0;
}

dna_status members_create(const principal *p, const json_t *body, member_doc *out, dna_err *err)
{
    if (roles_empty(body))
        return dna_err_field(err, "roles", "must name at least one role");
    const char *email = json_in_str(body, "email");
    if (!valid_email(email))
        return dna_err_field(err, "email", "must be an email address");
    const char *password = json_in_str(body, "password");
    char hash[AUTH_HASH_LEN];
    if (password && auth_hash_secret(password, hash) != 0)
        return dna_err_set(err, DNA_ERROR, "cannot hash the password");

    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char dept[24];
    dna_status st = department_id(c, json_in_str(body, "department"), dept, err);
    if (st != DNA_OK) {
        db_release(c);
        return st;
    }
    char *roles = json_text_or_null(json_object_get(body, "roles"));
    char *interests = json_text_or_null(json_object_get(body, "interests"));
    const char *params[8] = {json_in_str(body, "name"),
                             email,
                             dept,
                             json_in_str(body, "job_title"),
                             roles,
                             json_in_str(body, "joined_at"),
                             interests,
                             password ? hash : NULL};
    if (db_begin(c) != 0) {
        free(roles);
        free(interests);
        return fail(c, NULL, err, NULL);
    }
    PGresult *r = db_exec(c, &INSERT, 8, params);
    free(roles);
    free(interests);
    if (!db_ok(r))
        return fail(c, r, err, "email");
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    if (audit_record(c, p, "create", "member", idtext, body) != 0 || db_commit(c) != 0)
        return fail(c, NULL, err, NULL);
    st = fetch(c, p, strtoll(idtext, NULL, 10), out);
    db_release(c);
    return st == DNA_OK ? DNA_CREATED : st;
}

dna_status members_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                          member_doc *out, dna_err *err)
{
    if (roles_empty(patch))
        return dna_err_field(err, "roles", "must name at least one role");
    if (json_object_size(patch) == 0 && if_match < 0) {
        /* An empty merge patch changes nothing: no new version, no audit entry. */
        dna_status st = members_get(p, id, out, err);
        return st;
    }
    const char *email = json_in_str(patch, "email");
    if (email && !valid_email(email))
        return dna_err_field(err, "email", "must be an email address");
    const json_t *pw = json_object_get(patch, "password");
    char hash[AUTH_HASH_LEN];
    if (json_is_string(pw) && auth_hash_secret(json_string_value(pw), hash) != 0)
        return dna_err_set(err, DNA_ERROR, "cannot hash the password");

    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24], dept[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    const char *dcode = json_in_str(patch, "department");
    dna_status st = dcode ? department_id(c, dcode, dept, err) : DNA_OK;
    if (st != DNA_OK) {
        db_release(c);
        return st;
    }
    if (db_begin(c) != 0)
        return fail(c, NULL, err, NULL);
    const char *lock_params[1] = {idtext};
    PGresult *r = db_exec(c, &LOCK, 1, lock_params);
    if (!db_ok(r))
        return fail(c, r, err, NULL);
    if (PQntuples(r) != 1 || strcmp(PQgetvalue(r, 0, 1), "t") == 0) {
        PQclear(r);
        db_rollback(c);
        db_release(c);
        return dna_err_set(err, DNA_NOT_FOUND, "no member with id %lld", (long long)id);
    }
    long long version = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    if (if_match >= 0 && if_match != version) {
        db_rollback(c);
        db_release(c);
        return dna_err_set(err, DNA_PRECONDITION, "the member changed since you read it (ETag \"%lld\")",
                           version);
    }
    const json_t *jt = json_object_get(patch, "job_title");
    char *roles = json_text_or_null(json_object_get(patch, "roles"));
    char *interests = json_text_or_null(json_object_get(patch, "interests"));
    const json_t *active = json_object_get(patch, "active");
    const char *params[11] = {idtext,
                              json_in_str(patch, "name"),
                              email,
                              dcode ? dept : NULL,
                              jt ? "true" : "false",
                              json_string_value(jt),
                              roles,
                              interests,
                              active ? (json_is_true(active) ? "true" : "false") : NULL,
                              pw ? "true" : "false",
                              json_is_string(pw) ? hash : NULL};
    r = db_exec(c, &UPDATE, 11, params);
    free(roles);
    free(interests);
    if (!db_ok(r))
        return fail(c, r, err, "email");
    PQclear(r);
    if (audit_record(c, p, "update", "member", idtext, patch) != 0 || db_commit(c) != 0)
        return fail(c, NULL, err, NULL);
    st = fetch(c, p, id, out);
    db_release(c);
    return st;
}

dna_status members_erase(const principal *p, int64_t id, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    const char *params[1] = {idtext};
    if (db_begin(c) != 0)
        return fail(c, NULL, err, NULL);
    PGresult *r = db_exec(c, &LOCK, 1, params);
    if (!db_ok(r))
        return fail(c, r, err, NULL);
    int exists = PQntuples(r) == 1, erased = exists && strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    PQclear(r);
    if (!exists) {
        db_rollback(c);
        db_release(c);
        return dna_err_set(err, DNA_NOT_FOUND, "no member with id %lld", (long long)id);
    }
    if (!erased) {
        /* Erasing twice is a no-op: DELETE is idempotent. */
        r = db_exec(c, &ERASE, 1, params);
        if (!db_ok(r))
            return fail(c, r, err, NULL);
        PQclear(r);
        if (audit_record(c, p, "erase", "member", idtext, NULL) != 0)
            return fail(c, NULL, err, NULL);
    }
    if (db_commit(c) != 0)
        return fail(c, NULL, err, NULL);
    db_release(c);
    return DNA_NO_CONTENT;
}

static const db_stmt BY_EMAIL = {
    "members_by_email", "SELECT id FROM members WHERE lower(email) = lower($1) AND erased_at IS NULL"};
static const db_stmt BY_ID = {"members_by_id",
                              "SELECT id FROM members WHERE id = $1::bigint AND erased_at IS NULL"};

dna_status members_resolve_idp(const char *ref, const char *claim, int64_t *id)
{
    *id = 0;
    int by_id = strcmp(claim, "sub") == 0;
    if (by_id) {
        for (const char *s = ref; *s; s++)
            if (*s < '0' || *s > '9')
                return DNA_OK;
        if (ref[0] == '\0' || strlen(ref) > 18)
            return DNA_OK;
    }
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[1] = {ref};
    PGresult *r = db_exec(c, by_id ? &BY_ID : &BY_EMAIL, 1, params);
    dna_status st = db_ok(r) ? DNA_OK : db_status_of(r);
    if (st == DNA_OK && PQntuples(r) == 1)
        *id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    db_release(c);
    return st == DNA_INVALID ? DNA_OK : st;
}
