/* respond.h: every answer the API gives is shaped here: JSON bodies,
 * problem+json errors, ETags, collections with Link headers. Handlers never
 * build an error body by hand. */
#ifndef DNA_RESPOND_H
#define DNA_RESPOND_H

#include <jansson.h>
#include <ulfius.h>

#include "db.h"
#include "result.h"

/* Sets a JSON body and status; steals `body`. */
void respond_json(struct _u_response *resp, int status, json_t *body);
/* Sets an already serialised JSON text (built by PostgreSQL) as the body. */
void respond_json_text(struct _u_response *resp, int status, const char *text, size_t len);
/* An RFC 9457 problem. `errors` (array of {field,message}) and `extra`
 * (object merged in) are stolen and may be NULL. */
void respond_problem(struct _u_response *resp, int status, const char *detail, json_t *errors, json_t *extra);
#define RESPOND_PROBLEM_TYPE "application/problem+json"
#define RESPOND_FALLBACK_MAX 384
/* The problem body as text (malloc'd, caller frees), or NULL with a body of
 * our own constant texts in `fallback` (it cannot fail). errors and extra
 * are stolen. For answers made outside Ulfius (api/edge.c). */
char *respond_problem_text(int status, const char *detail, const char *request_id, json_t *errors,
                           json_t *extra, char fallback[RESPOND_FALLBACK_MAX]);
/* Maps a service result to HTTP (problem for failures). Takes the contents
 * of `err` (errors, extra) and leaves it cleared. */
void respond_result(struct _u_response *resp, dna_status st, dna_err *err);
/* Retry-After (seconds) of a DNA_BUSY answer. */
#define RESPOND_BUSY_RETRY_AFTER "5"
/* The HTTP status of a service result. */
int respond_http_status(dna_status st);
/* 204 No Content. */
void respond_no_content(struct _u_response *resp);
/* Sets `ETag: "<version>"` from an entity version. */
void respond_etag(struct _u_response *resp, long long version);
/* Sets `Location: <path>`. */
void respond_location(struct _u_response *resp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void respond_header(struct _u_response *resp, const char *name, const char *value);
/* Answers one resource: its ETag (a version of 0: none), on 201 its
 * Location (`collection`/id; none when collection is NULL), and its JSON;
 * frees the document. */
void respond_doc(struct _u_response *resp, int status, db_doc *doc, const char *collection);

#endif
