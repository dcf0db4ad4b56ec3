/* routes.h: the one table of all routes, and the dispatcher that walks a
 * request through the stages. */
#ifndef DNA_ROUTES_H
#define DNA_ROUTES_H

#include <stddef.h>

#include "context.h"

extern const route ROUTES[];
extern const size_t ROUTES_COUNT;

/* Finds the route for method + decoded path segments. Returns the route, or
 * NULL; *path_known is set when another method matches the path, and
 * `allow` then receives the allowed methods ("GET, POST"). Captured
 * parameters point into `segments`. */
const route *routes_match(const char *method, char **segments, int nsegments, char **params, int *nparams,
                          int *path_known, char *allow, size_t allow_len, size_t *index);

/* The route names for metrics, index 0 "unmatched". */
const char *const *routes_metric_names(size_t *n);

#endif
