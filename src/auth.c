/* auth.c: bearer tokens and secrets. Verifies HS256 tokens of our own and
 * RS256/ES256 tokens of the identity provider with the algorithm pinned per
 * key (libjwt only checks the signature; the header and the claims are parsed
 * and checked here with Jansson), issues HS256 tokens, hashes and checks
 * Argon2id secrets, and makes random URL-safe strings. No globals: every call
 * owns what it allocates and frees it on every path. */
#include "auth.h"

#include "principal.h"

#include <argon2.h>
#include <errno.h>
#include <jansson.h>
#include <jwt.h>
#include <limits.h>
#include <orcania.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

/* Argon2id parameters (OWASP): 2 passes, 19 MiB, 1 lane, 16-byte salt. */
#define ARGON_T 2u
#define ARGON_M 19456u
#define ARGON_P 1u
#define ARGON_SALT_LEN 16u
#define ARGON_HASH_LEN 32u
#define ARGON_MAX_ENCODED 512u

#define SUB_MAX (sizeof(((auth_claims *)0)->sub) - 1)
#define MEMBER_REF_MAX (sizeof(((auth_claims *)0)->member_ref) - 1)

/* ---- base64url ----------------------------------------------------------- */

static int b64url_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '-')
        return 62;
    if (c == '_')
        return 63;
    return -1;
}

/* Strict base64url without padding: only the URL-safe alphabet, no lone
 * trailing character, unused trailing bits zero (one text per byte string).
 * Answers 0 when `s[0..len-1]` is such a text. */
static int b64url_check(const char *s, size_t len)
{
    if (len == 0 || len % 4 == 1)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (b64url_value((unsigned char)s[i]) < 0)
            return -1;
    int last = b64url_value((unsigned char)s[len - 1]);
    if (len % 4 == 2 && (last & 0x0f) != 0)
        return -1;
    if (len % 4 == 3 && (last & 0x03) != 0)
        return -1;
    return 0;
}

/* Decodes a text b64url_check accepted (with orcania's decoder) into a
 * malloc'd, NUL-terminated buffer; *out_len gets the byte count. */
static unsigned char *b64url_decode(const char *s, size_t len, size_t *out_len)
{
    if (b64url_check(s, len) != 0)
        return NULL;
    unsigned char *buf = malloc(len / 4 * 3 + 4); /* orcania writes up to 2 bytes past the result */
    size_t n = 0;
    if (!buf || !o_base64url_decode((const unsigned char *)s, len, buf, &n)) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *out_len = n;
    return buf;
}

/* Decodes one base64url part and parses it as a JSON object, refusing
 * duplicate keys. NULL when any step fails. */
static json_t *decode_json_part(const char *s, size_t len)
{
    size_t n = 0;
    unsigned char *raw = b64url_decode(s, len, &n);
    if (!raw)
        return NULL;
    json_t *js = json_loadb((const char *)raw, n, JSON_REJECT_DUPLICATES, NULL);
    free(raw);
    if (js && !json_is_object(js)) {
        json_decref(js);
        return NULL;
    }
    return js;
}

/* ---- claims -------------------------------------------------------------- */

/* A NumericDate claim: 0 absent, 1 present (value in *out), -1 present but not
 * a JSON integer. */
static int time_claim(const json_t *claims, const char *name, json_int_t *out)
{
    const json_t *v = json_object_get(claims, name);
    if (!v)
        return 0;
    if (!json_is_integer(v))
        return -1;
    *out = json_integer_value(v);
    return 1;
}

/* `aud` is a string or an array of strings; 1 when it names `want`. */
static int aud_contains(const json_t *aud, const char *want)
{
    if (json_is_string(aud))
        return strcmp(json_string_value(aud), want) == 0;
    if (json_is_array(aud)) {
        size_t i;
        const json_t *v;
        json_array_foreach(aud, i, v)
        {
            if (json_is_string(v) && strcmp(json_string_value(v), want) == 0)
                return 1;
        }
    }
    return 0;
}

/* Walks a dotted path ("realm_access.roles") through nested objects. */
static const json_t *walk_path(const json_t *obj, const char *path)
{
    const json_t *cur = obj;
    const char *p = path;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        if (n == 0 || !json_is_object(cur))
            return NULL;
        cur = json_object_getn(cur, p, n);
        if (!cur || !dot)
            return cur;
        p = dot + 1;
    }
}

/* Role bits named by a roles claim: absent or null gives 0, a string is one
 * name, an array lists names (non-strings and unknown names are ignored).
 * -1 for any other type. */
