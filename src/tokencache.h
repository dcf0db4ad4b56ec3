/* tokencache.h: bearer tokens that auth_verify accepted, remembered for
 * their lifetime, so a client's next requests skip the signature check and
 * the JSON parsing (~10 us each). A hit needs the exact same token text and
 * a time inside the token's validity; nothing else enters. Thread-safe. */
#ifndef DNA_TOKENCACHE_H
#define DNA_TOKENCACHE_H

#include <time.h>

#include "auth.h"

/* 1 and *out filled when `token` was verified before and is valid at `now`. */
int tokencache_get(const char *token, time_t now, auth_claims *out);
/* Remembers a token auth_verify answered AUTH_OK for, with its claims. */
void tokencache_put(const char *token, const auth_claims *claims);

#endif
