/* calendar.c: the members' personal calendar feeds: POST and DELETE
 * /api/v1/members/me/calendar-feed, and GET /api/v1/calendar/{key} (no
 * bearer: the key in the URL is the credential). */
#include "calendar.h"

#include <stdio.h>
#include <string.h>

#include "authz.h"
#include "dynbuf.h"
#include "handlers.h"
#include "list.h"
#include "params.h"
#include "request.h"
#include "respond.h"
#include "sessions.h"
#include "text.h"

static const dna_config *config;

void api_calendar_init(const dna_config *cfg)
{
    config = cfg;
}

/* How the caller reaches us: DNA_PUBLIC_URL, else the Host it used. */
static void base_url(req_ctx *ctx, char out[512])
{
    if (config != NULL && config->public_url != NULL) {
        text_clip(out, 512, config->public_url);
        size_t n = strlen(out);
        while (n > 0 && out[n - 1] == '/')
            out[--n] = '\0';
        return;
    }
    const char *host = req_header(ctx, "Host");
    char shown[256];
    snprintf(out, 512, "http://%s", text_clip(shown, sizeof shown, host && host[0] ? host : "localhost"));
}

void api_calendar_feed_create(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, NULL) != 0)
        return;
    char key[CALENDAR_KEY_LEN + 1];
    dna_status st = authz_may_write(&ctx->who)
                        ? calendar_feed_create(&ctx->who, key, &r.err)
                        : dna_err_set(&r.err, DNA_FORBIDDEN, "calendar feeds are for members who take part");
    if (st != DNA_CREATED) {
        req_end(ctx, &r, st, NULL);
        return;
    }
    char base[512], url[640], webcal[640];
    base_url(ctx, base);
    snprintf(url, sizeof url, "%s/api/v1/calendar/%s.ics", base, key);
    /* The same address for calendar programs that open webcal:// links. */
    snprintf(webcal, sizeof webcal, "webcal://%s", strstr(url, "://") + 3);
    respond_header(ctx->resp, "Cache-Control", "no-store");
    respond_json(ctx->resp, 201, json_pack("{s:s, s:s}", "url", url, "webcal_url", webcal));
}

void api_calendar_feed_delete(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, NULL) == 0)
        req_end(ctx, &r, calendar_feed_delete(&ctx->who, &r.err), NULL);
}

void api_calendar_feed(req_ctx *ctx)
{
    static const char *const NONE[] = {NULL};
    dna_err e;
    dna_err_init(&e);
    if (params_only(&ctx->query, NONE, 0, &e) != 0) {
        req_bad_query(ctx, &e);
        return;
    }
    /* The key, with or without ".ics" (calendar programs like to see one). */
    char key[CALENDAR_KEY_LEN + 8];
    text_clip(key, sizeof key, req_path_text(ctx, 0));
    size_t n = strlen(key);
    if (n > 4 && strcmp(key + n - 4, ".ics") == 0)
        key[n - 4] = '\0';
    listing_query q;
    params none = {0};
    char member[24], since[40];
    dna_status st = listing_parse(&SESSIONS_LIST, &none, &q, &e);
    if (st == DNA_OK)
        st = calendar_feed_query(key, &q, member, since, &e);
    if (st != DNA_OK) {
        req_fail(ctx, st, &e);
        return;
    }
    respond_header(ctx->resp, "Cache-Control", "private, max-age=300");
    list_stream(ctx, &q, FORMAT_ICS, "DNA Dienstverlening: mijn sessies");
}
