/* departments.c: /api/v1/departments, keyed by code. */
#include "departments.h"

#include "handlers.h"
#include "list.h"
#include "request.h"

#define DEPARTMENTS "/api/v1/departments"

void api_departments_list(req_ctx *ctx)
{
    list_answer(ctx, &DEPARTMENTS_LIST, NULL);
}

void api_departments_create(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, DEPARTMENTS_CREATE_FIELDS) == 0)
        req_end(ctx, &r, departments_create(&ctx->who, r.body, &r.doc, &r.err), DEPARTMENTS);
}

void api_departments_get(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, NULL) == 0)
        req_end(ctx, &r, departments_get(req_path_text(ctx, 0), &r.doc, &r.err), DEPARTMENTS);
}
