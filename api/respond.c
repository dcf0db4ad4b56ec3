/* respond.c: JSON answers, problem+json (with a body that cannot fail to
 * build), the mapping of service results to HTTP, ETag and Location. */
#include "respond.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

#define JSON_TYPE "application/json; charset=utf-8"
#define PROBLEM_BASE "https://dna-api.denhaag.example/problems/"

void respond_header(struct _u_response *resp, const char *name, const char *value)
{
    u_map_put(resp->map_header, name, value);
}

void respond_json_text(struct _u_response *resp, int status, const char *text, size_t len)
{
    ulfius_set_binary_body_response(resp, (unsigned)status, text, len);
    respond_header(resp, "Content-Type", JSON_TYPE);
}

void respond_json(struct _u_response *resp, int status, json_t *body)
{
    char *text = json_dumps(body, JSON_COMPACT);
    if (text == NULL) {
        json_decref(body);
        respond_problem(resp, 500, "the answer could not be serialised", NULL, NULL);
        return;
    }
    respond_json_text(resp, status, text, strlen(text));
    free(text);
    json_decref(body);
}

static const struct {
    int status;
    const char *title;
    const char *slug;
} PROBLEMS[] = {
    {400, "Bad Request", "bad-request"},
    {401, "Unauthorized", "unauthorized"},
    {403, "Forbidden", "forbidden"},
    {404, "Not Found", "not-found"},
    {405, "Method Not Allowed", "method-not-allowed"},
    {406, "Not Acceptable", "not-acceptable"},
    {409, "Conflict", "conflict"},
    {412, "Precondition Failed", "precondition-failed"},
    {413, "Content Too Large", "payload-too-large"},
    {415, "Unsupported Media Type", "unsupported-media-type"},
    {422, "Unprocessable Content", "validation"},
    {429, "Too Many Requests", "rate-limited"},
    {500, "Internal Server Error", "internal"},
    {503, "Service Unavailable", "unavailable"},
};

char *respond_problem_text(int status, const char *detail, const char *request_id, json_t *errors,
                           json_t *extra, char fallback[RESPOND_FALLBACK_MAX])
{
    const char *title = "Error", *slug = "error";
    for (size_t i = 0; i < sizeof PROBLEMS / sizeof PROBLEMS[0]; i++)
        if (PROBLEMS[i].status == status) {
            title = PROBLEMS[i].title;
            slug = PROBLEMS[i].slug;
        }
    char type[128], shown[512];
    snprintf(type, sizeof type, PROBLEM_BASE "%s", slug);
    /* Client text in the detail may be cut or invalid: make it valid UTF-8. */
    text_clip(shown, sizeof shown, detail && detail[0] ? detail : title);
    json_t *body =
        json_pack("{s:s, s:s, s:i, s:s}", "type", type, "title", title, "status", status, "detail", shown);
    if (body && request_id)
        json_object_set_new(body, "request_id", json_string(request_id));
    if (body && errors && json_array_size(errors) > 0)
        json_object_set(body, "errors", errors);
    if (body && extra)
        json_object_update_missing(body, extra);
    json_decref(errors);
    json_decref(extra);
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    json_decref(body);
    if (text == NULL) {
        /* Out of memory, or a value that cannot be JSON: a body from our own
         * constant texts, which cannot fail. */
        snprintf(fallback, RESPOND_FALLBACK_MAX,
                 "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}", type, title, status,
                 title);
    }
    return text;
}

