/* request.h: what handlers read from a request: path ids, the JSON body,
 * If-Match, the wanted representation. Every failure here answers the
 * client (problem+json) and returns -1, so a handler just returns. */
#ifndef DNA_REQUEST_H
#define DNA_REQUEST_H

#include <jansson.h>
#include <stdint.h>

#include "context.h"
#include "db.h"
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

/* Ends a single-resource handler: DNA_OK answers 200, DNA_CREATED 201 with
 * Location (`collection`/id), both with ETag and the document; anything
 * else is the problem for `st`. Frees the document either way. */
void req_answer_doc(req_ctx *ctx, dna_status st, db_doc *doc, dna_err *err, const char *collection);

/* Answers a service result (problem for failures). */
void req_fail(req_ctx *ctx, dna_status st, dna_err *err);
/* Answers 400 with the field errors collected in err. */
void req_bad_query(req_ctx *ctx, dna_err *err);

/* The header value, case-insensitively, or NULL. */
const char *req_header(req_ctx *ctx, const char *name);

#endif
