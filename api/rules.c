/* rules.c: /api/v1/rules: the rule register, its changes by the
 * deregulation team and program managers, and one rule with its reports. */
#include "rules.h"

#include <stdio.h>
#include <string.h>

#include "handlers.h"
#include "list.h"
#include "request.h"
#include "respond.h"

void api_rules_list(req_ctx *ctx)
{
    static const char *const ALLOWED[] = {"outcome", "source_type", "department", "q", NULL};
    if (req_query_only(ctx, ALLOWED) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    const char *outcome = NULL, *source = NULL, *department = NULL, *q = NULL;
    if (params_enum(&ctx->query, "outcome", RULE_OUTCOMES, &outcome, &e) != 0 ||
        params_enum(&ctx->query, "source_type", RULE_SOURCE_TYPES, &source, &e) != 0 ||
        params_text(&ctx->query, "department", 16, &department, &e) != 0 ||
        params_text(&ctx->query, "q", 200, &q, &e) != 0) {
        req_bad_query(ctx, &e);
        return;
    }
    list_request lr = {.name = "rules", .sorts = RULES_SORTS};
    list_param(&lr, outcome);
    list_param(&lr, source);
    list_param(&lr, department);
    list_param(&lr, q);
    list_answer(ctx, &lr);
}

void api_rules_get(req_ctx *ctx)
{
    int64_t id;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "rule") != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    rule_doc doc = {0};
    dna_status st = rules_get(id, &doc, &e);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/rules");
}

void api_rules_create(req_ctx *ctx)
{
    if (req_query_only(ctx, NULL) != 0)
        return;
    json_t *body;
    if (req_json_body(ctx, RULES_CREATE_FIELDS, 0, &body) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    rule_doc doc = {0};
    dna_status st = rules_create(&ctx->who, body, &doc, &e);
    json_decref(body);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/rules");
}

void api_rules_update(req_ctx *ctx)
{
    int64_t id;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "rule") != 0)
        return;
    long long version;
    if (req_if_match(ctx, &version) != 0)
        return;
    json_t *patch;
    if (req_json_body(ctx, RULES_PATCH_FIELDS, 1, &patch) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    rule_doc doc = {0};
    dna_status st = rules_update(&ctx->who, id, patch, version, &doc, &e);
    json_decref(patch);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/rules");
}
