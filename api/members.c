/* members.c: /api/v1/members: the directory, the caller's own record,
 * changes by program managers (and by members of their own job title and
 * interests), erasure. */
#include "members.h"

#include <stdio.h>
#include <string.h>

#include "authz.h"
#include "handlers.h"
#include "list.h"
#include "request.h"
#include "respond.h"

void api_members_list(req_ctx *ctx)
{
    static const char *const ALLOWED[] = {"department",  "active",    "role", "q",
                                          "joined_from", "joined_to", NULL};
    static const char *const ROLES[] = {"member",          "organizer", "deregulation_team",
                                        "program_manager", "analyst",   NULL};
    if (req_query_only(ctx, ALLOWED) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    const char *department = NULL, *role = NULL, *q = NULL, *from = NULL, *to = NULL;
    int active = 0, has_active = 0;
    if (params_text(&ctx->query, "department", 16, &department, &e) != 0 ||
        params_bool(&ctx->query, "active", &active, &has_active, &e) != 0 ||
        params_enum(&ctx->query, "role", ROLES, &role, &e) != 0 ||
        params_text(&ctx->query, "q", 200, &q, &e) != 0 ||
        params_date(&ctx->query, "joined_from", &from, &e) != 0 ||
        params_date(&ctx->query, "joined_to", &to, &e) != 0) {
        req_bad_query(ctx, &e);
        return;
    }
    if (ctx->who.pseudonymise) {
        /* Searching or sorting by name would let an analyst learn names. */
        int bad = 0;
        const char *sort = params_get(&ctx->query, "sort", &bad, &e);
        if (q != NULL || (sort && strstr(sort, "name"))) {
            dna_err_set(&e, DNA_FORBIDDEN, "analysts see pseudonyms: no search or sort by name");
            req_fail(ctx, DNA_FORBIDDEN, &e);
            return;
        }
        dna_err_clear(&e);
    }
    list_request lr = {.name = "members",
                       .sorts = MEMBERS_SORTS,
                       .csv_header = ctx->who.pseudonymise ? MEMBERS_CSV_HEADER_PSEUDO : MEMBERS_CSV_HEADER};
    list_param(&lr, department);
    list_param(&lr, has_active ? (active ? "true" : "false") : NULL);
    list_param(&lr, role);
    list_param(&lr, q);
    list_param(&lr, from);
    list_param(&lr, to);
    list_param(&lr, ctx->who.pseudonymise ? "true" : "false");
    list_answer(ctx, &lr);
}

static void get_one(req_ctx *ctx, int64_t id)
{
    dna_err e;
    dna_err_init(&e);
    member_doc doc = {0};
    dna_status st = members_get(&ctx->who, id, &doc, &e);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/members");
}

void api_members_get(req_ctx *ctx)
{
    int64_t id;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "member") != 0)
        return;
    get_one(ctx, id);
}

void api_members_me(req_ctx *ctx)
{
    if (req_query_only(ctx, NULL) != 0)
        return;
    if (ctx->who.member_id <= 0) {
        dna_err e;
        dna_err_init(&e);
        dna_err_set(&e, DNA_NOT_FOUND, "this token belongs to no member");
        req_fail(ctx, DNA_NOT_FOUND, &e);
        return;
    }
    get_one(ctx, ctx->who.member_id);
}

void api_members_create(req_ctx *ctx)
{
    json_t *body;
    if (req_json_body(ctx, MEMBERS_CREATE_FIELDS, 0, &body) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    member_doc doc = {0};
    dna_status st = members_create(&ctx->who, body, &doc, &e);
    json_decref(body);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/members");
}

/* A member (not a program manager) may change only these of their own. */
static int self_editable_only(const json_t *patch)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)patch, key, v)
    {
        (void)v;
        if (strcmp(key, "job_title") != 0 && strcmp(key, "interests") != 0)
            return 0;
    }
    return 1;
}

void api_members_update(req_ctx *ctx)
{
    int64_t id;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "member") != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    int manager = authz_has(&ctx->who, ROLE_PROGRAM_MANAGER);
    if (!manager && !(authz_is_self(&ctx->who, id) && authz_may_write(&ctx->who))) {
        dna_err_set(&e, DNA_FORBIDDEN, "only program managers change other members");
        req_fail(ctx, DNA_FORBIDDEN, &e);
        return;
    }
    long long version;
    if (req_if_match(ctx, &version) != 0)
        return;
    json_t *patch;
    if (req_json_body(ctx, MEMBERS_PATCH_FIELDS, 1, &patch) != 0)
        return;
    if (!manager && !self_editable_only(patch)) {
        json_decref(patch);
        dna_err_set(&e, DNA_FORBIDDEN, "members change only their own job_title and interests");
        req_fail(ctx, DNA_FORBIDDEN, &e);
        return;
    }
    member_doc doc = {0};
    dna_status st = members_update(&ctx->who, id, patch, version, &doc, &e);
    json_decref(patch);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/members");
}

void api_members_erase(req_ctx *ctx)
{
    int64_t id;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "member") != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    dna_status st = members_erase(&ctx->who, id, &e);
    if (st != DNA_NO_CONTENT) {
        req_fail(ctx, st, &e);
        return;
    }
    respond_no_content(ctx->resp);
}