void respond_problem(struct _u_response *resp, int status, const char *detail, json_t *errors, json_t *extra)
{
    char fallback[RESPOND_FALLBACK_MAX];
    char *text = respond_problem_text(status, detail, u_map_get(resp->map_header, "X-Request-Id"), errors,
                                      extra, fallback);
    const char *out = text ? text : fallback;
    if (ulfius_set_binary_body_response(resp, (unsigned)status, out, strlen(out)) != U_OK)
        resp->status = (long)status;
    free(text);
    respond_header(resp, "Content-Type", RESPOND_PROBLEM_TYPE);
    if (status == 503 || status == 429)
        if (!u_map_has_key(resp->map_header, "Retry-After"))
            respond_header(resp, "Retry-After", status == 503 ? "2" : "1");
    if (status == 401 && !u_map_has_key(resp->map_header, "WWW-Authenticate"))
        respond_header(resp, "WWW-Authenticate", "Bearer realm=\"dna-api\"");
}

int respond_http_status(dna_status st)
{
    switch (st) {
    case DNA_OK: return 200;
    case DNA_CREATED: return 201;
    case DNA_NO_CONTENT: return 204;
    case DNA_BAD_REQUEST: return 400;
    case DNA_UNAUTHORIZED: return 401;
    case DNA_FORBIDDEN: return 403;
    case DNA_NOT_FOUND: return 404;
    case DNA_CONFLICT: return 409;
    case DNA_PRECONDITION: return 412;
    case DNA_INVALID: return 422;
    case DNA_TOO_MANY: return 429;
    case DNA_UNAVAILABLE: return 503;
    case DNA_BUSY: return 503;
    case DNA_ERROR: break;
    }
    return 500;
}

void respond_result(struct _u_response *resp, dna_status st, dna_err *err)
{
    int status = respond_http_status(st);
    if (status < 400) {
        if (err)
            dna_err_clear(err);
        ulfius_set_empty_body_response(resp, (unsigned)status);
        return;
    }
    const char *detail = err && err->detail[0] ? err->detail : NULL;
    if (detail == NULL) {
        switch (st) {
        case DNA_NOT_FOUND: detail = "no such resource"; break;
        case DNA_FORBIDDEN: detail = "your roles do not allow this"; break;
        case DNA_INVALID: detail = "the request breaks a rule; see errors"; break;
        case DNA_UNAVAILABLE: detail = "the database is unavailable; try again shortly"; break;
        case DNA_BUSY:
            detail = "as many of these as the server runs at once are running; try again shortly";
            break;
        case DNA_PRECONDITION: detail = "If-Match does not match the current ETag"; break;
        case DNA_ERROR: detail = "an unexpected error occurred"; break;
        default: break;
        }
    }
    json_t *errors = err ? err->errors : NULL;
    json_t *extra = err ? err->extra : NULL;
    if (err && err->retry_after > 0) {
        char seconds[16];
        snprintf(seconds, sizeof seconds, "%d", err->retry_after);
        respond_header(resp, "Retry-After", seconds);
    }
    if (err) {
        err->errors = NULL;
        err->extra = NULL;
    }
    /* What a busy server runs (exports) takes seconds: come back after a few. */
    if (st == DNA_BUSY)
        respond_header(resp, "Retry-After", RESPOND_BUSY_RETRY_AFTER);
    respond_problem(resp, status, detail, errors, extra);
    if (err)
        dna_err_clear(err);
}

void respond_no_content(struct _u_response *resp)
{
    ulfius_set_empty_body_response(resp, 204);
}

void respond_etag(struct _u_response *resp, long long version)
{
    char tag[32];
    snprintf(tag, sizeof tag, "\"%lld\"", version);
    respond_header(resp, "ETag", tag);
}

void respond_location(struct _u_response *resp, const char *fmt, ...)
{
    char path[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(path, sizeof path, fmt, ap);
    va_end(ap);
    respond_header(resp, "Location", path);
}

void respond_doc(struct _u_response *resp, int status, db_doc *doc, const char *collection)
{
    if (doc->version > 0) /* a document without a version (a batch's summary) has no ETag */
        respond_etag(resp, doc->version);
    if (status == 201 && collection != NULL)
        respond_location(resp, "%s/%s", collection, doc->key);
    respond_json_text(resp, status, doc->json, strlen(doc->json));
    db_doc_free(doc);
}
