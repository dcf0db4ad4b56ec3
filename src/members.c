/* members.c: SQL and rules for members. Personal fields never reach the
 * audit log (audit.c redacts them); erasure replaces them with a pseudonym
 * and keeps the row, so counts and history stay. */
#include "members.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db_write.h"
#include "revocation.h"
#include "text.h"

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

static const db_stmt GET = {
    "members_get", "SELECT member_json(m, d.code, $2::boolean)::text, m.version"
                   " FROM members m JOIN departments d ON d.id = m.department_id WHERE m.id = $1::bigint"};

static const listing_filter FILTERS[] = {
    {"department", LISTING_TEXT, .maxlen = 16, .where = "d.code = {}"},
    {"active", LISTING_BOOL, .where = "m.active = {}"},
    {"role", LISTING_ENUM, .values = STAFF_ROLES, .where = "{} = ANY (m.roles)"},
    {"q", LISTING_TEXT, .maxlen = 200, .where = "m.name ILIKE like_anywhere({})"},
    {"joined_from", LISTING_DATE, .where = "m.joined_at >= {}"},
    {"joined_to", LISTING_DATE, .where = "m.joined_at <= {}"},
    {"pseudo", LISTING_CONTEXT, .type = "boolean"},
    {NULL},
};

static const listing_sort SORTS[] = {
    {"id", "m.id", "bigint"},
    {"name", "m.name", "text"},
    {"joined_at", "m.joined_at", "date"},
    {NULL},
};

const listing_def MEMBERS_LIST = {
    .name = "members",
    .row = "member_json(m, d.code, {pseudo})::text",
    .from = " FROM members m JOIN departments d ON d.id = m.department_id",
    .id = "m.id",
    .updated_at = "m.updated_at",
    .csv_header = "id,name,email,department,job_title,roles,joined_at,interests,active,erased,created_at,"
                  "updated_at",
    .csv_header_pseudo = "pseudonym,department,roles,joined_at,interests,active,erased,created_at,updated_at",
    .default_sort = "id",
    .filters = FILTERS,
    .sorts = SORTS,
};

/* ---- writes ------------------------------------------------------------ */

/* A department code that names none becomes -1, which the foreign key
 * refuses: the error names the field. */
#define DEPARTMENT_OF(code) "COALESCE((SELECT id FROM departments WHERE code = " code "), -1)"
#define TEXT_ARRAY(json) "ARRAY(SELECT json_array_elements_text(" json "))"

static const db_stmt INSERT = {
    "members_insert",
    "INSERT INTO members (name, email, department_id, job_title, roles, joined_at, interests, password_hash)"
    " VALUES ($1, lower($2), " DEPARTMENT_OF(
        "$3::text") ", $4,"
                    " CASE WHEN $5::json IS NULL THEN '{member}' ELSE " TEXT_ARRAY(
                        "$5::json") " END,"
                                    " COALESCE($6::date, current_date),"
                                    " CASE WHEN $7::json IS NULL THEN '{}' ELSE " TEXT_ARRAY(
                                        "$7::json") " END, $8)"
                                                    " RETURNING id"};

/* The fields of the patch ($2, JSON) that are present; a password is
 * hashed before ($3: whether to set it, $4 the hash). */
