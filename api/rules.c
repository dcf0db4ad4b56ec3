/* rules.c: /api/v1/rules: the rule register, its changes by the
 * deregulation team and program managers, and one rule with its reports. */
#include "rules.h"

#include "handlers.h"
#include "list.h"
#include "request.h"

void api_rules_list(req_ctx *ctx)
{
    list_answer(ctx, &RULES_LIST, NULL);
}

void api_rules_get(req_ctx *ctx)
{
    int64_t id;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "rule") != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    db_doc doc = {0};
    dna_status st = rules_get(id, &doc, &e);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/rules");
}

void api_rules_create(req_ctx *ctx)
{
    json_t *body;
    if (req_query_only(ctx, NULL) != 0 || req_json_body(ctx, RULES_CREATE_FIELDS, 0, &body) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    db_doc doc = {0};
    dna_status st = rules_create(&ctx->who, body, &doc, &e);
    json_decref(body);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/rules");
}

void api_rules_update(req_ctx *ctx)
{
    int64_t id;
    long long version;
    json_t *patch;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "rule") != 0 ||
        req_if_match(ctx, &version) != 0 || req_json_body(ctx, RULES_PATCH_FIELDS, 1, &patch) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    db_doc doc = {0};
    dna_status st = rules_update(&ctx->who, id, patch, version, &doc, &e);
    json_decref(patch);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/rules");
}
