/* request.c: reading path ids, bodies, If-Match and formats from a request,
 * answering the client on every failure. */
#include "request.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "authz.h"
#include "dynbuf.h"
#include "respond.h"

const char *req_header(req_ctx *ctx, const char *name)
{
    return u_map_get_case(ctx->req->map_header, name);
}

void req_fail(req_ctx *ctx, dna_status st, dna_err *err)
{
    respond_result(ctx->resp, st, err);
}

int req_writer(req_ctx *ctx, const char *what)
{
    if (authz_may_write(&ctx->who))
        return 0;
    dna_err e;
    dna_err_init(&e);
    req_fail(ctx, dna_err_set(&e, DNA_FORBIDDEN, "your roles read %s but do not change them", what), &e);
    return -1;
}

void req_bad_query(req_ctx *ctx, dna_err *err)
{
    if (err->detail[0] == '\0')
        dna_err_set(err, DNA_BAD_REQUEST, "bad query parameter; see errors");
    respond_result(ctx->resp, DNA_BAD_REQUEST, err);
}

const char *req_path_text(req_ctx *ctx, int index)
{
    return index < ctx->npath_params ? ctx->path_params[index] : NULL;
}

int req_path_id(req_ctx *ctx, int index, int64_t *out, const char *what)
{
    const char *s = req_path_text(ctx, index);
    char *end = NULL;
    errno = 0;
    long long v = s ? strtoll(s, &end, 10) : 0;
    if (s == NULL || s[0] < '1' || s[0] > '9' || errno != 0 || *end != '\0' || v <= 0) {
        dna_err e;
        dna_err_init(&e);
        dna_err_set(&e, DNA_NOT_FOUND, "no such %s", what);
        respond_result(ctx->resp, DNA_NOT_FOUND, &e);
        return -1;
    }
    *out = v;
    return 0;
}

static int media_is(const char *ct, const char *type)
{
    size_t n = strlen(type);
    if (ct == NULL || strncasecmp(ct, type, n) != 0)
        return 0;
    return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ';
}

int req_json_body(req_ctx *ctx, const field_spec *specs, int patch, json_t **out)
{
    dna_err e;
    dna_err_init(&e);
    const char *ct = req_header(ctx, "Content-Type");
    if (!media_is(ct, "application/json") && !(patch && media_is(ct, "application/merge-patch+json"))) {
        respond_problem(ctx->resp, 415,
                        patch ? "send application/merge-patch+json or application/json"
                              : "send application/json",
                        NULL, NULL);
        return -1;
    }
    json_t *obj = json_in_parse(ctx->req->binary_body, ctx->req->binary_body_length, &e);
    if (obj == NULL) {
        respond_result(ctx->resp, e.errors ? DNA_INVALID : DNA_BAD_REQUEST, &e);
        return -1;
    }
    if (json_in_check(obj, specs, patch, &e) != DNA_OK) {
        json_decref(obj);
        respond_result(ctx->resp, DNA_INVALID, &e);
        return -1;
    }
    *out = obj;
    return 0;
}

int req_if_match(req_ctx *ctx, long long *version)
{
    *version = -1;
    const char *v = req_header(ctx, "If-Match");
    if (v == NULL || strcmp(v, "*") == 0)
        return 0;
    const char *p = v;
    if (strncmp(p, "W/", 2) == 0)
        p += 2;
    char *end = NULL;
    errno = 0;
    long long n = (*p == '"') ? strtoll(p + 1, &end, 10) : -1;
    if (n < 0 || errno != 0 || end == NULL || *end != '"' || end[1] != '\0') {
        respond_problem(ctx->resp, 412, "If-Match must be an ETag given by this API", NULL, NULL);
        return -1;
    }
    *version = n;
    return 0;
}

int req_read_body(req_ctx *ctx, req_one *r, unsigned flags, const field_spec *specs)
{
    if ((flags & REQ_IF_MATCH) && req_if_match(ctx, &r->if_match) != 0)
        return -1;
    if (specs == NULL && ctx->req->binary_body_length > 0) {
        /* Nothing sent is silently dropped: an operation without a body refuses one. */
        respond_problem(ctx->resp, 400, "this operation takes no request body", NULL, NULL);
        return -1;
    }
    if (specs != NULL && (flags & REQ_BODY_OPTIONAL) && ctx->req->binary_body_length == 0) {
        r->body = json_object();
        if (r->body != NULL)
            return 0;
        respond_result(ctx->resp, dna_err_set(&r->err, DNA_UNAVAILABLE, "out of memory; try again"), &r->err);
        return -1;
    }
    if (specs != NULL && req_json_body(ctx, specs, (flags & REQ_PATCH) != 0, &r->body) != 0)
        return -1;
    return 0;
}

int req_begin(req_ctx *ctx, req_one *r, unsigned flags, const char *what, const field_spec *specs)
{
    memset(r, 0, sizeof *r);
    r->if_match = -1;
    dna_err_init(&r->err);
    if (req_query_only(ctx, NULL) != 0 || ((flags & REQ_ID) && req_path_id(ctx, 0, &r->id, what) != 0))
        return -1;
    return (flags & REQ_BODY_LATER) ? 0 : req_read_body(ctx, r, flags, specs);
}