static const db_stmt UPDATE = {
    "members_update",
    "UPDATE members m SET"
    " name = COALESCE($2::jsonb->>'name', m.name), email = COALESCE(lower($2::jsonb->>'email'), m.email),"
    " department_id = CASE WHEN $2::jsonb ? 'department' THEN " DEPARTMENT_OF(
        "$2::jsonb->>'department'") ""
                                    "   ELSE m.department_id END,"
                                    " job_title = CASE WHEN $2::jsonb ? 'job_title' THEN "
                                    "$2::jsonb->>'job_title' ELSE m.job_title END,"
                                    " roles = CASE WHEN $2::jsonb ? 'roles' THEN " TEXT_ARRAY(
                                        "($2::jsonb->'roles')::json") " ELSE m.roles END,"
                                                                      " interests = CASE WHEN $2::jsonb "
                                                                      "? 'interests' THEN " TEXT_ARRAY(
                                                                          "($2::jsonb->'interests')::"
                                                                          "json") ""
                                                                                  "   ELSE m.interests "
                                                                                  "END,"
                                                                                  " active = "
                                                                                  "COALESCE(($2::jsonb->>"
                                                                                  "'active')::boolean, "
                                                                                  "m.active),"
                                                                                  " password_hash = CASE "
                                                                                  "WHEN $3::boolean THEN "
                                                                                  "$4 ELSE "
                                                                                  "m.password_hash END"
                                                                                  " WHERE m.id = "
                                                                                  "$1::bigint"};

static const db_stmt LOCK = {
    "members_lock", "SELECT version, erased_at IS NOT NULL FROM members WHERE id = $1::bigint FOR UPDATE"};

/* Erasure: the personal fields go (the display name carries no pseudonym:
 * it would join the analysts' view to the directory), and so does what
 * holds them elsewhere: the stored answers of the member's filings
 * (idempotency keys), the login windows keyed by the member's email, their
 * calendar feed, the comments of their session feedback and their
 * participation in initiatives (what they own or wrote there stays, under
 * the erased name). */
static const db_stmt ERASE = {
    "members_erase",
    "WITH m AS (SELECT id, 'm:' || lower(email) AS account FROM members WHERE id = $1::bigint AND erased_at "
    "IS NULL),"
    " answers AS (DELETE FROM idempotency_keys WHERE member_id IN (SELECT id FROM m)),"
    " logins AS (DELETE FROM login_attempts l USING m WHERE l.key = 'account:' || m.account"
    "   OR left(l.key, length('pair:' || m.account) + 1) = 'pair:' || m.account || '|'),"
    " feeds AS (DELETE FROM calendar_feeds WHERE member_id IN (SELECT id FROM m)),"
    /* Feedback comments are personal data; the ratings stay for the counts. */
    " comments AS (UPDATE session_feedback SET comment = NULL WHERE member_id IN (SELECT id FROM m)),"
    " parts AS (DELETE FROM initiative_participants WHERE member_id IN (SELECT id FROM m))"
    " UPDATE members SET name = 'Verwijderd lid', email = NULL, job_title = NULL, interests = '{}',"
    " password_hash = NULL, active = false, erased_at = now() WHERE id IN (SELECT id FROM m)"};

static const db_field_error ERRORS[] = {
    {"members_email_key", "email", "is taken by another member"},
    {"members_department_id_fkey", "department", "is not a known department code"},
    {"members_email_check", "email", "must be an email address"},
    {"members_roles_check", "roles", "must name at least one known role"},
    {NULL},
};

static const db_resource MEMBER = {.entity = "member", .lock = &LOCK, .fetch = &GET, .errors = ERRORS};

dna_status members_get(const principal *p, int64_t id, db_doc *out, dna_err *err)
{
    char key[24];
    snprintf(key, sizeof key, "%lld", (long long)id);
    const char *view[1] = {p->pseudonymise ? "true" : "false"};
    return db_read_doc(&MEMBER, key, view, 1, out, err);
}

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

static char *json_text_or_null(const json_t *v)
{
    return v ? json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
}

/* The checks a body or patch must pass before any database work. */
static dna_status check_fields(const json_t *obj, dna_err *err)
{
    const json_t *roles = json_object_get(obj, "roles");
    if (json_is_array(roles) && json_array_size(roles) == 0)
        return dna_err_field(err, "roles", "must name at least one role");
    const char *email = json_in_str(obj, "email");
    if (email && !valid_email(email))
        return dna_err_field(err, "email", "must be an email address");
    return DNA_OK;
}

