/* departments.c: /api/v1/departments, keyed by code. */
#include "departments.h"

#include "handlers.h"
#include "list.h"
#include "request.h"

void api_departments_list(req_ctx *ctx)
{
    list_answer(ctx, &DEPARTMENTS_LIST, NULL);
}

void api_departments_create(req_ctx *ctx)
{
    json_t *body;
    if (req_query_only(ctx, NULL) != 0 || req_json_body(ctx, DEPARTMENTS_CREATE_FIELDS, 0, &body) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    db_doc doc = {0};
    dna_status st = departments_create(&ctx->who, body, &doc, &e);
    json_decref(body);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/departments");
}

void api_departments_get(req_ctx *ctx)
{
    if (req_query_only(ctx, NULL) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    db_doc doc = {0};
    dna_status st = departments_get(req_path_text(ctx, 0), &doc, &e);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/departments");
}
