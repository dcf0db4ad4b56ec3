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

#define MEMBERS "/api/v1/members"

void api_members_get(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "member", NULL) != 0)
        return;
    dna_status st = authz_may_use_member_ids(&ctx->who)
                        ? members_get(&ctx->who, r.id, &r.doc, &r.err)
                        : dna_err_set(&r.err, DNA_FORBIDDEN,
                                      "analysts read members through the directory, by pseudonym, not by id");
    req_end(ctx, &r, st, MEMBERS);
}

void api_members_me(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, NULL) != 0)
        return;
    dna_status st = ctx->who.member_id > 0
                        ? members_get(&ctx->who, ctx->who.member_id, &r.doc, &r.err)
                        : dna_err_set(&r.err, DNA_NOT_FOUND, "this token belongs to no member");
    req_end(ctx, &r, st, MEMBERS);
}

void api_members_create(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, MEMBERS_CREATE_FIELDS) == 0)
        req_end(ctx, &r, members_create(&ctx->who, r.body, &r.doc, &r.err), MEMBERS);
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
    req_one r;
    if (req_begin(ctx, &r, REQ_ID | REQ_BODY_LATER, "member", NULL) != 0)
        return;
    int manager = authz_has(&ctx->who, ROLE_PROGRAM_MANAGER);
    if (!manager && !(authz_is_self(&ctx->who, r.id) && authz_may_write(&ctx->who))) {
        req_end(ctx, &r, dna_err_set(&r.err, DNA_FORBIDDEN, "only program managers change other members"),
                NULL);
        return;
    }
    if (req_read_body(ctx, &r, REQ_IF_MATCH | REQ_PATCH, MEMBERS_PATCH_FIELDS) != 0)
        return;
    dna_status st =
        !manager && !self_editable_only(r.body)
            ? dna_err_set(&r.err, DNA_FORBIDDEN, "members change only their own job_title and interests")
            : members_update(&ctx->who, r.id, r.body, r.if_match, &r.doc, &r.err);
    req_end(ctx, &r, st, MEMBERS);
}

void api_members_erase(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "member", NULL) == 0)
        req_end(ctx, &r, members_erase(&ctx->who, r.id, &r.err), MEMBERS);
}
