/* middleware.h: stage 0 (request id, limits, CORS), stage 1 (the bearer
 * token becomes a principal), then the route's handler; completion logs and
 * counts. Registered as Ulfius's default endpoint: our router does the
 * matching so that 404 and 405 are problem+json too. */
#ifndef DNA_MIDDLEWARE_H
#define DNA_MIDDLEWARE_H

#include <ulfius.h>

#include "config.h"

/* The configuration the stages read; set once before the server starts. */
void middleware_init(const dna_config *cfg);
int middleware_dispatch(const struct _u_request *req, struct _u_response *resp, void *user_data);
/* The request's id: the caller's X-Request-Id when it is sane, else a new one. */
void middleware_request_id(const char *given, char out[72]);

#endif
