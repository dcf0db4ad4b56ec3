/* request.h: what handlers read from a request: path ids, the JSON body,
 * If-Match, the wanted representation. Every failure here answers the
 * client (problem+json) and returns -1, so a handler just returns. */
#ifndef DNA_REQUEST_H
#define DNA_REQUEST_H

#include <jansson.h>
#include <stdint.h>

#include "context.h"
#include "db.h"
#include "idempotency.h"
#include "json_in.h"

/* Request bodies larger than this are refused (413) before they are read. */
#define REQUEST_MAX_BODY (1024 * 1024)

/* The path parameter at `index` as a positive id; answers 404 otherwise. */
int req_path_id(req_ctx *ctx, int index, int64_t *out, const char *what);
const char *req_path_text(req_ctx *ctx, int index);

/* Reads a JSON object body (application/json, or merge-patch+json when
 * `patch`), checks it against `specs`. 415 / 400 / 422 answered here. */
int req_json_body(req_ctx *ctx, const field_spec *specs, int patch, json_t **out);

/* If-Match: *version is the ETag's version, or -1 when absent ("*" matches
 * anything and counts as absent). Returns 0, or -1 when malformed (412
 * answered). */
int req_if_match(req_ctx *ctx, long long *version);

/* Checks the query against `allowed` (plus the collection keys for
 * collection routes); 400 answered on error. */
int req_query_only(req_ctx *ctx, const char *const *allowed);

typedef enum { FORMAT_JSON = 0, FORMAT_CSV, FORMAT_NDJSON, FORMAT_ICS } req_format;
/* From ?format= or Accept. 400 for an unknown format (answered). */
int req_format_of(req_ctx *ctx, req_format *out, int allow_ics);

/* One single-resource call: what the handler reads, and what it answers.
 *
 *   void api_rules_update(req_ctx *ctx)
 *   {
 *       req_one r;
 *       if (req_begin(ctx, &r, REQ_ID | REQ_IF_MATCH | REQ_PATCH, "rule", RULES_PATCH_FIELDS) == 0)
 *           req_end(ctx, &r, rules_update(&ctx->who, r.id, r.body, r.if_match, &r.doc, &r.err),
 * "/api/v1/rules");
 *   }
 */
typedef struct {
    int64_t id;         /* the path's id (REQ_ID) */
    long long if_match; /* If-Match's version; -1 when absent */
    json_t *body;       /* the checked body (when specs were given); req_end frees it */
    dna_err err;        /* the service's reasons */
    db_doc doc;         /* the service's answer */
} req_one;

enum {
    REQ_ID = 1u << 0,            /* the path's first parameter is the resource's id */
    REQ_IF_MATCH = 1u << 1,      /* honour If-Match */
    REQ_PATCH = 1u << 2,         /* the body is a merge patch */
    REQ_BODY_LATER = 1u << 3,    /* the handler reads If-Match and the body itself (req_read_body) */
    REQ_BODY_OPTIONAL = 1u << 4, /* no body at all reads as {} (POST …/registrations for oneself) */
};

/* Reads no query parameters, the path id (named `what` in the 404), then
 * If-Match and the body (req_read_body). Returns 0, or -1 with the client
 * answered. */
int req_begin(req_ctx *ctx, req_one *r, unsigned flags, const char *what, const field_spec *specs);
/* If-Match (REQ_IF_MATCH) and the JSON body checked against `specs` (when
 * given; without specs a body is refused, 400), for a handler that checks
 * rights between the id and the body. */
int req_read_body(req_ctx *ctx, req_one *r, unsigned flags, const field_spec *specs);
/* Answers the service's result: DNA_OK 200 and DNA_CREATED 201 (Location
 * under `collection`) with the document and its ETag, DNA_NO_CONTENT 204,
 * anything else the problem. Frees the body, the document and the reasons. */
void req_end(req_ctx *ctx, req_one *r, dna_status st, const char *collection);

/* Analysts read everything and write nothing: 0 for a caller who may
 * write, else -1 with 403 answered ("your roles read <what> but do not
 * change them"). */
int req_writer(req_ctx *ctx, const char *what);

/* Answers a service result (problem for failures). */
void req_fail(req_ctx *ctx, dna_status st, dna_err *err);
/* Answers 400 with the field errors collected in err. */
void req_bad_query(req_ctx *ctx, dna_err *err);

/* Idempotency-Key: 1 to 255 visible ASCII characters. Returns 0 when
 * absent, 1 when read into *out, -1 when malformed (400 answered). */
int req_idempotency_key(req_ctx *ctx, const char **out);

/* The key (from req_idempotency_key; NULL: none) and the request it names:
 * method, path and the body in canonical form (any key order or spacing is
 * the same request). Pass it to the service; then req_idem_end. */
idem_key req_idem(req_ctx *ctx, const char *key, const json_t *body);
/* Says Idempotent-Replayed: true when the answer is a replay; frees. */
void req_idem_end(req_ctx *ctx, idem_key *k);

/* The header value, case-insensitively, or NULL. */
const char *req_header(req_ctx *ctx, const char *name);

#endif
