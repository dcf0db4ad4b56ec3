/* server.h: the HTTP server: Ulfius on a libmicrohttpd worker pool. */
#ifndef DNA_SERVER_H
#define DNA_SERVER_H

#include "config.h"

/* Serves until SIGTERM or SIGINT (which the caller has blocked); in-flight
 * requests finish before it returns. Returns 0, or -1 when it cannot start. */
int server_run(const dna_config *cfg);

#endif
