/* auth.h: bearer-token verification and issuing, and Argon2id secrets.
 *
 * Pure functions: no database, no globals, an injectable clock (`now`), so the
 * negative matrix of quality.md can be unit-tested. libjwt 1.10 trusts the
 * token's `alg` and checks no claims, so this module pins the algorithm per
 * key and checks exp/nbf/iat/iss/aud itself. */
#ifndef DNA_AUTH_H
#define DNA_AUTH_H

#include <stddef.h>
#include <time.h>

#define AUTH_MAX_TOKEN_LEN 8192
#define AUTH_LEEWAY_SECONDS 60

typedef enum { AUTH_ALG_RS256 = 1, AUTH_ALG_ES256 = 2 } auth_pub_alg;

/* What tokens are accepted. Borrowed pointers; the caller keeps them alive. */
typedef struct {
    /* HS256 tokens of our own. hs_secret NULL: HS256 is not accepted. */
    const unsigned char *hs_secret;
    size_t hs_secret_len;
    const char *issuer;   /* `iss` our tokens carry and HS256 tokens must carry */
    const char *audience; /* `aud` likewise */

    /* Identity-provider tokens. pub_key_pem NULL: none accepted. */
    const unsigned char *pub_key_pem;
    size_t pub_key_len;
    auth_pub_alg pub_alg;
    const char *idp_issuer;
    const char *idp_audience;
    const char *idp_roles_claim;  /* dotted path, e.g. "realm_access.roles" */
    const char *idp_member_claim; /* claim naming the member: "email" or "sub" */
} auth_keys;

typedef enum {
    AUTH_OK = 0,
    AUTH_INVALID, /* 401: malformed, bad signature, wrong alg, bad claims */
    AUTH_NO_ROLE  /* 403: a valid token with no known role */
} auth_verdict;

typedef struct {
    char sub[128];
    unsigned roles;        /* ROLE_* bits from principal.h, normalised */
    int from_idp;          /* 1: verified with the identity provider's key */
    char member_ref[256];  /* idp tokens: value of idp_member_claim (email or sub) */
    long long valid_from;  /* accepted from this time on (nbf/iat minus the leeway) */
    long long valid_until; /* ... up to this time (exp plus the leeway) */
} auth_claims;

/* Verifies `token` (the text after "Bearer "). On AUTH_OK fills *out. `why`
 * (may be NULL) receives a static, client-safe reason on failure. */
auth_verdict auth_verify(const auth_keys *keys, const char *token, time_t now, auth_claims *out,
                         const char **why);

/* Issues an HS256 token with sub, roles, iss, aud, iat, exp = now + ttl.
 * Returns a malloc'd string the caller frees, or NULL (no secret configured). */
char *auth_issue(const auth_keys *keys, const char *sub, unsigned roles, long ttl, time_t now);

/* Argon2id: hash `secret` into `out` (encoded form, NUL-terminated).
 * Returns 0 on success. AUTH_HASH_LEN is enough for the encoding. */
#define AUTH_HASH_LEN 128
int auth_hash_secret(const char *secret, char out[AUTH_HASH_LEN]);
/* Returns 1 when `secret` matches `encoded`, 0 otherwise (also on bad input). */
int auth_check_secret(const char *encoded, const char *secret);

/* Fills out[0..n-1] with a random URL-safe string from getrandom(2) and
 * NUL-terminates it (n >= 2). Returns 0 on success. */
int auth_random_string(char *out, size_t n);

#endif
