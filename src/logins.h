/* logins.h: failed-login limits, kept in the database so that every
 * instance of the server counts the same attempts. An attempt is counted
 * before the (slow) password check against three windows of
 * LOGINS_WINDOW_S: the pair of account and address (LOGINS_PAIR_LIMIT), the
 * account from anywhere (LOGINS_ACCOUNT_LIMIT, much higher, so that guessing
 * from one place cannot lock a member out) and the address
 * (LOGINS_ADDRESS_LIMIT). A successful login forgets its pair. */
#ifndef DNA_LOGINS_H
#define DNA_LOGINS_H

#include "result.h"

#define LOGINS_WINDOW_S (15 * 60)
#define LOGINS_PAIR_LIMIT 10
#define LOGINS_ACCOUNT_LIMIT 200
#define LOGINS_ADDRESS_LIMIT 100

/* DNA_OK: go on and check the password (the attempt is counted);
 * DNA_TOO_MANY with *retry_after seconds; DNA_UNAVAILABLE without database. */
dna_status logins_attempt(const char *account, const char *address, int *retry_after);
/* After the right password: the pair's count goes, the attempt is taken back
 * from the account's and the address's. */
void logins_succeeded(const char *account, const char *address);

#endif
