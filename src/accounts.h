/* accounts.h: the credentials behind POST /auth/token: members' passwords
 * and API clients' secrets, both as Argon2id hashes. */
#ifndef DNA_ACCOUNTS_H
#define DNA_ACCOUNTS_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>

#include "result.h"

/* Password grant: an active, not erased member with a local password.
 * DNA_OK fills *member_id and *roles; DNA_UNAUTHORIZED for wrong
 * credentials (the same answer for an unknown email, so as not to reveal
 * which accounts exist); DNA_UNAVAILABLE when the database is down. */
dna_status accounts_password_login(const char *email, const char *password, int64_t *member_id,
                                   unsigned *roles);

/* Client credentials grant. */
dna_status accounts_client_login(const char *client_id, const char *secret, unsigned *roles);

/* `dna-api client add`: creates a client with a fresh random secret, written
 * into `secret` (shown once; only its hash is stored). A client with that id
 * gets the new secret and roles instead (*replaced = 1). */
dna_status accounts_client_add(PGconn *pg, const char *id, unsigned roles, char *secret, size_t len,
                               int *replaced, dna_err *err);

/* Text array of role names <-> bits. */
unsigned accounts_roles_from_pg_array(const char *text);

#endif
