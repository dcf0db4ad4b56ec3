/* metrics.h: Prometheus counters and a latency histogram, lock-free. */
#ifndef DNA_METRICS_H
#define DNA_METRICS_H

#include <stddef.h>

#include "dynbuf.h"

/* Route names are registered once at start-up; index 0 is "unmatched". */
void metrics_init(const char *const *route_names, size_t nroutes);
void metrics_observe(size_t route_index, const char *method, int status, double seconds);
/* Writes the Prometheus text exposition into b (includes pool figures). */
int metrics_render(dynbuf *b);

#endif
