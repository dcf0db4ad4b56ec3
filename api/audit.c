/* audit.c: GET /api/v1/audit, for program managers. */
#include "audit.h"

#include "handlers.h"
#include "list.h"

void api_audit_list(req_ctx *ctx)
{
    list_answer(ctx, &AUDIT_LIST, NULL);
}
