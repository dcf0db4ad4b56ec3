/* stats.c: /api/v1/stats/...: the programme's figures over a range, as JSON
 * ({from, to, group_by, data: [...]}; the overview as one object) or, like
 * every collection, as CSV/NDJSON. */
#include "stats.h"

#include <stdio.h>
#include <string.h>

#include "dynbuf.h"
#include "handlers.h"
#include "list.h"
#include "params.h"
#include "request.h"
#include "respond.h"
#include "routes.h"

typedef struct {
    const char *from, *to, *group_by;
    int one_row; /* the overview: the row itself */
} envelope;

static void wrap(req_ctx *ctx, const char *rows, size_t len, void *arg)
{
    const envelope *env = arg;
    if (env->one_row && len > 2) {
        respond_json_text(ctx->resp, 200, rows + 1, len - 2);
        return;
    }
    dynbuf b;
    dynbuf_init(&b, len + 256);
    dynbuf_printf(&b, "{\"from\":\"%s\",\"to\":\"%s\",\"group_by\":", env->from, env->to);
    if (env->group_by)
        dynbuf_printf(&b, "\"%s\"", env->group_by);
    else
        dynbuf_str(&b, "null");
    dynbuf_str(&b, ",\"data\":");
    dynbuf_add(&b, rows, len);
    dynbuf_str(&b, "}");
    if (b.failed)
        req_fail(ctx, DNA_ERROR, NULL);
    else
        respond_json_text(ctx->resp, 200, b.data, b.len);
    dynbuf_free(&b);
}

/* A date the listing will accept, or NULL (a malformed one is the
 * listing's to name). */
static const char *date_param(req_ctx *ctx, const char *name)
{
    const char *given[2];
    int n = params_all(&ctx->query, name, given, 2);
    return n == 1 && params_valid_date(given[0]) ? given[0] : NULL;
}

static void answer(req_ctx *ctx, const stats_def *s, int one_row)
{
    dna_err e;
    dna_err_init(&e);
    const char *given[2];
    const char *group_by = params_all(&ctx->query, "group_by", given, 2) >= 1 ? given[0] : NULL;
    const listing_def *def = stats_grouping(s, group_by, &e);
    char from[11], to[11];
    if (def == NULL || stats_range(date_param(ctx, "from"), date_param(ctx, "to"), from, to, &e) != DNA_OK) {
        req_bad_query(ctx, &e);
        return;
    }
    const list_binding bindings[] = {
        {"from", from}, {"to", to}, {"suppress", ctx->who.pseudonymise ? "true" : "false"}, {NULL}};
    envelope env = {.from = from,
                    .to = to,
                    .group_by = s->group_by[0] ? (group_by ? group_by : s->group_by[0]) : NULL,
                    .one_row = one_row};
    list_answer_whole(ctx, def, bindings, wrap, &env);
}

/* The statistic the route names: /api/v1/stats/<name>. */
static const stats_def *const STATS[] = {&STATS_OVERVIEW, &STATS_REPORTS, &STATS_SESSIONS, &STATS_MEMBERS,
                                         &STATS_THEMES,   &STATS_RULES,   &STATS_NETWORK};

void api_stats(req_ctx *ctx)
{
    const char *name = strrchr(ctx->route->pattern, '/') + 1;
    for (size_t i = 0; i < sizeof STATS / sizeof STATS[0]; i++)
        if (strcmp(STATS[i]->name, name) == 0) {
            answer(ctx, STATS[i], STATS[i] == &STATS_OVERVIEW);
            return;
        }
    req_fail(ctx, DNA_NOT_FOUND, NULL);
}
