/* revocation.h: what a member's token may still do now. A token names a
 * member and roles; the member's current record decides: an erased or
 * deactivated member's tokens are refused, a demoted member's tokens keep
 * only the roles the member still has (the register caps every token, ours
 * and the identity provider's). Records are cached per member for the TTL
 * (REVOCATION_TTL seconds unless set), so a request costs no database round trip; a
 * change made through this instance drops the member's entry at once, and
 * every other instance sees it within the TTL. */
#ifndef DNA_REVOCATION_H
#define DNA_REVOCATION_H

#include <stdint.h>
#include <time.h>

#include "result.h"

#define REVOCATION_TTL 30

/* Sets the TTL (DNA_REVOCATION_TTL, 1..60 s; REVOCATION_TTL by default). */
void revocation_set_ttl(int seconds);

/* The roles the member's token keeps: DNA_OK with *roles = token_roles as
 * capped by the member's current roles; DNA_UNAUTHORIZED when the member is
 * erased, deactivated or unknown; DNA_UNAVAILABLE without a database. */
dna_status revocation_check(int64_t member_id, unsigned token_roles, time_t now, unsigned *roles);

/* Identity-provider tokens: the member named by `ref` (an email, or an id
 * when the claim is "sub"), cached like the records. *id = 0 when none. */
dna_status revocation_resolve(const char *ref, const char *claim, time_t now, int64_t *id);

/* Forgets what is cached of a member (after this instance changed it). */
void revocation_forget(int64_t member_id);

#endif
