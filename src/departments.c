/* departments.c: SQL for departments. */
#include "departments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"

const field_spec DEPARTMENTS_CREATE_FIELDS[] = {
    {.name = "code", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "name", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = NULL},
};

#define DEPARTMENT_JSON                                                                                      \
    "json_build_object('id', d.id, 'code', d.code, 'name', d.name,"                                          \
    " 'members_count', (SELECT count(*) FROM members m WHERE m.department_id = d.id AND m.erased_at IS "     \
    "NULL),"                                                                                                 \
    " 'created_at', rfc3339(d.created_at), 'updated_at', rfc3339(d.updated_at))::text"

#define LIST_SELECT(col)                                                                                     \
    "SELECT " DEPARTMENT_JSON ", " col ", d.id FROM departments d"                                           \
    " WHERE ($1::timestamptz IS NULL OR d.updated_at >= $1)"

static const db_stmt LIST_CODE = {
    "departments_list_code",
    LIST_SELECT("d.code") " AND ($3::bigint IS NULL OR (d.code, d.id) > ($2::text, $3))"
                          " ORDER BY d.code, d.id LIMIT $4"};
static const db_stmt LIST_NAME = {
    "departments_list_name",
    LIST_SELECT("d.name") " AND ($3::bigint IS NULL OR (d.name, d.id) > ($2::text, $3))"
                          " ORDER BY d.name, d.id LIMIT $4"};

static const db_stmt LIST_CODE_DESC = {
    "departments_list_code_desc",
    LIST_SELECT("d.code") " AND ($3::bigint IS NULL OR (d.code, d.id) < ($2::text, $3))"
                          " ORDER BY d.code DESC, d.id DESC LIMIT $4"};
static const db_stmt LIST_NAME_DESC = {
    "departments_list_name_desc",
    LIST_SELECT("d.name") " AND ($3::bigint IS NULL OR (d.name, d.id) < ($2::text, $3))"
                          " ORDER BY d.name DESC, d.id DESC LIMIT $4"};

/* openapi.yaml DepartmentSort: code, -code, name, -name. */
const list_sort DEPARTMENTS_SORTS[] = {{"code", &LIST_CODE, NULL},
                                       {"-code", &LIST_CODE_DESC, NULL},
                                       {"name", &LIST_NAME, NULL},
                                       {"-name", &LIST_NAME_DESC, NULL},
                                       {NULL, NULL, NULL}};

static const db_stmt INSERT = {
    "departments_insert",
    "WITH d AS (INSERT INTO departments (code, name) VALUES ($1, $2) RETURNING *)"
    " SELECT json_build_object('id', d.id, 'code', d.code, 'name', d.name, 'members_count', 0,"
    " 'created_at', rfc3339(d.created_at), 'updated_at', rfc3339(d.updated_at))::text, d.id"
    " FROM d"};

static int valid_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 16 || s[0] < 'A' || s[0] > 'Z')
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

dna_status departments_create(const principal *p, const json_t *body, char **json, long long *id,
                              dna_err *err)
{
    const char *code = json_in_str(body, "code");
    if (!valid_code(code))
        return dna_err_field(err, "code", "must be 2-16 capitals, digits or _, starting with a capital");
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[2] = {code, json_in_str(body, "name")};
    dna_status st = DNA_CREATED;
    if (db_begin(c) != 0) {
        db_release(c);
        return DNA_UNAVAILABLE;
    }
    PGresult *r = db_exec(c, &INSERT, 2, params);
    if (!db_ok(r)) {
        st = db_status_of(r);
        if (st == DNA_CONFLICT)
            dna_err_set(err, st, "a department with code %s exists already", code);
    } else if (audit_record(c, p, "create", "department", PQgetvalue(r, 0, 1), body) != 0 ||
               db_commit(c) != 0) {
        st = DNA_UNAVAILABLE;
    } else {
        *json = strdup(PQgetvalue(r, 0, 0));
        *id = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
    }
    PQclear(r);
    if (st != DNA_CREATED)
        db_rollback(c);
    db_release(c);
    return st;
}

static const db_stmt GET = {"departments_get",
                            "SELECT " DEPARTMENT_JSON " FROM departments d WHERE d.code = $1"};

dna_status departments_get(const char *code, char **json, dna_err *err)
{
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[1] = {code};
    PGresult *r = db_exec(c, &GET, 1, params);
    dna_status st = DNA_OK;
    if (!db_ok(r))
        st = db_status_of(r);
    else if (PQntuples(r) != 1)
        st = dna_err_set(err, DNA_NOT_FOUND, "no department with code %.32s", code);
    else
        *json = strdup(PQgetvalue(r, 0, 0));
    PQclear(r);
    db_release(c);
    return st;
}
