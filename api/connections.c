/* connections.c: per-connection records (a fixed pool, found from MHD by the
 * socket context and from a request by its address), the in-flight count,
 * the drain flag, and the watchdog that enforces the deadlines. */
#include "connections.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

enum { IDLE = 0, RECEIVING, HANDLING };

typedef struct conn_rec {
    int used;
    MHD_socket fd;
    int phase;
    time_t since;
    const struct _u_request *request; /* the request being received, for connections_dispatched */
    int nul_in_target;                /* the request line's target holds a NUL byte */
    struct conn_rec *next_free;
} conn_rec;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static conn_rec *recs, *free_list;
static unsigned nrecs;
/* request pointer -> record, open addressing with backward-shift deletion */
static struct {
    const struct _u_request *key;
    conn_rec *rec;
} * index_slots;
static unsigned index_cap; /* a power of two, at least twice nrecs */

static atomic_int in_flight;
static atomic_int draining;
static atomic_int watching;
static pthread_t watchdog;
static int idle_limit_s;

static unsigned slot_of(const struct _u_request *key)
{
    return (unsigned)(((uintptr_t)key >> 4) * 0x9E3779B97F4A7C15ULL >> 32) & (index_cap - 1);
}

static void index_put(const struct _u_request *key, conn_rec *rec)
{
    unsigned i = slot_of(key);
    while (index_slots[i].key != NULL && index_slots[i].key != key)
        i = (i + 1) & (index_cap - 1);
    index_slots[i].key = key;
    index_slots[i].rec = rec;
}

static conn_rec *index_get(const struct _u_request *key)
{
    for (unsigned i = slot_of(key); index_slots[i].key != NULL; i = (i + 1) & (index_cap - 1))
        if (index_slots[i].key == key)
            return index_slots[i].rec;
    return NULL;
}

static void index_del(const struct _u_request *key)
{
    unsigned i = slot_of(key);
    while (index_slots[i].key != NULL && index_slots[i].key != key)
        i = (i + 1) & (index_cap - 1);
    if (index_slots[i].key == NULL)
        return;
    /* Shift the following run back so that no lookup stops early. */
    unsigned hole = i;
    for (unsigned j = (i + 1) & (index_cap - 1); index_slots[j].key != NULL; j = (j + 1) & (index_cap - 1)) {
        unsigned home = slot_of(index_slots[j].key);
        int movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
        if (movable) {
            index_slots[hole] = index_slots[j];
            hole = j;
        }
    }
    index_slots[hole].key = NULL;
    index_slots[hole].rec = NULL;
}

static void *watch(void *arg)
{
    (void)arg;
    while (atomic_load(&watching)) {
        struct timespec tick = {.tv_sec = 0, .tv_nsec = 500 * 1000 * 1000};
        nanosleep(&tick, NULL);
        time_t now = time(NULL);
        int closed = 0;
        pthread_mutex_lock(&lock);
        for (unsigned i = 0; i < nrecs; i++) {
            conn_rec *r = &recs[i];
            if (!r->used || r->fd == MHD_INVALID_SOCKET)
                continue;
            int late = (r->phase == IDLE && now - r->since > idle_limit_s) ||
                       (r->phase == RECEIVING && now - r->since > CONNECTIONS_RECEIVE_S);
            if (late) {
                /* The library notices and closes it; the fd stays the library's. */
                shutdown(r->fd, SHUT_RDWR);
                r->fd = MHD_INVALID_SOCKET;
                closed++;
            }
        }
        pthread_mutex_unlock(&lock);
        if (closed > 0) {
            char fields[64];
            snprintf(fields, sizeof fields, "\"closed\":%d", closed);
            log_event(LOG_DEBUG, "connections closed for missing their deadline", fields);
        }
    }
    return NULL;
}

