/* middleware.c: the stages every request passes, in order:
 *   0. request id, security headers, CORS (preflight answered), draining, body limit
 *   1. routing (404/405 as problems), then the bearer token -> principal
 *      (no database call to refuse a bad token), then the route's roles
 *   2. the handler
 * and on the way out one log line and the metrics. */
#include "middleware.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "auth.h"
#include "authz.h"
#include "connections.h"
#include "handlers.h"
#include "log.h"
#include "metrics.h"
#include "ratelimit.h"
#include "request.h"
#include "respond.h"
#include "revocation.h"
#include "routes.h"
#include "tokencache.h"

#define MAX_SEGMENTS 12

static const dna_config *config;
static ratelimit *client_limits;
static atomic_ullong request_counter;
static unsigned long long boot_salt;

void middleware_init(const dna_config *cfg)
{
    config = cfg;
    revocation_set_ttl(cfg->revocation_ttl);
    if (cfg->rate_limit > 0)
        client_limits = ratelimit_new(cfg->rate_limit, 60);
    boot_salt = (unsigned long long)time(NULL) ^ ((unsigned long long)clock() << 20);
}

static double elapsed_ms(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* ---- stage 0 ----------------------------------------------------------- */

static int sane_request_id(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || c == ':'))
            return 0;
    }
    return 1;
}

void middleware_request_id(const char *given, char out[72])
{
    if (sane_request_id(given)) {
        snprintf(out, 72, "%s", given);
    } else {
        unsigned long long n = atomic_fetch_add(&request_counter, 1) + 1;
        snprintf(out, 72, "%08llx-%08llx", boot_salt & 0xffffffffULL, n);
    }
}

static void stage_request_id(req_ctx *ctx)
{
    middleware_request_id(req_header(ctx, "X-Request-Id"), ctx->request_id);
    respond_header(ctx->resp, "X-Request-Id", ctx->request_id);
    respond_header(ctx->resp, "X-Content-Type-Options", "nosniff");
}

static int origin_allowed(const char *origin)
{
    if (origin == NULL || config->cors_origins == NULL)
        return 0;
    for (char **o = config->cors_origins; *o; o++)
        if (strcmp(*o, origin) == 0 || strcmp(*o, "*") == 0)
            return 1;
    return 0;
}

/* Returns 0 when the request was answered here (preflight). */
static int stage_cors(req_ctx *ctx)
{
    const char *origin = req_header(ctx, "Origin");
    int allowed = origin_allowed(origin);
    if (allowed) {
        respond_header(ctx->resp, "Access-Control-Allow-Origin", origin);
        respond_header(ctx->resp, "Vary", "Origin");
        respond_header(ctx->resp, "Access-Control-Expose-Headers",
                       "ETag, Link, Location, X-Request-Id, X-Schema-Version, Retry-After, WWW-Authenticate");
    }
    if (strcmp(ctx->req->http_verb, "OPTIONS") == 0 && origin != NULL &&
        req_header(ctx, "Access-Control-Request-Method") != NULL) {
        if (!allowed) {
            respond_problem(ctx->resp, 403, "this origin is not allowed (DNA_CORS_ORIGINS)", NULL, NULL);
            return 0;
        }
        respond_header(ctx->resp, "Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        respond_header(ctx->resp, "Access-Control-Allow-Headers",
                       "Authorization, Content-Type, If-Match, Idempotency-Key, X-Request-Id, Accept");
        respond_header(ctx->resp, "Access-Control-Max-Age", "600");
        respond_no_content(ctx->resp);
        return 0;
    }
    return 1;
}

/* During shutdown every request is told to go elsewhere and close. */
static int stage_draining(req_ctx *ctx)
{
    if (!connections_draining())
        return 1;
    respond_header(ctx->resp, "Connection", "close");
    respond_header(ctx->resp, "Retry-After", "1");
    respond_problem(ctx->resp, 503, "the server is shutting down; try again (another instance answers)", NULL,
                    NULL);
    return 0;
}

static int stage_limits(req_ctx *ctx)
{
    const char *cl = req_header(ctx, "Content-Length");
    if (cl != NULL) {
        char *end = NULL;
        unsigned long long n = strtoull(cl, &end, 10);
        if (end == cl || *end != '\0' || n > REQUEST_MAX_BODY) {
            respond_problem(ctx->resp, 413, "request bodies are limited to 1 MiB", NULL, NULL);
            return 0;
        }
    }
    /* Without Content-Length (chunked) Ulfius stops storing at REQUEST_MAX_BODY + 1. */
    if (ctx->req->binary_body_length > REQUEST_MAX_BODY) {
        respond_problem(ctx->resp, 413, "request bodies are limited to 1 MiB", NULL, NULL);
        return 0;
    }
    return 1;
}

