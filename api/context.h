/* context.h: one request's state on its way through the stages. Lives on
 * the worker thread's stack for the duration of the handler. */
#ifndef DNA_CONTEXT_H
#define DNA_CONTEXT_H

#include <time.h>
#include <ulfius.h>

#include "params.h"
#include "principal.h"
#include "result.h"

#define CTX_MAX_PATH_PARAMS 4

struct route;

typedef struct req_ctx {
    const struct _u_request *req;
    struct _u_response *resp;
    const struct route *route;
    size_t route_index;
    char request_id[72];
    principal who;
    int authenticated;
    char *path_params[CTX_MAX_PATH_PARAMS]; /* decoded, owned */
    int npath_params;
    params query;
    struct timespec started;
    int streaming;   /* the answer is a stream; its free callback logs nothing more */
    int hide_caller; /* the log line must not name the caller (anonymous reports) */
} req_ctx;

typedef void (*route_handler)(req_ctx *ctx);

/* Route flags. */
enum {
    ROUTE_PUBLIC = 1 << 0,     /* no token needed */
    ROUTE_COLLECTION = 1 << 1, /* takes limit/cursor/sort/updated_since/format */
};

typedef struct route {
    const char *method;
    const char *pattern; /* "/api/v1/members/{id}" */
    route_handler handler;
    unsigned roles; /* who may call it at all: the matrix of api.md */
    int flags;
} route;

#endif