void req_end(req_ctx *ctx, req_one *r, dna_status st, const char *collection)
{
    json_decref(r->body);
    r->body = NULL;
    if ((st == DNA_OK || st == DNA_CREATED) && r->doc.json != NULL)
        respond_doc(ctx->resp, st == DNA_CREATED ? 201 : 200, &r->doc, collection);
    else if (st == DNA_NO_CONTENT)
        respond_no_content(ctx->resp);
    else
        req_fail(ctx, st == DNA_OK || st == DNA_CREATED ? DNA_ERROR : st, &r->err);
    db_doc_free(&r->doc);
    dna_err_clear(&r->err);
}

int req_query_only(req_ctx *ctx, const char *const *allowed)
{
    dna_err e;
    dna_err_init(&e);
    if (params_only(&ctx->query, allowed, (ctx->route->flags & ROUTE_COLLECTION) != 0, &e) != 0) {
        req_bad_query(ctx, &e);
        return -1;
    }
    return 0;
}

/* The q value (0..1000) the Accept header gives `type` ("text/csv"): the most
 * specific range that matches wins; -1 when none does. */
static int accept_q(const char *accept, const char *type)
{
    size_t slash = strcspn(type, "/");
    int best_q = -1, best_rank = -1;
    for (const char *p = accept; *p;) {
        size_t len = strcspn(p, ",");
        const char *end = p + len;
        while (p < end && *p == ' ')
            p++;
        size_t rlen = strcspn(p, ";, ");
        if (rlen > (size_t)(end - p))
            rlen = (size_t)(end - p);
        int rank = -1;
        if (rlen == 3 && strncmp(p, "*/*", 3) == 0)
            rank = 0;
        else if (rlen == slash + 2 && strncasecmp(p, type, slash + 1) == 0 && p[slash + 1] == '*')
            rank = 1;
        else if (rlen == strlen(type) && strncasecmp(p, type, rlen) == 0)
            rank = 2;
        int q = 1000;
        for (const char *param = memchr(p, ';', (size_t)(end - p)); param && param < end;
             param = memchr(param + 1, ';', (size_t)(end - param - 1))) {
            const char *v = param + 1;
            while (v < end && *v == ' ')
                v++;
            if (end - v >= 2 && (v[0] == 'q' || v[0] == 'Q') && v[1] == '=') {
                double d = strtod(v + 2, NULL);
                q = d <= 0 ? 0 : d >= 1 ? 1000 : (int)(d * 1000 + 0.5);
            }
        }
        if (rank > best_rank) {
            best_rank = rank;
            best_q = q;
        }
        p = *end ? end + 1 : end;
    }
    return best_q;
}

int req_format_of(req_ctx *ctx, req_format *out, int allow_ics)
{
    dna_err e;
    dna_err_init(&e);
    static const char *const ALL[] = {"json", "csv", "ndjson", "ics", NULL};
    static const char *const NO_ICS[] = {"json", "csv", "ndjson", NULL};
    const char *f = NULL;
    if (params_enum(&ctx->query, "format", allow_ics ? ALL : NO_ICS, &f, &e) != 0) {
        req_bad_query(ctx, &e);
        return -1;
    }
    *out = FORMAT_JSON;
    if (f != NULL) {
        for (int i = 0; ALL[i]; i++)
            if (strcmp(f, ALL[i]) == 0)
                *out = (req_format)i;
        return 0;
    }
    const char *accept = req_header(ctx, "Accept");
    if (accept == NULL)
        return 0;
    /* The best q wins; on a tie, the earlier of these. JSON also answers when
     * nothing listed is acceptable. */
    static const char *const TYPES[] = {"application/json", "text/csv", "application/x-ndjson",
                                        "text/calendar"};
    int best = 0, best_q = 0;
    for (int i = 0; i < (allow_ics ? 4 : 3); i++) {
        int q = accept_q(accept, TYPES[i]);
        if (q > best_q) {
            best = i;
            best_q = q;
        }
    }
    *out = (req_format)best;
    return 0;
}

/* Idempotency-Key: 1 to 255 visible ASCII characters. 0 absent, 1 read,
 * -1 malformed (400 answered). */
int req_idempotency_key(req_ctx *ctx, const char **out)
{
    const char *k = req_header(ctx, "Idempotency-Key");
    *out = NULL;
    if (k == NULL)
        return 0;
    size_t n = strlen(k);
    int ok = n >= 1 && n <= 255;
    for (size_t i = 0; ok && i < n; i++)
        ok = k[i] > 0x20 && k[i] < 0x7f;
    if (!ok) {
        dna_err e;
        dna_err_init(&e);
        dna_err_field(&e, "Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        req_bad_query(ctx, &e);
        return -1;
    }
    *out = k;
    return 1;
}

idem_key req_idem(req_ctx *ctx, const char *key, const json_t *body)
{
    idem_key k = {.key = key};
    if (key == NULL)
        return k;
    char *canon = body ? json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    const char *verb = ctx->req->http_verb, *path = ctx->req->url_path;
    dynbuf b;
    dynbuf_init(&b, strlen(verb) + strlen(path) + (canon ? strlen(canon) : 0) + 8);
    dynbuf_printf(&b, "%s %s\n%s", verb, path, canon ? canon : "");
    free(canon);
    /* NULL (out of memory): the claim fails (its request hash is NOT NULL), never matches. */
    k.request = b.failed ? NULL : b.data;
    return k;
}

void req_idem_end(req_ctx *ctx, idem_key *k)
{
    if (k->replayed)
        respond_header(ctx->resp, "Idempotent-Replayed", "true");
    free(k->request);
    k->request = NULL;
}
