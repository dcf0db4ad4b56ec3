/* connections.h: what the HTTP server knows of its connections beyond what
 * the library tracks:
 *   - requests in flight (from the request line to the last byte of the
 *     answer), so that shutdown drains them instead of cutting answers off;
 *   - deadlines that a trickling client cannot stretch: a request line must
 *     arrive within the idle timeout (DNA_IDLE_TIMEOUT) of the connection's
 *     start or its last answer, and the headers and body within
 *     CONNECTIONS_RECEIVE_S of the request line (the library's idle timeout
 *     restarts at every byte); a watchdog closes the connections that miss
 *     them. An answer being sent has no deadline here: a long export that
 *     keeps sending is never cut, and one whose client takes nothing for the
 *     idle timeout is closed by the library;
 *   - the draining flag that middleware answers 503 to.
 * The functions named *_cb are the MHD callbacks; server.c passes them. */
#ifndef DNA_CONNECTIONS_H
#define DNA_CONNECTIONS_H

#include <microhttpd.h>
#include <ulfius.h>

#define CONNECTIONS_RECEIVE_S 10

/* Sizes the table for `limit` connections and starts the watchdog, which
 * closes connections idle for more than `idle_s`. 0 or -1. */
int connections_start(unsigned limit, int idle_s);
/* Stops the watchdog (before the daemon stops). */
void connections_stop(void);

void connections_notify_cb(void *cls, struct MHD_Connection *c, void **socket_context,
                           enum MHD_ConnectionNotificationCode code);
void *connections_uri_cb(void *cls, const char *uri, struct MHD_Connection *c);
void connections_completed_cb(void *cls, struct MHD_Connection *c, void **con_cls,
                              enum MHD_RequestTerminationCode toe);

/* 1 when the request line's target held a NUL byte (libmicrohttpd passes
 * the target on cut at it: /members/1\0abc would read as /members/1). */
int connections_nul_in_target(struct MHD_Connection *c);
/* The request was read whole and its handler runs: no deadline from here. */
void connections_dispatched(const struct _u_request *req);

/* Requests between their request line and the end of their answer. */
int connections_in_flight(void);
/* From now on every request is answered 503 with Connection: close. */
void connections_drain(void);
int connections_draining(void);

#endif
