/* auth.c: POST /api/v1/auth/token (OAuth 2.0 password and client
 * credentials grants, form or JSON) and GET /api/v1/auth/me. Failed logins
 * are limited per account and per address. */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "accounts.h"
#include "auth.h"
#include "config.h"
#include "handlers.h"
#include "logins.h"
#include "members.h"
#include "request.h"
#include "respond.h"

static const dna_config *config;

void api_auth_init(const dna_config *cfg)
{
    config = cfg;
}

/* An OAuth error answer: problem+json that also carries RFC 6749's `error`. */
static void oauth_error(req_ctx *ctx, int status, const char *error, const char *detail)
{
    if (status == 401)
        respond_header(ctx->resp, "WWW-Authenticate", "Basic realm=\"dna-api\"");
    respond_header(ctx->resp, "Cache-Control", "no-store");
    respond_problem(ctx->resp, status, detail, NULL, json_pack("{s:s}", "error", error));
}

static void client_address(req_ctx *ctx, char out[64])
{
    snprintf(out, 64, "unknown");
    const struct sockaddr *sa = ctx->req->client_address;
    if (sa == NULL)
        return;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, 64);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, 64);
}

/* The token request's fields, from a form or a JSON body. */
typedef struct {
    params form;
    json_t *json;
} token_request;

static const char *field(const token_request *t, const char *name)
{
    if (t->json)
        return json_string_value(json_object_get(t->json, name));
    int bad = 0;
    dna_err e;
    dna_err_init(&e);
    const char *v = params_get(&t->form, name, &bad, &e);
    dna_err_clear(&e);
    return bad ? NULL : v;
}

static int read_token_request(req_ctx *ctx, token_request *t)
{
    memset(t, 0, sizeof *t);
    const char *ct = req_header(ctx, "Content-Type");
    dna_err e;
    dna_err_init(&e);
    if (ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0) {
        if (params_parse_form(ctx->req->binary_body ? ctx->req->binary_body : "",
                              ctx->req->binary_body_length, &t->form, &e) != 0) {
            dna_err_clear(&e);
            oauth_error(ctx, 400, "invalid_request", "the form body is malformed");
            return -1;
        }
        return 0;
    }
    if (ct && strncasecmp(ct, "application/json", 16) == 0) {
        t->json = json_in_parse(ctx->req->binary_body, ctx->req->binary_body_length, &e);
        if (t->json == NULL) {
            oauth_error(ctx, 400, "invalid_request", e.detail);
            dna_err_clear(&e);
            return -1;
        }
        return 0;
    }
    respond_problem(ctx->resp, 415, "send application/x-www-form-urlencoded or application/json", NULL,
                    json_pack("{s:s}", "error", "invalid_request"));
    return -1;
}

static void issue(req_ctx *ctx, const char *sub, unsigned roles)
{
    char *token = auth_issue(&config->keys, sub, roles, config->token_ttl, time(NULL));
    if (token == NULL) {
        oauth_error(ctx, 400, "unsupported_grant_type", "this server has no DNA_JWT_SECRET to issue tokens");
        return;
    }
    respond_header(ctx->resp, "Cache-Control", "no-store");
    respond_header(ctx->resp, "Pragma", "no-cache");
    respond_json(ctx->resp, 200,
                 json_pack("{s:s, s:s, s:I}", "access_token", token, "token_type", "Bearer", "expires_in",
                           (json_int_t)config->token_ttl));
    free(token);
}

/* Answers 429 (or 503) unless the attempt is within the login limits
 * (src/logins.h); the attempt is then counted, before the slow password
 * check, so that parallel guesses cannot all pass before one is counted. */
static int limited(req_ctx *ctx, const char *account, const char *address)
{
    int retry = 0;
    dna_status st = logins_attempt(account, address, &retry);
    if (st == DNA_OK)
        return 0;
    if (st != DNA_TOO_MANY) {
        req_fail(ctx, st, NULL);
        return 1;
    }
    char ra[16];
    snprintf(ra, sizeof ra, "%d", retry > 0 ? retry : 1);
    respond_header(ctx->resp, "Retry-After", ra);
    respond_problem(ctx->resp, 429, "too many failed logins; wait before trying again", NULL,
                    json_pack("{s:s}", "error", "slow_down"));
    return 1;
}

