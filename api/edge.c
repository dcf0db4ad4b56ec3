/* edge.c: the access handler in front of Ulfius' (see edge.h). */
#include "edge.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <ulfius.h>

#include "connections.h"
#include "log.h"
#include "metrics.h"
#include "middleware.h"
#include "request.h"
#include "respond.h"

static MHD_AccessHandlerCallback ulfius_handler;
static void *ulfius_cls;
static atomic_ulong refused;

unsigned long edge_refused(void)
{
    return atomic_load(&refused);
}

typedef struct {
    int content_length;    /* how many Content-Length headers */
    int transfer_encoding; /* how many Transfer-Encoding headers */
    const char *encoding;  /* the (first) Transfer-Encoding */
} framing;

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    framing *f = cls;
    if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0)
        f->content_length++;
    else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0 && f->transfer_encoding++ == 0)
        f->encoding = value;
    return MHD_YES;
}

/* What is wrong with the request's head, or NULL; *status gets the answer. */
static const char *refusal(struct MHD_Connection *c, int *status)
{
    *status = 400;
    if (connections_nul_in_target(c))
        return "the request target holds a NUL byte";
    framing f = {0};
    MHD_get_connection_values(c, MHD_HEADER_KIND, count_framing, &f);
    if (f.content_length > 1)
        return "ambiguous framing: more than one Content-Length";
    if (f.transfer_encoding > 0 && f.content_length > 0)
        return "ambiguous framing: Content-Length with Transfer-Encoding";
    if (f.transfer_encoding > 1 || (f.transfer_encoding == 1 && strcasecmp(f.encoding, "chunked") != 0))
        return "unsupported Transfer-Encoding: only chunked is understood";
    /* A client that waits for 100 Continue is told before it sends the body;
     * one that sends it at once would only see its write fail if we closed
     * now, so its body is read (and dropped) and middleware answers 413. */
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *expect = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_EXPECT);
    if (cl != NULL && expect != NULL && strcasecmp(expect, "100-continue") == 0 &&
        strtoull(cl, NULL, 10) > REQUEST_MAX_BODY) {
        *status = 413;
        return "request bodies are limited to 1 MiB";
    }
    return NULL;
}

/* Answers the refusal on the connection, which then closes. */
static enum MHD_Result refuse(struct MHD_Connection *c, const char *method, const char *url, int status,
                              const char *why)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char rid[72], fallback[RESPOND_FALLBACK_MAX];
    middleware_request_id(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Request-Id"), rid);
    char *text = respond_problem_text(status, why, rid, NULL, NULL, fallback);
    const char *body = text ? text : fallback;
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
    free(text);
    if (resp == NULL)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, RESPOND_PROBLEM_TYPE);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
    MHD_add_response_header(resp, "X-Request-Id", rid);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, resp);
    MHD_destroy_response(resp);
    atomic_fetch_add(&refused, 1);
    log_request(rid, method, url, NULL, status, 0.0, NULL);
    metrics_observe(0, method, status, 0.0);
    return ok;
}

static enum MHD_Result edge_handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                    const char *version, const char *upload_data, size_t *upload_data_size,
                                    void **con_cls)
{
    (void)cls;
    const struct connection_info_struct *info = *con_cls;
    if (info != NULL && info->callback_first_iteration) {
        int status;
        const char *why = refusal(c, &status);
        if (why != NULL)
            return refuse(c, method, url, status, why);
    }
    return ulfius_handler(ulfius_cls, c, url, method, version, upload_data, upload_data_size, con_cls);
}

/* Interposes libmicrohttpd's MHD_start_daemon for Ulfius' call (edge.h). */
struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,
                                    void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
    ulfius_handler = dh;
    ulfius_cls = dh_cls;
    va_list ap;
    va_start(ap, dh_cls);
    struct MHD_Daemon *d = MHD_start_daemon_va(flags, port, apc, apc_cls, edge_handler, NULL, ap);
    va_end(ap);
    return d;
}
