/* reports.c: /api/v1/reports: filing (Idempotency-Key), the listing with
 * its filters and exports, one report, its merge-patch changes, lifecycle
 * transitions, history, supports and comments. */
#include "reports.h"

#include <stdio.h>
#include <string.h>

#include "handlers.h"
#include "list.h"
#include "request.h"
#include "respond.h"

void api_reports_list(req_ctx *ctx)
{
    report_viewer v;
    reports_viewer(&ctx->who, &v);
    const list_binding view[] = {
        {"viewer", v.member}, {"privileged", v.privileged}, {"pseudo", v.pseudo}, {NULL}};
    list_answer(ctx, &REPORTS_LIST, view);
}

#define REPORTS "/api/v1/reports"

void api_reports_create(req_ctx *ctx)
{
    const char *key;
    req_one r;
    if (req_writer(ctx, "reports") != 0 || req_idempotency_key(ctx, &key) < 0 ||
        req_begin(ctx, &r, 0, NULL, REPORTS_CREATE_FIELDS) != 0)
        return;
    /* An anonymous filer is named nowhere, the request log included. */
    ctx->hide_caller = json_is_true(json_object_get(r.body, "anonymous"));
    int replayed = 0;
    dna_status st = reports_file(&ctx->who, r.body, key, &r.doc, &replayed, &r.err);
    if (st == DNA_CREATED && replayed)
        respond_header(ctx->resp, "Idempotent-Replayed", "true");
    req_end(ctx, &r, st, REPORTS);
}

void api_reports_get(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "report", NULL) == 0)
        req_end(ctx, &r, reports_get(&ctx->who, r.id, &r.doc, &r.err), REPORTS);
}

void api_reports_update(req_ctx *ctx)
{
    req_one r;
    if (req_writer(ctx, "reports") == 0 &&
        req_begin(ctx, &r, REQ_ID | REQ_IF_MATCH | REQ_PATCH, "report", REPORTS_PATCH_FIELDS) == 0)
        req_end(ctx, &r, reports_update(&ctx->who, r.id, r.body, r.if_match, &r.doc, &r.err), REPORTS);
}

void api_reports_transition(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID | REQ_IF_MATCH, "report", REPORTS_TRANSITION_FIELDS) == 0)
        req_end(ctx, &r, reports_transition(&ctx->who, r.id, r.body, r.if_match, &r.doc, &r.err), REPORTS);
}

void api_reports_history(req_ctx *ctx)
{
    list_answer_children(ctx, &REPORTS_HISTORY_LIST, "report", reports_exists);
}

void api_reports_comments_list(req_ctx *ctx)
{
    list_answer_children(ctx, &REPORTS_COMMENTS_LIST, "report", reports_exists);
}

void api_reports_comments_create(req_ctx *ctx)
{
    req_one r;
    if (req_writer(ctx, "reports") != 0 || req_begin(ctx, &r, REQ_ID, "report", REPORTS_COMMENT_FIELDS) != 0)
        return;
    char *json = NULL;
    dna_status st = reports_comment(&ctx->who, r.id, r.body, &json, &r.err);
    if (st == DNA_CREATED)
        respond_json_text(ctx->resp, 201, json, strlen(json));
    else
        req_end(ctx, &r, st, NULL);
    json_decref(r.body);
    free(json);
}

static void support(req_ctx *ctx, int on)
{
    req_one r;
    if (req_writer(ctx, "reports") != 0 || req_begin(ctx, &r, REQ_ID, "report", NULL) != 0)
        return;
    long long count = 0;
    dna_status st = reports_support(&ctx->who, r.id, on, &count, &r.err);
    if (st == DNA_OK)
        respond_json(ctx->resp, 200, json_pack("{s:I}", "supporters_count", (json_int_t)count));
    else
        req_end(ctx, &r, st, NULL);
}

void api_reports_support_put(req_ctx *ctx)
{
    support(ctx, 1);
}

void api_reports_support_delete(req_ctx *ctx)
{
    support(ctx, 0);
}
