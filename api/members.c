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
    if (ctx->who.pseudonymise) {
        /* Searching or sorting by name would let an analyst learn names. */
        int bad = 0;
        dna_err e;
        dna_err_init(&e);
        const char *sort = params_get(&ctx->query, "sort", &bad, &e);
        dna_err_clear(&e);
        if (params_get(&ctx->query, "q", &bad, &e) != NULL || (sort && strstr(sort, "name"))) {
            dna_err_clear(&e);
            dna_err_set(&e, DNA_FORBIDDEN, "analysts see pseudonyms: no search or sort by name");
            req_fail(ctx, DNA_FORBIDDEN, &e);
            return;
        }
        dna_err_clear(&e);
    }
    const list_binding view[] = {{"pseudo", ctx->who.pseudonymise ? "true" : "false"}, {NULL}};
    list_answer(ctx, &MEMBERS_LIST, view);
}

static void get_one(req_ctx *ctx, int64_t id)
{
    dna_err e;
    dna_err_init(&e);
    db_doc doc = {0};
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
    db_doc doc = {0};
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
    db_doc doc = {0};
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
