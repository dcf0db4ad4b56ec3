/* rules.c: /api/v1/rules: the rule register, its changes by the
 * deregulation team and program managers, and one rule with its reports. */
#include "rules.h"

#include "handlers.h"
#include "list.h"
#include "request.h"

#define RULES "/api/v1/rules"

void api_rules_list(req_ctx *ctx)
{
    list_answer(ctx, &RULES_LIST, NULL);
}

void api_rules_get(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "rule", NULL) == 0)
        req_end(ctx, &r, rules_get(r.id, &r.doc, &r.err), RULES);
}

void api_rules_create(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, RULES_CREATE_FIELDS) == 0)
        req_end(ctx, &r, rules_create(&ctx->who, r.body, &r.doc, &r.err), RULES);
}

void api_rules_update(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID | REQ_IF_MATCH | REQ_PATCH, "rule", RULES_PATCH_FIELDS) == 0)
        req_end(ctx, &r, rules_update(&ctx->who, r.id, r.body, r.if_match, &r.doc, &r.err), RULES);
}
