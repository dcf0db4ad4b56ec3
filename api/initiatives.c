/* initiatives.c: /api/v1/initiatives: the inventory of improvement
 * initiatives, its changes by owners and program managers, progress
 * updates, participants, and links to reports and complaint themes. */
#include "initiatives.h"

#include "handlers.h"
#include "list.h"
#include "request.h"

#define INITIATIVES "/api/v1/initiatives"

void api_initiatives_list(req_ctx *ctx)
{
    const list_binding view[] = {{"pseudo", ctx->who.pseudonymise ? "true" : "false"}, {NULL}};
    list_answer(ctx, &INITIATIVES_LIST, view);
}

void api_initiatives_get(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "initiative", NULL) == 0)
        req_end(ctx, &r, initiatives_get(&ctx->who, r.id, &r.doc, &r.err), INITIATIVES);
}

void api_initiatives_create(req_ctx *ctx)
{
    req_one r;
    if (req_writer(ctx, "initiatives") == 0 && req_begin(ctx, &r, 0, NULL, INITIATIVES_CREATE_FIELDS) == 0)
        req_end(ctx, &r, initiatives_create(&ctx->who, r.body, &r.doc, &r.err), INITIATIVES);
}

void api_initiatives_update(req_ctx *ctx)
{
    req_one r;
    if (req_writer(ctx, "initiatives") == 0 &&
        req_begin(ctx, &r, REQ_ID | REQ_IF_MATCH | REQ_PATCH, "initiative", INITIATIVES_PATCH_FIELDS) == 0)
        req_end(ctx, &r, initiatives_update(&ctx->who, r.id, r.body, r.if_match, &r.doc, &r.err),
                INITIATIVES);
}

void api_initiatives_updates(req_ctx *ctx)
{
    list_answer_children(ctx, &INITIATIVE_UPDATES_LIST, "initiative", initiatives_exists);
}

void api_initiatives_updates_create(req_ctx *ctx)
{
    req_one r;
    if (req_writer(ctx, "initiatives") == 0 &&
        req_begin(ctx, &r, REQ_ID, "initiative", INITIATIVES_UPDATE_FIELDS) == 0)
        req_end(ctx, &r, initiatives_post_update(&ctx->who, r.id, r.body, &r.doc, &r.err), NULL);
}

/* PUT (on) or DELETE a participant or link: /initiatives/{id}/<kind>/{target}. */
static void change_link(req_ctx *ctx, initiative_link kind, int on)
{
    req_one r;
    if (req_writer(ctx, "initiatives") == 0 && req_begin(ctx, &r, REQ_ID, "initiative", NULL) == 0)
        req_end(ctx, &r, initiatives_link(&ctx->who, r.id, kind, req_path_text(ctx, 1), on, &r.doc, &r.err),
                NULL);
}

void api_initiatives_participant_put(req_ctx *ctx)
{
    change_link(ctx, INITIATIVE_PARTICIPANT, 1);
}

void api_initiatives_participant_delete(req_ctx *ctx)
{
    change_link(ctx, INITIATIVE_PARTICIPANT, 0);
}

void api_initiatives_report_put(req_ctx *ctx)
{
    change_link(ctx, INITIATIVE_REPORT, 1);
}

void api_initiatives_report_delete(req_ctx *ctx)
{
    change_link(ctx, INITIATIVE_REPORT, 0);
}

void api_initiatives_theme_put(req_ctx *ctx)
{
    change_link(ctx, INITIATIVE_THEME, 1);
}

void api_initiatives_theme_delete(req_ctx *ctx)
{
    change_link(ctx, INITIATIVE_THEME, 0);
}
