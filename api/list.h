/* list.h: the one collection answer. A handler names its listing (declared
 * in src/, see listing.h) and the context values only it knows; list_answer
 * reads and checks every filter by name, the sort, limit, cursor and
 * updated_since, checks export rights, and answers a JSON page with
 * next_cursor and Link, or streams CSV/NDJSON.
 *
 *   void api_rules_list(req_ctx *ctx) { list_answer(ctx, &RULES_LIST, NULL); }
 *
 *   const list_binding view[] = {{"pseudo", ctx->who.pseudonymise ? "true" : "false"}, {NULL}};
 *   list_answer(ctx, &MEMBERS_LIST, view);
 */
#ifndef DNA_LIST_H
#define DNA_LIST_H

#include "context.h"
#include "listing.h"
#include "request.h"

/* A context value bound by name; a list ends with {NULL}. */
typedef struct {
    const char *name;
    const char *value;
} list_binding;

void list_answer(req_ctx *ctx, const listing_def *def, const list_binding *bindings);

/* Answers the JSON array of every row ("[...]", `len` bytes); the wrapper
 * gives it its envelope and answers. */
typedef void (*list_wrap)(req_ctx *ctx, const char *rows, size_t len, void *arg);
/* The whole listing in one answer, no pages (statistics: their size is
 * bounded by their range): JSON through `wrap`, CSV/NDJSON streamed. */
void list_answer_whole(req_ctx *ctx, const listing_def *def, const list_binding *bindings, list_wrap wrap,
                       void *arg);
/* A sub-collection of one parent (a report's comments, a session's
 * insights): the path's first id names the parent, `exists` answers 404 for
 * one that is not there, and the listing gets the contexts `parent` (the id)
 * and `pseudo` (the caller's view). `parent` also names it in the 404. */
void list_answer_children(req_ctx *ctx, const listing_def *def, const char *parent,
                          dna_status (*exists)(int64_t id, dna_err *err));
/* Streams a query the handler made itself (a calendar feed, say) in
 * `format` (not JSON); `name` names a calendar. */
void list_stream(req_ctx *ctx, const listing_query *q, req_format format, const char *name);

#endif
