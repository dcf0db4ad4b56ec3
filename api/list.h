/* list.h: the one pagination and export helper. A list statement takes its
 * filter parameters first, then four more: updated_since (timestamptz), the
 * cursor's sort value (text), the cursor's id (bigint) and the limit (bigint,
 * NULL = all rows). Each row answers (json text, sort value text, id). */
#ifndef DNA_LIST_H
#define DNA_LIST_H

#include "context.h"
#include "db.h"

#define LIST_MAX_PARAMS 24

typedef struct {
    const char *name;       /* export file name stem, e.g. "members" */
    const list_sort *sorts; /* NULL-sort-terminated; the first is the default */
    const char *csv_header; /* CSV header row for an export with no rows ("id,code,name") */
    const char *params[LIST_MAX_PARAMS];
    int nparams; /* filter parameters filled in so far */
} list_request;

/* Answers the collection: reads limit, cursor, sort and format from the
 * query, checks export rights, runs the right statement, and writes JSON
 * with next_cursor and Link, or streams CSV/NDJSON. */
void list_answer(req_ctx *ctx, list_request *lr);

/* Appends a filter parameter (NULL = not filtered). */
void list_param(list_request *lr, const char *value);

#endif
