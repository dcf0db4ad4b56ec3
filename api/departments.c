/* departments.c: GET and POST /api/v1/departments. */
#include "departments.h"

#include <stdlib.h>
#include <string.h>

#include "handlers.h"
#include "list.h"
#include "request.h"
#include "respond.h"

void api_departments_list(req_ctx *ctx)
{
    static const char *const ALLOWED[] = {NULL};
    if (req_query_only(ctx, ALLOWED) != 0)
        return;
    list_request lr = {.name = "departments",
                       .sorts = DEPARTMENTS_SORTS,
                       .csv_header = "id,code,name,members_count,created_at,updated_at"};
    list_answer(ctx, &lr);
}

void api_departments_create(req_ctx *ctx)
{
    json_t *body;
    if (req_json_body(ctx, DEPARTMENTS_CREATE_FIELDS, 0, &body) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    char *json = NULL;
    long long id = 0;
    dna_status st = departments_create(&ctx->who, body, &json, &id, &e);
    if (st != DNA_CREATED) {
        json_decref(body);
        req_fail(ctx, st, &e);
        return;
    }
    respond_location(ctx->resp, "/api/v1/departments/%s", json_string_value(json_object_get(body, "code")));
    respond_etag(ctx->resp, 1);
    json_decref(body);
    respond_json_text(ctx->resp, 201, json, strlen(json));
    free(json);
}

void api_departments_get(req_ctx *ctx)
{
    if (req_query_only(ctx, NULL) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    char *json = NULL;
    dna_status st = departments_get(req_path_text(ctx, 0), &json, &e);
    if (st != DNA_OK) {
        req_fail(ctx, st, &e);
        return;
    }
    respond_json_text(ctx->resp, 200, json, strlen(json));
    free(json);
}
