/* docs.c: the API reference in the browser: GET /docs (our page, which
 * points Swagger UI at /openapi.yaml) and GET /docs/{file} (its script,
 * style sheet, icon and licences). Public, like /openapi.yaml. Only the
 * files src/docs_files.c lists are served, from memory. */
#include "docs_files.h"

#include <string.h>

#include "handlers.h"
#include "log.h"
#include "request.h"
#include "respond.h"

/* Everything from this server and nothing inline (Swagger UI 5 needs no
 * inline script or style: seen in Chromium, no violation with "try it"),
 * its icons as data: URIs, requests ("try it") to this server only, no
 * framing, no forms, no <base>. */
#define DOCS_CSP                                                                                             \
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "    \
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

static const char *const NO_PARAMS[] = {NULL};

void api_docs_init(const dna_config *cfg)
{
    char why[4200];
    if (docs_files_load(cfg->docs_dir, why, sizeof why) == 0)
        log_event_json(LOG_INFO, "API reference served at /docs",
                       json_pack("{s:s}", "docs_dir", cfg->docs_dir));
    else
        log_event_json(LOG_WARN, "API reference not served: /docs answers 404 (see DNA_DOCS_DIR)",
                       json_pack("{s:s, s:s}", "docs_dir", cfg->docs_dir, "reason", why));
}

static void serve(req_ctx *ctx, const char *name)
{
    if (req_query_only(ctx, NO_PARAMS) != 0)
        return;
    const docs_file *f = docs_files_find(name);
    if (f == NULL) {
        respond_problem(ctx->resp, 404,
                        docs_files_find(DOCS_PAGE) ? "no such file of the API reference"
                                                   : "the API reference is not installed with this server",
                        NULL, NULL);
        return;
    }
    respond_header(ctx->resp, "Content-Security-Policy", DOCS_CSP);
    respond_header(ctx->resp, "Referrer-Policy", "no-referrer");
    /* Our page and script change with a release: always revalidated. Swagger
     * UI's files change only with its version: a day, then revalidated. */
    respond_header(ctx->resp, "Cache-Control", f->ours ? "no-cache" : "public, max-age=86400");
    respond_header(ctx->resp, "ETag", f->etag);
    if (docs_files_unchanged(f, req_header(ctx, "If-None-Match"))) {
        ulfius_set_empty_body_response(ctx->resp, 304);
        return;
    }
    ulfius_set_binary_body_response(ctx->resp, 200, f->data, f->len);
    respond_header(ctx->resp, "Content-Type", f->media_type);
}

void api_docs_page(req_ctx *ctx)
{
    serve(ctx, DOCS_PAGE);
}

void api_docs_file(req_ctx *ctx)
{
    const char *name = req_path_text(ctx, 0);
    /* The page has one address, /docs: its relative links are made for it. */
    serve(ctx, name != NULL && strcmp(name, DOCS_PAGE) != 0 ? name : "");
}
