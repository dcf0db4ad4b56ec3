/* janitor.h: chores on a schedule, run from the server's main thread:
 * expired idempotency keys (stored answers) and old login windows are
 * deleted every JANITOR_INTERVAL_S, not only when a lookup touches them. */
#ifndef DNA_JANITOR_H
#define DNA_JANITOR_H

#include <time.h>

#define JANITOR_INTERVAL_S 60

/* Runs the chores when JANITOR_INTERVAL_S passed since the last run; cheap
 * otherwise. Returns the rows deleted by this call (0 when it did nothing). */
long janitor_run(time_t now);

#endif
