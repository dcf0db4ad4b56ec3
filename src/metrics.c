/* metrics.c: requests by route, method and status; a latency histogram;
 * the database pool's figures; what build is running. docs/operations.md
 * lists every name with its meaning and labels. Counters are atomics, so observing costs no
 * lock. */
#include "metrics.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "version.h"

static const int STATUSES[] = {200, 201, 204, 304, 400, 401, 403, 404, 405, 406,
                               409, 412, 413, 415, 422, 429, 500, 503, 0 /* other */};
#define NSTATUS (sizeof STATUSES / sizeof STATUSES[0])
static const char *METHODS[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "OTHER"};
#define NMETHOD (sizeof METHODS / sizeof METHODS[0])
static const double BUCKETS[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
#define NBUCKET (sizeof BUCKETS / sizeof BUCKETS[0])

static const char *const *names;
static size_t nnames;
static _Atomic unsigned long long *counts; /* [route][method][status] */
static _Atomic unsigned long long hist[NBUCKET + 1];
static _Atomic unsigned long long hist_count, hist_sum_us;

void metrics_init(const char *const *route_names, size_t nroutes)
{
    names = route_names;
    nnames = nroutes;
    counts = calloc(nroutes * NMETHOD * NSTATUS, sizeof *counts);
}

static size_t method_index(const char *m)
{
    for (size_t i = 0; i + 1 < NMETHOD; i++)
        if (m && strcmp(m, METHODS[i]) == 0)
            return i;
    return NMETHOD - 1;
}

void metrics_observe(size_t route_index, const char *method, int status, double seconds)
{
    if (counts == NULL)
        return;
    size_t s = NSTATUS - 1;
    for (size_t i = 0; i + 1 < NSTATUS; i++)
        if (STATUSES[i] == status)
            s = i;
    if (route_index >= nnames)
        route_index = 0;
    atomic_fetch_add(&counts[(route_index * NMETHOD + method_index(method)) * NSTATUS + s], 1);
    size_t b = 0;
    while (b < NBUCKET && seconds > BUCKETS[b])
        b++;
    atomic_fetch_add(&hist[b], 1);
    atomic_fetch_add(&hist_count, 1);
    atomic_fetch_add(&hist_sum_us, (unsigned long long)(seconds * 1e6));
}

int metrics_render(dynbuf *b)
{
    int rc = 0;
    rc |= dynbuf_printf(b,
                        "# HELP dna_build_info The running build: its version and git commit (always 1).\n"
                        "# TYPE dna_build_info gauge\n"
                        "dna_build_info{version=\"%s\",commit=\"%s\"} 1\n",
                        DNA_VERSION, DNA_COMMIT);
    rc |= dynbuf_printf(b, "# HELP dna_http_requests_total HTTP requests by route, method and status.\n"
                           "# TYPE dna_http_requests_total counter\n");
    for (size_t r = 0; counts && r < nnames; r++)
        for (size_t m = 0; m < NMETHOD; m++)
            for (size_t s = 0; s < NSTATUS; s++) {
                unsigned long long v = atomic_load(&counts[(r * NMETHOD + m) * NSTATUS + s]);
                if (v == 0)
                    continue;
                char st[8];
                snprintf(st, sizeof st, "%d", STATUSES[s]);
                rc |= dynbuf_printf(
                    b, "dna_http_requests_total{route=\"%s\",method=\"%s\",status=\"%s\"} %llu\n", names[r],
                    METHODS[m], STATUSES[s] ? st : "other", v);
            }
    rc |= dynbuf_printf(b, "# HELP dna_http_request_duration_seconds Request latency.\n"
                           "# TYPE dna_http_request_duration_seconds histogram\n");
    unsigned long long cum = 0;
    for (size_t i = 0; i < NBUCKET; i++) {
        cum += atomic_load(&hist[i]);
        rc |= dynbuf_printf(b, "dna_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n", BUCKETS[i], cum);
    }
    cum += atomic_load(&hist[NBUCKET]);
    rc |= dynbuf_printf(b, "dna_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n", cum);
    rc |= dynbuf_printf(b, "dna_http_request_duration_seconds_sum %.6f\n",
                        (double)atomic_load(&hist_sum_us) / 1e6);
    rc |= dynbuf_printf(b, "dna_http_request_duration_seconds_count %llu\n", atomic_load(&hist_count));
    int in_use, idle, waiting;
    db_pool_stats(&in_use, &idle, &waiting);
    rc |= dynbuf_printf(b,
                        "# HELP dna_db_pool_connections Database pool connections by state.\n"
                        "# TYPE dna_db_pool_connections gauge\n"
                        "dna_db_pool_connections{state=\"in_use\"} %d\n"
                        "dna_db_pool_connections{state=\"idle\"} %d\n"
                        "# HELP dna_db_pool_waiting Requests waiting for a database connection.\n"
                        "# TYPE dna_db_pool_waiting gauge\n"
                        "dna_db_pool_waiting %d\n",
                        in_use, idle, waiting);
    int running, limit;
    unsigned long long refused;
    db_export_stats(&running, &limit, &refused);
    rc |= dynbuf_printf(
        b,
        "# HELP dna_exports_running Exports streaming now (each holds an export connection).\n"
        "# TYPE dna_exports_running gauge\n"
        "dna_exports_running %d\n"
        "# HELP dna_exports_limit Exports that may stream at once (DNA_EXPORT_CONNECTIONS).\n"
        "# TYPE dna_exports_limit gauge\n"
        "dna_exports_limit %d\n"
        "# HELP dna_exports_refused_total Exports answered 503 because every export connection was "
        "streaming.\n"
        "# TYPE dna_exports_refused_total counter\n"
        "dna_exports_refused_total %llu\n",
        running, limit, refused);
    return rc ? -1 : 0;
}
