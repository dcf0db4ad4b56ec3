/* server.c: starts Ulfius on a libmicrohttpd worker pool over epoll, with
 * connection limits (in all and per address), deadlines a trickling client
 * cannot stretch (connections.c), our router as the default endpoint and
 * the library's own messages as JSON log lines; waits for a signal, running
 * the janitor meanwhile; then drains: stops accepting, answers new requests
 * on open connections 503, lets every request in flight finish and its
 * answer reach the client (up to DNA_SHUTDOWN_GRACE), and stops. */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <ulfius.h>
#include <unistd.h>

#include "auth.h"
#include "connections.h"
#include "cursor.h"
#include "docs_files.h"
#include "handlers.h"
#include "janitor.h"
#include "log.h"
#include "metrics.h"
#include "middleware.h"
#include "request.h"
#include "routes.h"

/* Room for the request line and headers: ~32 KB of headers get an answer
 * (beyond, the library answers 431 itself). */
#define CONNECTION_MEMORY (128 * 1024)

/* The library's own messages ("Error processing request ...") as log lines. */
static void library_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    msg[strcspn(msg, "\n")] = '\0';
    log_event(LOG_WARN, msg, "\"source\":\"libmicrohttpd\"");
}

/* As many connections as file descriptors allow, up to the configured limit. */
static unsigned connection_limit(const dna_config *cfg)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    rlim_t fds = getrlimit(RLIMIT_NOFILE, &rl) == 0 ? rl.rlim_cur : 1024;
    rlim_t room = fds > 256 ? fds - 256 : 16; /* the database pools, logs, the listener */
    return (unsigned)(room < (rlim_t)cfg->max_connections ? room : (rlim_t)cfg->max_connections);
}

/* Why the port cannot be had, in words (the library does not say). */
static void explain_listen_failure(const dna_config *cfg, const struct sockaddr_in *addr)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    int rc = fd >= 0 ? bind(fd, (const struct sockaddr *)addr, sizeof *addr) : -1;
    int why = errno;
    if (fd >= 0)
        close(fd);
    if (rc != 0 && why == EADDRINUSE)
        fprintf(stderr,
                "dna-api: %s:%d is in use by another process (another dna-api?). Stop it, choose another "
                "DNA_PORT, or set DNA_REUSE_PORT=1 to share the port on purpose.\n",
                cfg->bind, cfg->port);
    else
        fprintf(stderr, "dna-api: cannot listen on %s:%d: %s\n", cfg->bind, cfg->port,
                rc != 0 ? strerror(why) : "the HTTP library refused to start");
}

static int keys_ready(const dna_config *cfg)
{
    /* Cursors are sealed under a key derived from the signing secret (so
     * every instance reads the others' cursors), or from random bytes. */
    unsigned char random_key[32];
    int keyed = cfg->jwt_secret != NULL
                    ? cursor_set_key((const unsigned char *)cfg->jwt_secret, strlen(cfg->jwt_secret))
                    : (getrandom(random_key, sizeof random_key, 0) == (ssize_t)sizeof random_key
                           ? cursor_set_key(random_key, sizeof random_key)
                           : -1);
    if (keyed != 0)
        fprintf(stderr, "dna-api: cannot make the cursor key (no randomness or no libcrypto HKDF)\n");
    return keyed == 0;
}

/* Waits for SIGTERM or SIGINT, running the janitor every second. */
static void wait_for_signal(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    struct timespec tick = {.tv_sec = 1, .tv_nsec = 0};
    for (;;) {
        int sig = sigtimedwait(&set, NULL, &tick);
        if (sig == SIGTERM || sig == SIGINT)
            return;
        janitor_run(time(NULL));
    }
}

/* Stops accepting and waits until every request in flight has been
 * answered, or the grace period is over. */
static void drain(struct _u_instance *instance, int grace)
{
    connections_drain();
    MHD_socket listener = MHD_quiesce_daemon(instance->mhd_daemon);
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
    struct timespec start, now, nap = {.tv_sec = 0, .tv_nsec = 20 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        int left = connections_in_flight();
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (left <= 0)
            return;
        if (now.tv_sec - start.tv_sec >= grace) {
            char fields[64];
            snprintf(fields, sizeof fields, "\"in_flight\":%d", left);
            log_event(LOG_WARN, "shutdown grace period over: cutting off what is left", fields);
            return;
        }
        nanosleep(&nap, NULL);
    }
}

int server_run(const dna_config *cfg)
{
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)cfg->port);
    if (inet_pton(AF_INET, cfg->bind, &addr.sin_addr) != 1) {
        fprintf(stderr, "dna-api: DNA_BIND must be an IPv4 address (got \"%s\")\n", cfg->bind);
        return -1;
    }
    if (!keys_ready(cfg))
        return -1;
    unsigned limit = connection_limit(cfg);
    if (connections_start(limit, cfg->idle_timeout) != 0) {
        fprintf(stderr, "dna-api: cannot set up the connection table\n");
        return -1;
    }
    struct _u_instance instance;
    if (ulfius_init_instance(&instance, (unsigned)cfg->port, &addr, NULL) != U_OK) {
        fprintf(stderr, "dna-api: cannot initialise the HTTP server\n");
        return -1;
    }
    /* Ulfius truncates silently past this: the middleware answers 413 first. */
    instance.max_post_body_size = REQUEST_MAX_BODY + 1;
    /* Bodies are read raw (forms by params_parse_form): Ulfius' form and
     * multipart processors would only add ways to fail without an answer. */
    instance.allowed_post_processor = U_POST_PROCESS_NONE;
    size_t nnames;
    const char *const *names = routes_metric_names(&nnames);
    metrics_init(names, nnames);
    middleware_init(cfg);
    api_auth_init(cfg);
    api_calendar_init(cfg);
    api_docs_init(cfg);
    ulfius_set_default_endpoint(&instance, middleware_dispatch, NULL);

    struct MHD_OptionItem options[] = {
        {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)library_log, NULL}, /* first, or it misses messages */
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->threads, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)cfg->idle_timeout, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)limit, NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t)cfg->per_address, NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, CONNECTION_MEMORY, NULL},
        {MHD_OPTION_SOCK_ADDR, 0, (void *)&addr},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)connections_completed_cb, NULL},
        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)connections_uri_cb, NULL},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)connections_notify_cb, NULL},
        {MHD_OPTION_LISTENING_ADDRESS_REUSE, cfg->reuse_port ? 1 : 0, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (ulfius_start_framework_with_mhd_options(&instance, flags, options) != U_OK) {
        explain_listen_failure(cfg, &addr);
        connections_stop();
        ulfius_clean_instance(&instance);
        docs_files_free();
        return -1;
    }
    char fields[256];
    snprintf(fields, sizeof fields,
             "\"bind\":\"%s\",\"port\":%d,\"threads\":%d,\"db_pool\":%d,\"export_connections\":%d,"
             "\"max_connections\":%u,\"per_address\":%d",
             cfg->bind, cfg->port, cfg->threads, cfg->db_pool_size, cfg->export_connections, limit,
             cfg->per_address);
    log_event(LOG_INFO, "listening", fields);

    wait_for_signal();
    log_event(LOG_INFO, "shutting down: draining the requests in flight", NULL);
    drain(&instance, cfg->shutdown_grace);
    connections_stop();
    ulfius_stop_framework(&instance);
    ulfius_clean_instance(&instance);
    docs_files_free();
    log_event(LOG_INFO, "stopped", NULL);
    return 0;
}