int connections_start(unsigned limit, int idle_s)
{
    idle_limit_s = idle_s;
    nrecs = limit;
    index_cap = 1;
    while (index_cap < 2 * limit)
        index_cap <<= 1;
    recs = calloc(nrecs, sizeof *recs);
    index_slots = calloc(index_cap, sizeof *index_slots);
    if (recs == NULL || index_slots == NULL)
        return -1;
    for (unsigned i = nrecs; i-- > 0;) {
        recs[i].next_free = free_list;
        free_list = &recs[i];
    }
    atomic_store(&watching, 1);
    if (pthread_create(&watchdog, NULL, watch, NULL) != 0) {
        atomic_store(&watching, 0);
        return -1;
    }
    return 0;
}

void connections_stop(void)
{
    if (atomic_exchange(&watching, 0))
        pthread_join(watchdog, NULL);
}

void connections_notify_cb(void *cls, struct MHD_Connection *c, void **socket_context,
                           enum MHD_ConnectionNotificationCode code)
{
    (void)cls;
    pthread_mutex_lock(&lock);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        conn_rec *r = free_list;
        if (r != NULL) {
            free_list = r->next_free;
            const union MHD_ConnectionInfo *info =
                MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
            memset(r, 0, sizeof *r);
            r->used = 1;
            r->fd = info ? info->connect_fd : MHD_INVALID_SOCKET;
            r->phase = IDLE;
            r->since = time(NULL);
        }
        *socket_context = r;
    } else if (*socket_context != NULL) {
        conn_rec *r = *socket_context;
        if (r->request != NULL)
            index_del(r->request);
        r->used = 0;
        r->next_free = free_list;
        free_list = r;
        *socket_context = NULL;
    }
    pthread_mutex_unlock(&lock);
}

static conn_rec *record_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

void *connections_uri_cb(void *cls, const char *uri, struct MHD_Connection *c)
{
    atomic_fetch_add(&in_flight, 1);
    struct connection_info_struct *info = ulfius_uri_logger(cls, uri);
    /* libmicrohttpd ends the target where the version begins ("...\0HTTP/1.1"):
     * a NUL before that was the client's, and the target is cut there. */
    const char *end = uri + strlen(uri);
    int nul = strncmp(end + 1, "HTTP/", 5) != 0;
    pthread_mutex_lock(&lock);
    conn_rec *r = record_of(c);
    if (r != NULL) {
        r->nul_in_target = nul;
        r->phase = RECEIVING;
        r->since = time(NULL);
        r->request = info ? info->request : NULL;
        if (r->request != NULL)
            index_put(r->request, r);
    }
    pthread_mutex_unlock(&lock);
    return info;
}

void connections_completed_cb(void *cls, struct MHD_Connection *c, void **con_cls,
                              enum MHD_RequestTerminationCode toe)
{
    pthread_mutex_lock(&lock);
    conn_rec *r = record_of(c);
    if (r != NULL) {
        if (r->request != NULL)
            index_del(r->request);
        r->request = NULL;
        r->phase = IDLE;
        r->since = time(NULL);
    }
    pthread_mutex_unlock(&lock);
    mhd_request_completed(cls, c, con_cls, toe);
    atomic_fetch_sub(&in_flight, 1);
}

int connections_nul_in_target(struct MHD_Connection *c)
{
    pthread_mutex_lock(&lock);
    conn_rec *r = record_of(c);
    int nul = r != NULL && r->nul_in_target;
    pthread_mutex_unlock(&lock);
    return nul;
}

void connections_dispatched(const struct _u_request *req)
{
    pthread_mutex_lock(&lock);
    conn_rec *r = index_slots ? index_get(req) : NULL;
    if (r != NULL)
        r->phase = HANDLING;
    pthread_mutex_unlock(&lock);
}

int connections_in_flight(void)
{
    return atomic_load(&in_flight);
}

void connections_drain(void)
{
    atomic_store(&draining, 1);
}

int connections_draining(void)
{
    return atomic_load(&draining);
}
