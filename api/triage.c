/* triage.c: GET /api/v1/triage?week=YYYY-Www, the weekly agenda. */
#include "triage.h"

#include <stdlib.h>
#include <string.h>

#include "handlers.h"
#include "request.h"
#include "respond.h"

void api_triage_agenda(req_ctx *ctx)
{
    static const char *const ALLOWED[] = {"week", NULL};
    if (req_query_only(ctx, ALLOWED) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    const char *week = NULL;
    if (params_week(&ctx->query, "week", &week, &e) != 0) {
        req_bad_query(ctx, &e);
        return;
    }
    char *json = NULL;
    dna_status st = triage_agenda(&ctx->who, week, &json, &e);
    if (st != DNA_OK) {
        req_fail(ctx, st, &e);
        return;
    }
    respond_json_text(ctx->resp, 200, json, strlen(json));
    free(json);
}