/* ---- routing ----------------------------------------------------------- */

/* Returns 0 when answered (bad path, 404, 405). */
static int stage_route(req_ctx *ctx, char **segments, int *nseg)
{
    const char *url = ctx->req->http_url ? ctx->req->http_url : "";
    size_t plen = strcspn(url, "?#");
    if (plen == 0 || url[0] != '/') {
        respond_problem(ctx->resp, 400, "malformed request path", NULL, NULL);
        return 0;
    }
    size_t i = 1;
    *nseg = 0;
    while (i <= plen) {
        size_t j = i;
        while (j < plen && url[j] != '/')
            j++;
        if (*nseg == MAX_SEGMENTS) {
            respond_problem(ctx->resp, 404, "no such resource", NULL, NULL);
            return 0;
        }
        char *seg = params_decode(url + i, j - i, 0);
        if (seg == NULL) {
            respond_problem(ctx->resp, 400, "malformed request path (bad percent-encoding or UTF-8)", NULL,
                            NULL);
            return 0;
        }
        segments[(*nseg)++] = seg;
        i = j + 1;
    }
    int known = 0;
    char allow[128] = "";
    char *captured[CTX_MAX_PATH_PARAMS];
    int ncaptured = 0;
    ctx->route = routes_match(ctx->req->http_verb, segments, *nseg, captured, &ncaptured, &known, allow,
                              sizeof allow, &ctx->route_index);
    if (ctx->route == NULL) {
        if (known && strcmp(ctx->req->http_verb, "OPTIONS") == 0) {
            respond_header(ctx->resp, "Allow", allow);
            respond_no_content(ctx->resp);
        } else if (known) {
            respond_header(ctx->resp, "Allow", allow);
            respond_problem(ctx->resp, 405, "this method is not allowed here; see Allow", NULL, NULL);
        } else {
            respond_problem(ctx->resp, 404, "no such resource", NULL, NULL);
        }
        return 0;
    }
    for (int k = 0; k < ncaptured; k++)
        ctx->path_params[k] = strdup(captured[k]);
    ctx->npath_params = ncaptured;
    return 1;
}

static int stage_query(req_ctx *ctx)
{
    dna_err e;
    dna_err_init(&e);
    if (params_parse(ctx->req->http_url, &ctx->query, &e) != 0) {
        if (ctx->route->handler == api_auth_token) {
            /* The token endpoint's errors carry OAuth's `error` (RFC 6749 5.2). */
            dna_err_clear(&e);
            respond_header(ctx->resp, "Cache-Control", "no-store");
            respond_problem(ctx->resp, 400, "malformed query string", NULL,
                            json_pack("{s:s}", "error", "invalid_request"));
            return 0;
        }
        req_bad_query(ctx, &e);
        return 0;
    }
    return 1;
}

/* ---- stage 1 ----------------------------------------------------------- */

static void unauthorized(req_ctx *ctx, const char *why, int had_token)
{
    char hdr[200];
    if (had_token)
        snprintf(hdr, sizeof hdr,
                 "Bearer realm=\"dna-api\", error=\"invalid_token\", error_description=\"%s\"",
                 why ? why : "invalid token");
    else
        snprintf(hdr, sizeof hdr, "Bearer realm=\"dna-api\"");
    respond_header(ctx->resp, "WWW-Authenticate", hdr);
    respond_problem(ctx->resp, 401, had_token ? why : "a bearer token is required", NULL, NULL);
}