static void password_grant(req_ctx *ctx, const token_request *t, const char *address)
{
    const char *email = field(t, "username");
    if (email == NULL)
        email = field(t, "email");
    const char *password = field(t, "password");
    if (email == NULL || password == NULL || email[0] == '\0' || strlen(email) > 254 ||
        strlen(password) > 200) {
        oauth_error(ctx, 400, "invalid_request", "the password grant needs username (an email) and password");
        return;
    }
    char account[300];
    snprintf(account, sizeof account, "m:");
    for (size_t i = 0; email[i] && i + 3 < sizeof account; i++)
        account[i + 2] = (char)tolower((unsigned char)email[i]), account[i + 3] = '\0';
    if (limited(ctx, account, address))
        return;
    int64_t member_id = 0;
    unsigned roles = 0;
    dna_status st = accounts_password_login(email, password, &member_id, &roles);
    if (st == DNA_UNAUTHORIZED) {
        oauth_error(ctx, 400, "invalid_grant", "wrong email or password");
        return;
    }
    if (st != DNA_OK) {
        req_fail(ctx, st, NULL);
        return;
    }
    logins_succeeded(account, address);
    char sub[24];
    snprintf(sub, sizeof sub, "%lld", (long long)member_id);
    issue(ctx, sub, roles);
}

static void client_grant(req_ctx *ctx, const token_request *t, const char *address)
{
    const char *id = field(t, "client_id");
    const char *secret = field(t, "client_secret");
    if (id == NULL && ctx->req->auth_basic_user != NULL) {
        id = ctx->req->auth_basic_user;
        secret = ctx->req->auth_basic_password;
    }
    if (id == NULL || secret == NULL || id[0] == '\0' || strlen(id) > 64 || strlen(secret) > 200) {
        oauth_error(ctx, 400, "invalid_request",
                    "the client_credentials grant needs client_id and client_secret");
        return;
    }
    char account[80];
    snprintf(account, sizeof account, "c:%s", id);
    if (limited(ctx, account, address))
        return;
    unsigned roles = 0;
    dna_status st = accounts_client_login(id, secret, &roles);
    if (st == DNA_UNAUTHORIZED) {
        oauth_error(ctx, 401, "invalid_client", "unknown client or wrong secret");
        return;
    }
    if (st != DNA_OK) {
        req_fail(ctx, st, NULL);
        return;
    }
    logins_succeeded(account, address);
    issue(ctx, id, roles);
}

void api_auth_token(req_ctx *ctx)
{
    /* RFC 6749: credentials never in the URL, and every error carries `error`. */
    if (ctx->query.n > 0) {
        oauth_error(ctx, 400, "invalid_request",
                    "the token endpoint takes no query parameters; send them in the body");
        return;
    }
    token_request t;
    if (read_token_request(ctx, &t) != 0)
        return;
    char address[64];
    client_address(ctx, address);

    const char *grant = field(&t, "grant_type");
    if (grant == NULL)
        oauth_error(ctx, 400, "invalid_request", "grant_type is required");
    else if (strcmp(grant, "password") == 0)
        password_grant(ctx, &t, address);
    else if (strcmp(grant, "client_credentials") == 0)
        client_grant(ctx, &t, address);
    else
        oauth_error(ctx, 400, "unsupported_grant_type", "grant_type must be password or client_credentials");
    params_free(&t.form);
    json_decref(t.json);
}

void api_auth_me(req_ctx *ctx)
{
    if (req_query_only(ctx, NULL) != 0)
        return;
    json_t *roles = json_array();
    for (unsigned bit = 1; bit <= ROLE_OMBUDSMAN; bit <<= 1)
        if (ctx->who.roles & bit)
            json_array_append_new(roles, json_string(principal_role_name(bit)));
    json_t *member = json_null();
    if (ctx->who.member_id > 0) {
        dna_err e;
        dna_err_init(&e);
        db_doc doc = {0};
        dna_status st = members_get(&ctx->who, ctx->who.member_id, &doc, &e);
        dna_err_clear(&e);
        if (st == DNA_UNAVAILABLE) {
            json_decref(roles);
            req_fail(ctx, st, NULL);
            return;
        }
        if (st == DNA_OK) {
            json_decref(member);
            member = json_loads(doc.json, 0, NULL);
            db_doc_free(&doc);
            if (member == NULL)
                member = json_null();
        }
    }
    respond_json(ctx->resp, 200,
                 json_pack("{s:s, s:o, s:o}", "sub", ctx->who.sub, "roles", roles, "member", member));
}