/* The hash of the body's password, when it carries one ("" when not). */
static dna_status password_hash(const json_t *obj, char hash[AUTH_HASH_LEN], dna_err *err)
{
    hash[0] = '\0';
    const char *password = json_in_str(obj, "password");
    if (password && auth_hash_secret(password, hash) != 0)
        return dna_err_set(err, DNA_ERROR, "cannot hash the password");
    return DNA_OK;
}

typedef struct {
    char hash[AUTH_HASH_LEN];
} member_secret;

static dna_status create_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const json_t *body = w->changes;
    const member_secret *secret = w->arg;
    char *roles = json_text_or_null(json_object_get(body, "roles"));
    char *interests = json_text_or_null(json_object_get(body, "interests"));
    const char *params[8] = {json_in_str(body, "name"),
                             json_in_str(body, "email"),
                             json_in_str(body, "department"),
                             json_in_str(body, "job_title"),
                             roles,
                             json_in_str(body, "joined_at"),
                             interests,
                             secret->hash[0] ? secret->hash : NULL};
    dna_status st = db_write_insert(c, w, &INSERT, 8, params, err);
    free(roles);
    free(interests);
    return st;
}

dna_status members_create(const principal *p, const json_t *body, db_doc *out, dna_err *err)
{
    member_secret secret;
    dna_status st = check_fields(body, err);
    if (st != DNA_OK || (st = password_hash(body, secret.hash, err)) != DNA_OK)
        return st;
    db_write w = {.res = &MEMBER,
                  .who = p,
                  .action = "create",
                  .changes = body,
                  .if_match = -1,
                  .step = create_step,
                  .arg = &secret,
                  .view = {p->pseudonymise ? "true" : "false"},
                  .nview = 1};
    return db_write_run(&w, out, err);
}

/* `row`: the locked member (version, erased). An erased member is gone. */
static dna_status update_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    if (strcmp(PQgetvalue(row, 0, 1), "t") == 0)
        return dna_err_set(err, DNA_NOT_FOUND, "no member with id %s", w->key);
    const member_secret *secret = w->arg;
    const json_t *pw = json_object_get(w->changes, "password");
    char *text = json_dumps(w->changes, JSON_COMPACT);
    if (text == NULL)
        return DNA_ERROR;
    const char *params[4] = {w->key, text, pw ? "true" : "false", secret->hash[0] ? secret->hash : NULL};
    dna_status st = db_write_exec(c, w, &UPDATE, 4, params, NULL, err);
    free(text);
    return st;
}

dna_status members_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                          db_doc *out, dna_err *err)
{
    member_secret secret;
    dna_status st = check_fields(patch, err);
    if (st != DNA_OK || (st = password_hash(patch, secret.hash, err)) != DNA_OK)
        return st;
    db_write w = {.res = &MEMBER,
                  .who = p,
                  .action = "update",
                  .changes = patch,
                  .if_match = if_match,
                  .step = update_step,
                  .arg = &secret,
                  .view = {p->pseudonymise ? "true" : "false"},
                  .nview = 1};
    db_write_key(&w, id);
    st = db_write_run(&w, out, err);
    revocation_forget(id); /* roles or standing may have changed: re-read at the next request */
    return st;
}

/* Erasing twice is a no-op: DELETE is idempotent. */
static dna_status erase_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    if (strcmp(PQgetvalue(row, 0, 1), "t") == 0) {
        w->action = NULL;
        return DNA_NO_CONTENT;
    }
    const char *params[1] = {w->key};
    dna_status st = db_write_exec(c, w, &ERASE, 1, params, NULL, err);
    return st == DNA_OK ? DNA_NO_CONTENT : st;
}

dna_status members_erase(const principal *p, int64_t id, dna_err *err)
{
    db_write w = {.res = &MEMBER, .who = p, .action = "erase", .if_match = -1, .step = erase_step};
    db_write_key(&w, id);
    dna_status st = db_write_run(&w, NULL, err);
    revocation_forget(id); /* this instance's tokens of the member stop at once */
    return st;
}
