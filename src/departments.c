/* departments.c: SQL for departments, keyed by their code. */
#include "departments.h"

#include <stdio.h>
#include <string.h>

#include "db_write.h"
#include "text.h"

const field_spec DEPARTMENTS_CREATE_FIELDS[] = {
    {.name = "code", .type = F_STRING, .required = 1, .maxlen = 16},
    {.name = "name", .type = F_STRING, .required = 1, .maxlen = 200},
    {.name = "staff_count", .type = F_INT, .nullable = 1, .min = 0, .max = 1000000},
    {.name = NULL},
};

#define DEPARTMENT_JSON                                                                                      \
    "json_build_object('id', d.id, 'code', d.code, 'name', d.name, 'staff_count', d.staff_count,"            \
    " 'members_count', (SELECT count(*) FROM members m WHERE m.department_id = d.id AND m.erased_at IS "     \
    "NULL),"                                                                                                 \
    " 'created_at', rfc3339(d.created_at), 'updated_at', rfc3339(d.updated_at))::text"

static const listing_sort SORTS[] = {
    {"code", "d.code", "text"},
    {"name", "d.name", "text"},
    {NULL},
};

const listing_def DEPARTMENTS_LIST = {
    .name = "departments",
    .row = DEPARTMENT_JSON,
    .from = " FROM departments d",
    .id = "d.id",
    .updated_at = "d.updated_at",
    .csv_header = "id,code,name,staff_count,members_count,created_at,updated_at",
    .default_sort = "code",
    .sorts = SORTS,
};

static const db_stmt GET = {"departments_get", "SELECT " DEPARTMENT_JSON
                                               ", d.version FROM departments d WHERE d.code = $1::text"};

static const db_stmt INSERT = {
    "departments_insert", "INSERT INTO departments (code, name, staff_count) VALUES ($1, $2, $3::integer)"};

static const db_field_error ERRORS[] = {
    {"departments_code_key", "code", "is taken by another department"},
    {"departments_code_check", "code", "must be 2-16 capitals, digits or _, starting with a capital"},
    {NULL},
};

static const db_resource DEPARTMENT = {
    .entity = "department", .fetch = &GET, .errors = ERRORS, .key_name = "code"};

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

static dna_status create_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const json_t *staff = json_object_get(w->changes, "staff_count");
    char count[24];
    snprintf(count, sizeof count, "%lld", (long long)json_integer_value(staff));
    const char *params[3] = {w->key, json_in_str(w->changes, "name"), json_is_integer(staff) ? count : NULL};
    dna_status st = db_write_exec(c, w, &INSERT, 3, params, NULL, err);
    return st == DNA_OK ? DNA_CREATED : st;
}

dna_status departments_create(const principal *p, const json_t *body, db_doc *out, dna_err *err)
{
    const char *code = json_in_str(body, "code");
    if (!valid_code(code))
        return dna_err_field(err, "code", "must be 2-16 capitals, digits or _, starting with a capital");
    db_write w = {.res = &DEPARTMENT,
                  .who = p,
                  .action = "create",
                  .changes = body,
                  .if_match = -1,
                  .step = create_step};
    text_clip(w.key, sizeof w.key, code);
    return db_write_run(&w, out, err);
}

dna_status departments_get(const char *code, db_doc *out, dna_err *err)
{
    return db_read_doc(&DEPARTMENT, code, NULL, 0, out, err);
}