static int roles_from_claim(const json_t *v, unsigned *out)
{
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v)) {
        *out = principal_role_bit(json_string_value(v));
        return 0;
    }
    if (!json_is_array(v))
        return -1;
    size_t i;
    const json_t *r;
    json_array_foreach(v, i, r)
    {
        if (json_is_string(r))
            *out |= principal_role_bit(json_string_value(r));
    }
    return 0;
}

/* Copies a JSON string into dst (capacity max + 1); -1 when it is not a
 * non-empty string of at most max bytes. */
static int copy_string_claim(const json_t *v, char *dst, size_t max)
{
    if (!json_is_string(v))
        return -1;
    size_t len = json_string_length(v);
    if (len == 0 || len > max)
        return -1;
    memcpy(dst, json_string_value(v), len);
    dst[len] = '\0';
    return 0;
}

/* ---- verification -------------------------------------------------------- */

#define FAIL(verdict, reason)                                                                                \
    do {                                                                                                     \
        result = (verdict);                                                                                  \
        reason_text = (reason);                                                                              \
        goto done;                                                                                           \
    } while (0)

auth_verdict auth_verify(const auth_keys *keys, const char *token, time_t now, auth_claims *out,
                         const char **why)
{
    auth_verdict result = AUTH_INVALID;
    const char *reason_text = "invalid token";
    json_t *header = NULL, *claims = NULL;
    jwt_t *jwt = NULL;
    auth_claims got;

    memset(&got, 0, sizeof got);
    if (out)
        memset(out, 0, sizeof *out);
    if (!keys)
        FAIL(AUTH_INVALID, "no keys configured");
    if (!token || token[0] == '\0')
        FAIL(AUTH_INVALID, "token missing");

    size_t len = strnlen(token, (size_t)AUTH_MAX_TOKEN_LEN + 1);
    if (len > AUTH_MAX_TOKEN_LEN)
        FAIL(AUTH_INVALID, "token too long");

    /* Exactly three parts, each strict base64url. */
    const char *dot1 = memchr(token, '.', len);
    const char *dot2 = dot1 ? memchr(dot1 + 1, '.', len - (size_t)(dot1 + 1 - token)) : NULL;
    if (!dot1 || !dot2 || memchr(dot2 + 1, '.', len - (size_t)(dot2 + 1 - token)))
        FAIL(AUTH_INVALID, "malformed token");
    size_t head_len = (size_t)(dot1 - token);
    size_t body_len = (size_t)(dot2 - dot1 - 1);
    size_t sig_len = len - (size_t)(dot2 + 1 - token);
    if (b64url_check(token, head_len) || b64url_check(dot1 + 1, body_len) || b64url_check(dot2 + 1, sig_len))
        FAIL(AUTH_INVALID, "malformed token");

    /* The header is ours to read: only `alg` matters (`kid` is ignored). */
    header = decode_json_part(token, head_len);
    if (!header)
        FAIL(AUTH_INVALID, "malformed header");
    const json_t *alg_v = json_object_get(header, "alg");
    if (!json_is_string(alg_v))
        FAIL(AUTH_INVALID, "malformed header");
    if (json_object_get(header, "crit"))
        FAIL(AUTH_INVALID, "unsupported critical header");
    const char *alg = json_string_value(alg_v);

    /* Pin the algorithm by configuration. */
    const unsigned char *key;
    size_t key_len;
    jwt_alg_t expected;
    int idp;
    if (strcmp(alg, "HS256") == 0) {
        if (!keys->hs_secret || keys->hs_secret_len == 0 || keys->hs_secret_len > INT_MAX)
            FAIL(AUTH_INVALID, "algorithm not accepted");
        key = keys->hs_secret;
        key_len = keys->hs_secret_len;
        expected = JWT_ALG_HS256;
        idp = 0;
    } else if (strcmp(alg, "RS256") == 0 || strcmp(alg, "ES256") == 0) {
        const char *pinned = keys->pub_alg == AUTH_ALG_RS256   ? "RS256"
                             : keys->pub_alg == AUTH_ALG_ES256 ? "ES256"
                                                               : NULL;
        if (!keys->pub_key_pem || keys->pub_key_len == 0 || keys->pub_key_len > INT_MAX || !pinned ||
            strcmp(alg, pinned) != 0)
            FAIL(AUTH_INVALID, "algorithm not accepted");
        key = keys->pub_key_pem;
        key_len = keys->pub_key_len;
        expected = keys->pub_alg == AUTH_ALG_RS256 ? JWT_ALG_RS256 : JWT_ALG_ES256;
        idp = 1;
    } else {
        FAIL(AUTH_INVALID, "algorithm not accepted");
    }

    /* The payload is parsed by us too (duplicate keys refused), before libjwt
     * sees it; its values are trusted only after the signature check. */
    claims = decode_json_part(dot1 + 1, body_len);
    if (!claims)
        FAIL(AUTH_INVALID, "malformed claims");

    /* Signature: libjwt, always with a key, then its idea of alg re-checked. */
    if (jwt_decode(&jwt, token, key, (int)key_len) != 0 || !jwt)
        FAIL(AUTH_INVALID, "bad signature");
    if (jwt_get_alg(jwt) != expected)
        FAIL(AUTH_INVALID, "algorithm not accepted");

    /* Claims: checked only once the signature is. */
    long long t = (long long)now;
    long long lo = t > LLONG_MIN + AUTH_LEEWAY_SECONDS ? t - AUTH_LEEWAY_SECONDS : LLONG_MIN;
    long long hi = t < LLONG_MAX - AUTH_LEEWAY_SECONDS ? t + AUTH_LEEWAY_SECONDS : LLONG_MAX;
    json_int_t v = 0;
    int rc = time_claim(claims, "exp", &v);
    if (rc == 0)
        FAIL(AUTH_INVALID, "exp missing");
    if (rc < 0)
        FAIL(AUTH_INVALID, "exp not an integer");
    if ((long long)v < lo)
        FAIL(AUTH_INVALID, "token expired");
    long long until =
        (long long)v < LLONG_MAX - AUTH_LEEWAY_SECONDS ? (long long)v + AUTH_LEEWAY_SECONDS : LLONG_MAX;
    long long from = LLONG_MIN;
    rc = time_claim(claims, "nbf", &v);
    if (rc < 0)
        FAIL(AUTH_INVALID, "nbf not an integer");
    if (rc > 0 && (long long)v > hi)
        FAIL(AUTH_INVALID, "token not yet valid");
    if (rc > 0 && (long long)v > LLONG_MIN + AUTH_LEEWAY_SECONDS && (long long)v - AUTH_LEEWAY_SECONDS > from)
        from = (long long)v - AUTH_LEEWAY_SECONDS;
    rc = time_claim(claims, "iat", &v);
    if (rc < 0)
        FAIL(AUTH_INVALID, "iat not an integer");
    if (rc > 0 && (long long)v > hi)
        FAIL(AUTH_INVALID, "token issued in the future");
    if (rc > 0 && (long long)v > LLONG_MIN + AUTH_LEEWAY_SECONDS && (long long)v - AUTH_LEEWAY_SECONDS > from)
        from = (long long)v - AUTH_LEEWAY_SECONDS;

    const char *want_iss = idp ? keys->idp_issuer : keys->issuer;
    const char *want_aud = idp ? keys->idp_audience : keys->audience;
    if (!want_iss || !want_aud)
        FAIL(AUTH_INVALID, "issuer or audience not configured");
    const json_t *iss = json_object_get(claims, "iss");
    if (!json_is_string(iss) || strcmp(json_string_value(iss), want_iss) != 0)
        FAIL(AUTH_INVALID, "wrong issuer");
    if (!aud_contains(json_object_get(claims, "aud"), want_aud))
        FAIL(AUTH_INVALID, "wrong audience");

    if (copy_string_claim(json_object_get(claims, "sub"), got.sub, SUB_MAX) != 0)
        FAIL(AUTH_INVALID, "bad or missing sub");

    const json_t *roles_v;
    if (idp) {
        if (!keys->idp_roles_claim || !keys->idp_member_claim)
            FAIL(AUTH_INVALID, "identity provider claims not configured");
        roles_v = walk_path(claims, keys->idp_roles_claim);
        if (copy_string_claim(json_object_get(claims, keys->idp_member_claim), got.member_ref,
                              MEMBER_REF_MAX) != 0)
            FAIL(AUTH_INVALID, "bad or missing member claim");
        got.from_idp = 1;
    } else {
        roles_v = json_object_get(claims, "roles");
    }
    unsigned roles = 0;
    if (roles_from_claim(roles_v, &roles) != 0)
        FAIL(AUTH_INVALID, "malformed roles claim");
    got.roles = principal_roles_normalise(roles);
    got.valid_from = from;
    got.valid_until = until;
    if (got.roles == 0) {
        if (out)
            *out = got; /* sub is still useful for logs */
        FAIL(AUTH_NO_ROLE, "no known role");
    }

    if (out)
        *out = got;
    result = AUTH_OK;
    reason_text = NULL;

done:
    jwt_free(jwt);
    json_decref(claims);
    json_decref(header);
    if (why)
        *why = reason_text;
    return result;
}

