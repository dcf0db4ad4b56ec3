/* server.c: starts Ulfius with a worker pool over epoll, a connection
 * timeout and limit, and our router as the default endpoint; waits for a
 * signal; stops gracefully. */
#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <ulfius.h>

#include "auth.h"
#include "cursor.h"
#include "handlers.h"
#include "log.h"
#include "metrics.h"
#include "middleware.h"
#include "request.h"
#include "routes.h"

#define CONNECTION_LIMIT 4096
#define IDLE_TIMEOUT_S 30

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
    struct _u_instance instance;
    if (ulfius_init_instance(&instance, (unsigned)cfg->port, &addr, NULL) != U_OK) {
        fprintf(stderr, "dna-api: cannot initialise the HTTP server\n");
        return -1;
    }
    /* Ulfius truncates silently past this: the middleware answers 413 first. */
    instance.max_post_body_size = REQUEST_MAX_BODY + 1;
    size_t nnames;
    const char *const *names = routes_metric_names(&nnames);
    metrics_init(names, nnames);
    middleware_init(cfg);
    /* Cursors are sealed under a key derived from the signing secret (so
     * every instance reads the others' cursors), or from random bytes. */
    unsigned char random_key[32];
    int keyed = cfg->jwt_secret != NULL
                    ? cursor_set_key((const unsigned char *)cfg->jwt_secret, strlen(cfg->jwt_secret))
                    : (getrandom(random_key, sizeof random_key, 0) == (ssize_t)sizeof random_key
                           ? cursor_set_key(random_key, sizeof random_key)
                           : -1);
    if (keyed != 0) {
        fprintf(stderr, "dna-api: cannot make the cursor key (no randomness or no libcrypto HKDF)\n");
        return -1;
    }
    api_auth_init(cfg);
    ulfius_set_default_endpoint(&instance, middleware_dispatch, NULL);

    struct MHD_OptionItem options[] = {
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->threads, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, IDLE_TIMEOUT_S, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, CONNECTION_LIMIT, NULL},
        {MHD_OPTION_SOCK_ADDR, 0, (void *)&addr},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)mhd_request_completed, NULL},
        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)ulfius_uri_logger, NULL},
        {MHD_OPTION_LISTENING_ADDRESS_REUSE, 1, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (ulfius_start_framework_with_mhd_options(&instance, flags, options) != U_OK) {
        fprintf(stderr, "dna-api: cannot listen on %s:%d (in use?)\n", cfg->bind, cfg->port);
        ulfius_clean_instance(&instance);
        return -1;
    }
    char fields[128];
    snprintf(fields, sizeof fields, "\"bind\":\"%s\",\"port\":%d,\"threads\":%d,\"db_pool\":%d", cfg->bind,
             cfg->port, cfg->threads, cfg->db_pool_size);
    log_event(LOG_INFO, "listening", fields);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    int sig = 0;
    sigwait(&set, &sig);
    log_event(LOG_INFO, "shutting down: finishing in-flight requests", NULL);

    /* Stop accepting, let running handlers finish, then stop. */
    MHD_quiesce_daemon(instance.mhd_daemon);
    ulfius_stop_framework(&instance);
    ulfius_clean_instance(&instance);
    log_event(LOG_INFO, "stopped", NULL);
    return 0;
}
