/* ops.c: the operational endpoints: liveness, readiness, metrics, the spec. */
#include <string.h>

#include "dynbuf.h"
#include "embedded.h"
#include "handlers.h"
#include "metrics.h"
#include "migrate.h"
#include "request.h"
#include "respond.h"

static const char *const NO_PARAMS[] = {NULL};

void api_ops_healthz(req_ctx *ctx)
{
    if (req_query_only(ctx, NO_PARAMS) != 0)
        return;
    respond_json(ctx->resp, 200, json_pack("{s:s}", "status", "ok"));
}

void api_ops_readyz(req_ctx *ctx)
{
    if (req_query_only(ctx, NO_PARAMS) != 0)
        return;
    const char *database = "unreachable", *migrations = "unknown";
    int pending = migrate_check();
    if (pending >= 0) {
        database = "ok";
        migrations = pending == 0 ? "current" : "pending";
    }
    int ready = strcmp(database, "ok") == 0 && strcmp(migrations, "current") == 0;
    if (!ready)
        respond_header(ctx->resp, "Retry-After", "2");
    respond_json(ctx->resp, ready ? 200 : 503,
                 json_pack("{s:s, s:s, s:s}", "status", ready ? "ready" : "unavailable", "database", database,
                           "migrations", migrations));
}

void api_ops_metrics(req_ctx *ctx)
{
    if (req_query_only(ctx, NO_PARAMS) != 0)
        return;
    dynbuf b;
    dynbuf_init(&b, 4u * 1024 * 1024);
    if (metrics_render(&b) != 0) {
        dynbuf_free(&b);
        req_fail(ctx, DNA_ERROR, NULL);
        return;
    }
    ulfius_set_binary_body_response(ctx->resp, 200, b.data, b.len);
    respond_header(ctx->resp, "Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    dynbuf_free(&b);
}

void api_ops_openapi(req_ctx *ctx)
{
    if (req_query_only(ctx, NO_PARAMS) != 0)
        return;
    ulfius_set_binary_body_response(ctx->resp, 200, EMBED_OPENAPI.data, EMBED_OPENAPI.len);
    respond_header(ctx->resp, "Content-Type", "application/yaml");
}