#undef FAIL

/* ---- issuing ------------------------------------------------------------- */

char *auth_issue(const auth_keys *keys, const char *sub, unsigned roles, long ttl, time_t now)
{
    if (!keys || !keys->hs_secret || keys->hs_secret_len == 0 || keys->hs_secret_len > INT_MAX ||
        !keys->issuer || !keys->audience || !sub || sub[0] == '\0' || strlen(sub) > SUB_MAX || ttl <= 0 ||
        now < 0 || (long long)now > (long long)LONG_MAX - ttl)
        return NULL;

    char *result = NULL, *encoded = NULL, *roles_json = NULL;
    jwt_t *jwt = NULL;

    json_t *names = json_array();
    json_t *wrap = json_object();
    if (!names || !wrap) {
        json_decref(names);
        json_decref(wrap);
        return NULL;
    }
    for (unsigned bit = 1; bit != 0; bit <<= 1) {
        const char *name = (roles & bit) ? principal_role_name(bit) : NULL;
        if (name && json_array_append_new(names, json_string(name)) != 0) {
            json_decref(names);
            json_decref(wrap);
            return NULL;
        }
    }
    if (json_object_set_new(wrap, "roles", names) == 0) /* steals names either way */
        roles_json = json_dumps(wrap, JSON_COMPACT);
    json_decref(wrap);
    if (!roles_json)
        return NULL;

    if (jwt_new(&jwt) != 0 || !jwt)
        goto done;
    if (jwt_set_alg(jwt, JWT_ALG_HS256, keys->hs_secret, (int)keys->hs_secret_len) != 0 ||
        jwt_add_grant(jwt, "sub", sub) != 0 || jwt_add_grant(jwt, "iss", keys->issuer) != 0 ||
        jwt_add_grant(jwt, "aud", keys->audience) != 0 || jwt_add_grant_int(jwt, "iat", (long)now) != 0 ||
        jwt_add_grant_int(jwt, "exp", (long)now + ttl) != 0 || jwt_add_grants_json(jwt, roles_json) != 0)
        goto done;
    encoded = jwt_encode_str(jwt); /* libjwt 1.10 allocates with malloc; no jwt_free_str */
    if (encoded)
        result = strdup(encoded);

done:
    free(encoded);
    jwt_free(jwt);
    free(roles_json);
    return result;
}

