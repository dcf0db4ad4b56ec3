/* themes.c: /api/v1/complaint-themes: the Ombudsman's complaint themes, a
 * period's count, the batch (each with Idempotency-Key), the list with
 * totals and trend, and one theme's thread. */
#include "themes.h"

#include <stdio.h>

#include "handlers.h"
#include "list.h"
#include "params.h"
#include "request.h"
#include "respond.h"
#include "text.h"

#define THEMES "/api/v1/complaint-themes"

void api_themes_list(req_ctx *ctx)
{
    /* The range's ends must agree before the listing reads them. */
    dna_err e;
    dna_err_init(&e);
    int bad = 0;
    const char *from = params_get(&ctx->query, "period_from", &bad, &e);
    const char *to = params_get(&ctx->query, "period_to", &bad, &e);
    dna_err_clear(&e); /* repeated or malformed ends: the listing names them */
    if (themes_check_range(from, to, &e) != DNA_OK) {
        req_bad_query(ctx, &e);
        return;
    }
    list_answer(ctx, &THEMES_LIST, NULL);
}

void api_themes_get(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, NULL) == 0)
        req_end(ctx, &r, themes_thread(req_path_text(ctx, 0), &r.doc, &r.err), THEMES);
}

void api_themes_put(req_ctx *ctx)
{
    const char *key;
    req_one r;
    if (req_idempotency_key(ctx, &key) < 0 || req_begin(ctx, &r, 0, NULL, THEME_PUT_FIELDS) != 0)
        return;
    idem_key k = req_idem(ctx, key, r.body);
    dna_status st = themes_put(&ctx->who, req_path_text(ctx, 0), r.body, &k, &r.doc, &r.err);
    req_idem_end(ctx, &k);
    req_end(ctx, &r, st, THEMES);
}

void api_themes_put_period(req_ctx *ctx)
{
    const char *key, *code = req_path_text(ctx, 0), *period = req_path_text(ctx, 1);
    req_one r;
    if (req_idempotency_key(ctx, &key) < 0 || req_begin(ctx, &r, 0, NULL, THEME_PERIOD_FIELDS) != 0)
        return;
    idem_key k = req_idem(ctx, key, r.body);
    dna_status st = themes_put_period(&ctx->who, code, period, r.body, &k, &r.doc, &r.err);
    req_idem_end(ctx, &k);
    /* A new period's Location is its own URL. */
    char periods[160];
    snprintf(periods, sizeof periods, THEMES "/%s/periods", code);
    text_clip(r.doc.key, sizeof r.doc.key, period);
    req_end(ctx, &r, st, periods);
}

void api_themes_batch(req_ctx *ctx)
{
    const char *key;
    req_one r;
    if (req_idempotency_key(ctx, &key) < 0 || req_begin(ctx, &r, 0, NULL, THEME_BATCH_FIELDS) != 0)
        return;
    idem_key k = req_idem(ctx, key, r.body);
    dna_status st = themes_batch(&ctx->who, r.body, &k, &r.doc, &r.err);
    req_idem_end(ctx, &k);
    req_end(ctx, &r, st, THEMES);
}
