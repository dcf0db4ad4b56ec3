/* edge.h: the first look at a request, right after its headers and before
 * its body. Ulfius 2.7.13 offers no hook there (its dispatcher reads the
 * whole body before our endpoint runs), so api/edge.c provides
 * MHD_start_daemon: the binary's definition interposes libmicrohttpd's,
 * which Ulfius calls, and puts edge_handler in front of Ulfius' dispatcher.
 * It refuses at once, with problem+json and Connection: close, what would
 * otherwise hang or be misread:
 *   - ambiguous framing: Content-Length twice, Content-Length with
 *     Transfer-Encoding, a Transfer-Encoding other than exactly "chunked"
 *     ("gzip", "chunked, chunked"), which libmicrohttpd would read to the
 *     connection's end (400);
 *   - a body announced over the 1 MiB limit by a client that waits for
 *     100 Continue (413, before it sends the body);
 *   - a NUL byte in the request target (400; libmicrohttpd cuts it there).
 * Everything else goes on to Ulfius unchanged. */
#ifndef DNA_EDGE_H
#define DNA_EDGE_H

#include <microhttpd.h>

/* How many requests the edge refused (for tests and /metrics). */
unsigned long edge_refused(void);

#endif