/* ---- randomness and secrets ---------------------------------------------- */

/* Random bytes from the kernel (getrandom(2)); 0 on success. */
static int fill_random(void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(p + got, n - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

int auth_hash_secret(const char *secret, char out[AUTH_HASH_LEN])
{
    if (!secret || !out)
        return -1;
    out[0] = '\0';
    if (argon2_encodedlen(ARGON_T, ARGON_M, ARGON_P, ARGON_SALT_LEN, ARGON_HASH_LEN, Argon2_id) >
        AUTH_HASH_LEN)
        return -1;
    unsigned char salt[ARGON_SALT_LEN];
    if (fill_random(salt, sizeof salt) != 0)
        return -1;
    int rc = argon2id_hash_encoded(ARGON_T, ARGON_M, ARGON_P, secret, strlen(secret), salt, sizeof salt,
                                   ARGON_HASH_LEN, out, AUTH_HASH_LEN);
    if (rc != ARGON2_OK) {
        out[0] = '\0';
        return -1;
    }
    return 0;
}

int auth_check_secret(const char *encoded, const char *secret)
{
    static const char prefix[] = "$argon2id$";
    if (!encoded || !secret || encoded[0] == '\0')
        return 0;
    if (strnlen(encoded, ARGON_MAX_ENCODED) >= ARGON_MAX_ENCODED ||
        strncmp(encoded, prefix, sizeof prefix - 1) != 0)
        return 0;
    return argon2id_verify(encoded, secret, strlen(secret)) == ARGON2_OK;
}

int auth_random_string(char *out, size_t n)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    if (!out || n < 2)
        return -1;
    if (fill_random(out, n - 1) != 0) {
        out[0] = '\0';
        return -1;
    }
    for (size_t i = 0; i < n - 1; i++)
        out[i] = alphabet[(unsigned char)out[i] & 63u]; /* 64 symbols: no bias */
    out[n - 1] = '\0';
    return 0;
}