static int stage_authenticate(req_ctx *ctx)
{
    if (ctx->route->flags & ROUTE_PUBLIC)
        return 1;
    const char *h = req_header(ctx, "Authorization");
    if (h == NULL || h[0] == '\0') {
        unauthorized(ctx, NULL, 0);
        return 0;
    }
    if (strncasecmp(h, "Bearer ", 7) != 0) {
        unauthorized(ctx, "use the Bearer scheme", 1);
        return 0;
    }
    const char *token = h + 7;
    while (*token == ' ')
        token++;
    auth_claims claims;
    const char *why = NULL;
    time_t now = time(NULL);
    auth_verdict v = AUTH_OK;
    if (!tokencache_get(token, now, &claims)) {
        v = auth_verify(&config->keys, token, now, &claims, &why);
        if (v == AUTH_OK)
            tokencache_put(token, &claims);
    }
    if (v == AUTH_INVALID) {
        unauthorized(ctx, why ? why : "invalid token", 1);
        return 0;
    }
    if (v == AUTH_NO_ROLE) {
        respond_problem(ctx->resp, 403, "the token carries no known role", NULL, NULL);
        return 0;
    }
    principal *p = &ctx->who;
    snprintf(p->sub, sizeof p->sub, "%s", claims.sub);
    p->roles = claims.roles;
    dna_status st = DNA_OK;
    if (claims.from_idp) {
        st = revocation_resolve(claims.member_ref, config->idp_member_claim, now, &p->member_id);
    } else if (claims.sub[0] >= '1' && claims.sub[0] <= '9') {
        char *end = NULL;
        long long id = strtoll(claims.sub, &end, 10);
        if (end && *end == '\0' && id > 0)
            p->member_id = id;
    }
    /* A member's token keeps only what the member still may (erased,
     * deactivated: refused; demoted: fewer roles). */
    if (st == DNA_OK && p->member_id > 0)
        st = revocation_check(p->member_id, claims.roles, now, &p->roles);
    if (st == DNA_UNAUTHORIZED) {
        unauthorized(ctx, "the member of this token is no longer active", 1);
        return 0;
    }
    if (st != DNA_OK) {
        req_fail(ctx, st, NULL);
        return 0;
    }
    if (p->roles == 0) {
        respond_problem(ctx->resp, 403, "the member no longer holds any role of this token", NULL, NULL);
        return 0;
    }
    p->pseudonymise = authz_sees_pseudonyms(p);
    ctx->authenticated = 1;

    int retry = 1;
    if (client_limits != NULL && !ratelimit_take(client_limits, p->sub, (long)now, &retry)) {
        char ra[16];
        snprintf(ra, sizeof ra, "%d", retry > 0 ? retry : 1);
        respond_header(ctx->resp, "Retry-After", ra);
        respond_problem(ctx->resp, 429, "too many requests from this client; slow down", NULL, NULL);
        return 0;
    }
    return 1;
}

static int stage_authorize(req_ctx *ctx)
{
    if ((ctx->route->flags & ROUTE_PUBLIC) || authz_route(&ctx->who, ctx->route->roles))
        return 1;
    respond_problem(ctx->resp, 403, "your roles do not allow this", NULL, NULL);
    return 0;
}

/* ---- the chain ----------------------------------------------------------- */

int middleware_dispatch(const struct _u_request *req, struct _u_response *resp, void *user_data)
{
    (void)user_data;
    req_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    clock_gettime(CLOCK_MONOTONIC, &ctx.started);
    ctx.req = req;
    ctx.resp = resp;
    char *segments[MAX_SEGMENTS];
    int nseg = 0;

    connections_dispatched(req);
    stage_request_id(&ctx);
    /* CORS first: an answer refused by a later stage (503 while draining, 413 by
     * length) still carries Access-Control-Allow-Origin, so a page on an allowed
     * origin can read the problem instead of seeing a network error. */
    if (stage_cors(&ctx) && stage_draining(&ctx) && stage_limits(&ctx) &&
        stage_route(&ctx, segments, &nseg) && stage_query(&ctx) && stage_authenticate(&ctx) &&
        stage_authorize(&ctx)) {
        if (strncmp(ctx.route->pattern, "/api/", 5) == 0)
            respond_header(resp, "Cache-Control", "no-store");
        ctx.route->handler(&ctx);
    }

    double ms = elapsed_ms(&ctx.started);
    char path[1024];
    const char *url = req->http_url ? req->http_url : "";
    snprintf(path, sizeof path, "%.*s", (int)strcspn(url, "?#"), url);
    log_request(ctx.request_id, req->http_verb, path, ctx.route ? ctx.route->pattern : NULL,
                (int)resp->status, ms, ctx.authenticated && !ctx.hide_caller ? ctx.who.sub : NULL);
    metrics_observe(ctx.route ? ctx.route_index : 0, req->http_verb, (int)resp->status, ms / 1e3);

    for (int i = 0; i < nseg; i++)
        free(segments[i]);
    for (int i = 0; i < ctx.npath_params; i++)
        free(ctx.path_params[i]);
    params_free(&ctx.query);
    return U_CALLBACK_COMPLETE;
}
