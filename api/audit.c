/* audit.c: GET /api/v1/audit, for program managers. */
#include "audit.h"

#include "handlers.h"
#include "list.h"
#include "request.h"

void api_audit_list(req_ctx *ctx)
{
    static const char *const ALLOWED[] = {"entity", "actor", "from", "to", NULL};
    if (req_query_only(ctx, ALLOWED) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    const char *entity = NULL, *actor = NULL, *from = NULL, *to = NULL;
    if (params_text(&ctx->query, "entity", 64, &entity, &e) != 0 ||
        params_text(&ctx->query, "actor", 160, &actor, &e) != 0 ||
        params_datetime(&ctx->query, "from", &from, &e) != 0 ||
        params_datetime(&ctx->query, "to", &to, &e) != 0) {
        req_bad_query(ctx, &e);
        return;
    }
    list_request lr = {
        .name = "audit", .sorts = AUDIT_SORTS, .csv_header = "id,at,actor,action,entity,entity_id,changes"};
    list_param(&lr, entity);
    list_param(&lr, actor);
    list_param(&lr, from);
    list_param(&lr, to);
    list_answer(ctx, &lr);
}
