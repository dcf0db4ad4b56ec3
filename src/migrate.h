/* migrate.h: schema migrations, applied in order, each in a transaction,
 * recorded with a checksum, under an advisory lock. */
#ifndef DNA_MIGRATE_H
#define DNA_MIGRATE_H

#include <libpq-fe.h>

/* Applies pending migrations. Refuses (returns -1 with a message on stderr)
 * when an applied migration's file changed. Returns the number applied. */
int migrate_apply(PGconn *conn);
/* Number of embedded migrations not yet applied, or -1 on a failure. */
int migrate_pending(PGconn *conn);
/* Readiness, asked on a pooled connection: the number of pending
 * migrations, or -1 when the database cannot be reached. */
int migrate_check(void);

#endif
