/* test_auth.c: the token negative matrix (quality.md), issuing, Argon2id and
 * random strings. Tokens are made here: libjwt signs the well-formed ones, a
 * small SHA-256/HMAC below signs hand-made HS256 ones (duplicate keys, odd
 * headers), malformed ones are written out by hand. The clock is fixed. */
#include "auth.h"
#include "harness.h"
#include "principal.h"

#include <jwt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NOW ((time_t)1700000000)
#define NOW_S "1700000000"
#define EXP_OK "1700003600"
#define MINUS_61 "1699999939"
#define MINUS_60 "1699999940"
#define PLUS_60 "1700000060"
#define PLUS_61 "1700000061"
#define OURS "\"sub\":\"42\",\"iss\":\"dna-api\",\"aud\":\"dna-api\""
#define IDP_ISS "https://idp.example/realms/city"

static const char HS_SECRET[] = "test-secret-of-at-least-32-bytes-long!";
static const char OTHER_SECRET[] = "another-secret-of-at-least-32-bytes!!";

/* Test keys, generated once with:
 *   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048
 *   openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256
 *   openssl pkey -pubout */
static const char RSA_PRIV[] = "-----BEGIN PRIVATE KEY-----\n"
                               "MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDxauA+LIGmZPCC\n"
                               "esxBRemBcY1aIMuikVdzPCOLpLS105L27HFSVbyV4zNx89L4vxQ/yDH+PMtb3SOL\n"
                               "0o8Iv7BbdaoHcsV7ErnnSWwyHVm3v3810RsFSBT34TwF6bTISbZLINXlqWdC4kIJ\n"
                               "lUnOpQAVkRo6ifBq6QRDywtVoq2zcpIjFPVzIL27nRz+DPbdj6v8pfsTxgA0KgKy\n"
                               "csrpyq9ybQ3x9NVXdom3m132DwrpUIEJHifdMPIE+9uEtcEnEu/QnDmmPAzv865I\n"
                               "+fKUlR5yb+aVDf0ENZn29WqlsF11esbNe4WcyDRMVuengQ4ptIjoFUK1UN8zvOpu\n"
                               "uTJNBbjbAgMBAAECggEAOZxnIf8t+17YNFMInkUISb8m28y6u7NSeqnt05u9Ei0I\n"
                               "w8s96ceTBvPeqYFlpb23n9bu8zxfzS7TFkFrp8tS0yibqEZf0RRxb7vKSZVOfTaC\n"
                               "LX4WpCaE9nh2AfU5Epjgm0IdOT65aTEkUDQjlmAyynLDnxee22x6+5CfRlLZf9pP\n"
                               "UonBzbE0lsyDMRaeBaG9t9B15uCP0z6G+R8wULVa3RfhLIuyFT2ZN4U8AVnh1RTE\n"
                               "wGl+trQpX2oIEaR+wNjzoTQc5CZRPtpw2LecvFnZnHZgtJdkkJrfHns9eTkhUxSY\n"
                               "OlA/tlqJSoHbuJIolE+0Xcxfoov8Jv8p4fvHwU48gQKBgQD8CWWC3i22zgEQ3f0Y\n"
                               "jcyrvtGNfgKI68BoVgSnJH3edDA4TOkVohsgVoW+eUn2zijcEVAh6oJgPBYFe9+F\n"
                               "vDzDuI9jfFWgHzESQDChopb7GkABXVZuIz2zQAV3Ns3xRnFexa/mmAjDz50YbY1G\n"
                               "QVAIVeKYYNt3fo18ioJpQM1JgQKBgQD1NrsBrcXBJ/JDFPV4zfPnvIvHnbpBU4Vr\n"
                               "D5m/TPZD3soHDAhK/d4w4V4cojtQzV5eOisHXFHv53fWg7mBrMI1+mkSwbenJJcK\n"
                               "aBgukC3ztMTuPtxDOvkqiHGqkWeS6sWeOqU+e1gNN8UPLjORU5Q/RIYjod1gZCV0\n"
                               "Vp8ChGiYWwKBgQDceJfM9/ADVoeGKrpI7VnZ7w0+eblb7uacHorpbzmQDBFWXqkS\n"
                               "nICgNC/ApDb4Z/VENPzk/lBYQJd+6pJoWXbKOztraos4i7CQZ4hjDGiIdbkBuJVv\n"
                               "uPIzSFC/rThP1DA+GC48SEh6ibXBdau8hkutTvvuEeRJznGUPVHBIsexgQKBgQCO\n"
                               "tHdIltTLgG/g0kW5NEKJzpSaaxSGCBFRKRcU2blH7lQsnbgFzJCOadnXWCKk95+/\n"
                               "vqJj+jpFH7QCR06iROQRfdXAcLRstUKhb8sC7i2P8tfYvwR4q81uD1H3Lf/U5IR1\n"
                               "fTPFlQq9RoOMPhsMrFNOLpbSDdVDz4RsnCyVznEAmQKBgQDp69ExFHGLyyBYMvnY\n"
                               "cO50DS8+u7a7qjhjsW8bAI8djjIG8X4CRiWzTET0dL/raCG4UJp9sDnIt8q0KmmB\n"
                               "jcMzG9y1YSybpxFHTN2WDHTL8g05pdFGrHxKvYC1ieYhyy91zbkRfsVXaj277vtM\n"
                               "QZUvoLWb6sQYp+2rWYgeObyC2A==\n"
                               "-----END PRIVATE KEY-----\n";
static const char RSA_PUB[] = "-----BEGIN PUBLIC KEY-----\n"
                              "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA8WrgPiyBpmTwgnrMQUXp\n"
                              "gXGNWiDLopFXczwji6S0tdOS9uxxUlW8leMzcfPS+L8UP8gx/jzLW90ji9KPCL+w\n"
                              "W3WqB3LFexK550lsMh1Zt79/NdEbBUgU9+E8Bem0yEm2SyDV5alnQuJCCZVJzqUA\n"
                              "FZEaOonwaukEQ8sLVaKts3KSIxT1cyC9u50c/gz23Y+r/KX7E8YANCoCsnLK6cqv\n"
                              "cm0N8fTVV3aJt5td9g8K6VCBCR4n3TDyBPvbhLXBJxLv0Jw5pjwM7/OuSPnylJUe\n"
                              "cm/mlQ39BDWZ9vVqpbBddXrGzXuFnMg0TFbnp4EOKbSI6BVCtVDfM7zqbrkyTQW4\n"
                              "2wIDAQAB\n"
                              "-----END PUBLIC KEY-----\n";
static const char EC_PRIV[] = "-----BEGIN PRIVATE KEY-----\n"
                              "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQggHNI8di7RhKE9d8X\n"
                              "W6hxAaE+CNMAm6a4nMyRqdMTjBShRANCAAQ7RIW/n1mFIWIJVJnyND992RD1Z4Oc\n"
                              "qFKZBBMslS+X8vgvVwLVOkqtC1GQ0txKowz/oy7tSNWOwYy+9zpcwYMr\n"
                              "-----END PRIVATE KEY-----\n";
static const char EC_PUB[] = "-----BEGIN PUBLIC KEY-----\n"
                             "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEO0SFv59ZhSFiCVSZ8jQ/fdkQ9WeD\n"
                             "nKhSmQQTLJUvl/L4L1cC1TpKrQtRkNLcSqMM/6Mu7UjVjsGMvvc6XMGDKw==\n"
                             "-----END PUBLIC KEY-----\n";

/* ---- SHA-256 and HMAC (FIPS 180-4, RFC 2104), for hand-made tokens ------- */

typedef struct {
    uint32_t h[8];
    unsigned char block[64];
    size_t used;
    uint64_t total;
} sha256_ctx;

static const uint32_t SHA_K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror32(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

static void sha256_block(sha256_ctx *c)
{
    uint32_t w[64], s[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)c->block[4 * i] << 24 | (uint32_t)c->block[4 * i + 1] << 16 |
               (uint32_t)c->block[4 * i + 2] << 8 | c->block[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(s, c->h, sizeof s);
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = s[7] + (ror32(s[4], 6) ^ ror32(s[4], 11) ^ ror32(s[4], 25)) +
                      ((s[4] & s[5]) ^ (~s[4] & s[6])) + SHA_K[i] + w[i];
        uint32_t t2 = (ror32(s[0], 2) ^ ror32(s[0], 13) ^ ror32(s[0], 22)) +
                      ((s[0] & s[1]) ^ (s[0] & s[2]) ^ (s[1] & s[2]));
        memmove(s + 1, s, 7 * sizeof s[0]);
        s[4] += t1;
        s[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        c->h[i] += s[i];
}

static void sha256_init(sha256_ctx *c)
{
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, iv, sizeof iv);
    c->used = 0;
    c->total = 0;
}

static void sha256_update(sha256_ctx *c, const void *data, size_t n)
{
    const unsigned char *p = data;
    c->total += n;
    while (n--) {
        c->block[c->used++] = *p++;
        if (c->used == 64) {
            sha256_block(c);
            c->used = 0;
        }
    }
}

static void sha256_final(sha256_ctx *c, unsigned char out[32])
{
    uint64_t bits = c->total * 8;
    unsigned char pad = 0x80, zero = 0, len[8];
    sha256_update(c, &pad, 1);
    while (c->used != 56)
        sha256_update(c, &zero, 1);
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_update(c, len, 8);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(c->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)c->h[i];
    }
}

static void hmac_sha256(const void *key, size_t key_len, const void *msg, size_t msg_len,
                        unsigned char out[32])
{
    unsigned char k[64] = {0}, ipad[64], opad[64], inner[32];
    sha256_ctx c;
    if (key_len > 64) {
        sha256_init(&c);
        sha256_update(&c, key, key_len);
        sha256_final(&c, k);
    } else {
        memcpy(k, key, key_len);
    }
    for (int i = 0; i < 64; i++) {
        ipad[i] = k[i] ^ 0x36;
        opad[i] = k[i] ^ 0x5c;
    }
    sha256_init(&c);
    sha256_update(&c, ipad, 64);
    sha256_update(&c, msg, msg_len);
    sha256_final(&c, inner);
    sha256_init(&c);
    sha256_update(&c, opad, 64);
    sha256_update(&c, inner, 32);
    sha256_final(&c, out);
}

/* ---- token makers -------------------------------------------------------- */

/* base64url without padding, malloc'd. */
static char *b64url(const void *data, size_t n)
{
    static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const unsigned char *p = data;
    char *out = malloc(n / 3 * 4 + 5), *o = out;
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        *o++ = A[v >> 18];
        *o++ = A[(v >> 12) & 63];
        *o++ = A[(v >> 6) & 63];
        *o++ = A[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)p[i] << 16;
        *o++ = A[v >> 18];
        *o++ = A[(v >> 12) & 63];
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
        *o++ = A[v >> 18];
        *o++ = A[(v >> 12) & 63];
        *o++ = A[(v >> 6) & 63];
    }
    *o = '\0';
    return out;
}

/* "b64(header).b64(payload)" plus, when secret is given, ".b64(HMAC-SHA256)";
 * sig_text, when given, is appended verbatim instead (may be ""). */
static char *raw_token(const char *header, const char *payload, const char *secret, const char *sig_text)
{
    char *h = b64url(header, strlen(header)), *p = b64url(payload, strlen(payload));
    size_t n = strlen(h) + strlen(p) + 2;
    char *signing = malloc(n);
    snprintf(signing, n, "%s.%s", h, p);
    free(h);
    free(p);
    char *sig = NULL;
    if (secret) {
        unsigned char mac[32];
        hmac_sha256(secret, strlen(secret), signing, strlen(signing), mac);
        sig = b64url(mac, sizeof mac);
    } else if (sig_text) {
        sig = strdup(sig_text);
    }
    if (!sig)
        return signing;
    n = strlen(signing) + strlen(sig) + 2;
    char *tok = malloc(n);
    snprintf(tok, n, "%s.%s", signing, sig);
    free(signing);
    free(sig);
    return tok;
}

/* A token signed by libjwt with `claims` (a JSON object), optional kid. */
static char *lib_token(jwt_alg_t alg, const void *key, size_t key_len, const char *claims, const char *kid)
{
    jwt_t *jwt = NULL;
    char *out = NULL;
    if (jwt_new(&jwt) != 0)
        return NULL;
    if (jwt_set_alg(jwt, alg, key, (int)key_len) == 0 && jwt_add_grants_json(jwt, claims) == 0 &&
        (!kid || jwt_add_header(jwt, "kid", kid) == 0))
        out = jwt_encode_str(jwt);
    jwt_free(jwt);
    return out;
}

static char *hs_lib(const char *claims)
{
    return lib_token(JWT_ALG_HS256, HS_SECRET, strlen(HS_SECRET), claims, NULL);
}
static char *rs_lib(const char *claims)
{
    return lib_token(JWT_ALG_RS256, RSA_PRIV, strlen(RSA_PRIV), claims, NULL);
}
static char *es_lib(const char *claims)
{
    return lib_token(JWT_ALG_ES256, EC_PRIV, strlen(EC_PRIV), claims, NULL);
}

/* ---- configurations ------------------------------------------------------ */

static auth_keys hs_keys(void)
{
    auth_keys k = {0};
    k.hs_secret = (const unsigned char *)HS_SECRET;
    k.hs_secret_len = strlen(HS_SECRET);
    k.issuer = "dna-api";
    k.audience = "dna-api";
    return k;
}

static auth_keys idp_keys(const char *pem, auth_pub_alg alg, int with_hs)
{
    auth_keys k = {0};
    if (with_hs)
        k = hs_keys();
    k.pub_key_pem = (const unsigned char *)pem;
    k.pub_key_len = strlen(pem);
    k.pub_alg = alg;
    k.idp_issuer = IDP_ISS;
    k.idp_audience = "dna-api";
    k.idp_roles_claim = "realm_access.roles";
    k.idp_member_claim = "email";
    return k;
}

/* Verifies `tok` (and frees it) with `k` at NOW. */
static auth_verdict verify_free(const auth_keys *k, char *tok, auth_claims *c, const char **why)
{
    auth_claims local;
    const char *w = NULL;
    auth_verdict v = tok ? auth_verify(k, tok, NOW, c ? c : &local, &w) : (auth_verdict)-1;
    free(tok);
    if (why)
        *why = w;
    return v;
}

static auth_verdict hs_verify(const char *claims, auth_claims *c, const char **why)
{
    auth_keys k = hs_keys();
    return verify_free(&k, hs_lib(claims), c, why);
}

#define VALID_HS "{" OURS ",\"iat\":" NOW_S ",\"exp\":" EXP_OK ",\"roles\":[\"member\"]}"

/* ---- tests --------------------------------------------------------------- */

static void test_hs_valid(void)
{
    auth_claims c;
    const char *why = "x";
    CHECK(hs_verify(VALID_HS, &c, &why) == AUTH_OK);
    CHECK(why == NULL);
    CHECK_STR(c.sub, "42");
    CHECK(c.roles == ROLE_MEMBER);
    CHECK(c.from_idp == 0);
    CHECK(c.member_ref[0] == '\0');
}

static void test_handmade_hmac_matches(void)
{
    /* The test's own HMAC makes tokens auth_verify (libjwt) accepts. */
    auth_keys k = hs_keys();
    CHECK(verify_free(&k, raw_token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", VALID_HS, HS_SECRET, NULL), NULL,
                      NULL) == AUTH_OK);
    CHECK(verify_free(&k, raw_token("{\"alg\":\"HS256\"}", VALID_HS, HS_SECRET, NULL), NULL, NULL) ==
          AUTH_OK);
    /* RFC 4231 test case 2 */
    unsigned char mac[32];
    hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, mac);
    char *hex = b64url(mac, sizeof mac);
    CHECK_STR(hex, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
    free(hex);
}

static void test_expired(void)
{
    const char *why = NULL;
    CHECK(hs_verify("{" OURS ",\"exp\":" MINUS_61 ",\"roles\":[\"member\"]}", NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "token expired");
    CHECK(hs_verify("{" OURS ",\"exp\":" MINUS_60 ",\"roles\":[\"member\"]}", NULL, NULL) == AUTH_OK);
    CHECK(hs_verify("{" OURS ",\"exp\":1699999990,\"roles\":[\"member\"]}", NULL, NULL) == AUTH_OK);
    CHECK(hs_verify("{" OURS ",\"exp\":-1,\"roles\":[\"member\"]}", NULL, NULL) == AUTH_INVALID);
    /* extreme values must not overflow */
    CHECK(hs_verify("{" OURS ",\"exp\":9223372036854775807,\"roles\":[\"member\"]}", NULL, NULL) == AUTH_OK);
    CHECK(hs_verify("{" OURS ",\"exp\":-9223372036854775808,\"roles\":[\"member\"]}", NULL, NULL) ==
          AUTH_INVALID);
}

static void test_not_before(void)
{
    const char *why = NULL;
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"nbf\":" PLUS_61 ",\"roles\":[\"member\"]}", NULL, &why) ==
          AUTH_INVALID);
    CHECK_STR(why, "token not yet valid");
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"nbf\":" PLUS_60 ",\"roles\":[\"member\"]}", NULL, NULL) ==
          AUTH_OK);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"nbf\":-9223372036854775808,\"roles\":[\"member\"]}", NULL,
                    NULL) == AUTH_OK);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"nbf\":\"0\",\"roles\":[\"member\"]}", NULL, NULL) ==
          AUTH_INVALID);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"nbf\":9223372036854775807,\"roles\":[\"member\"]}", NULL,
                    NULL) == AUTH_INVALID);
}

static void test_issued_in_future(void)
{
    const char *why = NULL;
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"iat\":" PLUS_61 ",\"roles\":[\"member\"]}", NULL, &why) ==
          AUTH_INVALID);
    CHECK_STR(why, "token issued in the future");
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"iat\":" PLUS_60 ",\"roles\":[\"member\"]}", NULL, NULL) ==
          AUTH_OK);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"iat\":1.5,\"roles\":[\"member\"]}", NULL, NULL) ==
          AUTH_INVALID);
}

static void test_wrong_issuer(void)
{
    const char *why = NULL;
    CHECK(hs_verify("{\"sub\":\"42\",\"iss\":\"evil\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "wrong issuer");
    CHECK(hs_verify("{\"sub\":\"42\",\"aud\":\"dna-api\",\"exp\":" EXP_OK ",\"roles\":[\"member\"]}", NULL,
                    NULL) == AUTH_INVALID);
    CHECK(hs_verify("{\"sub\":\"42\",\"iss\":[\"dna-api\"],\"aud\":\"dna-api\",\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, NULL) == AUTH_INVALID);
}

static void test_audience(void)
{
    const char *why = NULL;
    CHECK(hs_verify("{\"sub\":\"42\",\"iss\":\"dna-api\",\"aud\":\"other\",\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "wrong audience");
    CHECK(hs_verify("{\"sub\":\"42\",\"iss\":\"dna-api\",\"exp\":" EXP_OK ",\"roles\":[\"member\"]}", NULL,
                    NULL) == AUTH_INVALID);
    CHECK(hs_verify("{\"sub\":\"42\",\"iss\":\"dna-api\",\"aud\":[\"other\",\"dna-api\"],\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, NULL) == AUTH_OK);
    CHECK(hs_verify("{\"sub\":\"42\",\"iss\":\"dna-api\",\"aud\":[\"other\",7],\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, NULL) == AUTH_INVALID);
    CHECK(hs_verify("{\"sub\":\"42\",\"iss\":\"dna-api\",\"aud\":[],\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, NULL) == AUTH_INVALID);
}

static void test_bad_signature(void)
{
    auth_keys k = hs_keys();
    const char *why = NULL;
    char *tok = hs_lib(VALID_HS);
    size_t n = strlen(tok);
    tok[n - 2] = tok[n - 2] == 'A' ? 'B' : 'A';
    CHECK(verify_free(&k, tok, NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "bad signature");
    CHECK(verify_free(&k, lib_token(JWT_ALG_HS256, OTHER_SECRET, strlen(OTHER_SECRET), VALID_HS, NULL), NULL,
                      NULL) == AUTH_INVALID);
    /* payload changed after signing */
    char *good = hs_lib(VALID_HS);
    char *forged = raw_token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                             "{" OURS ",\"exp\":" EXP_OK ",\"roles\":[\"program_manager\"]}", NULL,
                             strrchr(good, '.') + 1);
    free(good);
    CHECK(verify_free(&k, forged, NULL, NULL) == AUTH_INVALID);
}

static void test_alg_none(void)
{
    auth_keys k = hs_keys();
    auth_keys both = idp_keys(RSA_PUB, AUTH_ALG_RS256, 1);
    const char *why = NULL;
    const char *headers[] = {"{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"none\"}", "{\"alg\":\"None\"}",
                             "{\"alg\":\"NONE\"}", "{\"alg\":\"hs256\"}"};
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        /* "h.p." (empty signature), "h.p" (no signature part), "h.p.sig" */
        CHECK(verify_free(&k, raw_token(headers[i], VALID_HS, NULL, ""), NULL, &why) == AUTH_INVALID);
        CHECK(verify_free(&k, raw_token(headers[i], VALID_HS, NULL, NULL), NULL, NULL) == AUTH_INVALID);
        CHECK(verify_free(&k, raw_token(headers[i], VALID_HS, NULL, "c2lnbmF0dXJl"), NULL, &why) ==
              AUTH_INVALID);
        CHECK_STR(why, "algorithm not accepted");
        CHECK(verify_free(&both, raw_token(headers[i], VALID_HS, NULL, "c2lnbmF0dXJl"), NULL, NULL) ==
              AUTH_INVALID);
    }
    /* libjwt's own alg-none encoding */
    CHECK(verify_free(&k, lib_token(JWT_ALG_NONE, NULL, 0, VALID_HS, NULL), NULL, NULL) == AUTH_INVALID);
    /* HMAC with the secret but the header says HS256 in another case */
    CHECK(verify_free(&k, raw_token("{\"alg\":\"Hs256\"}", VALID_HS, HS_SECRET, NULL), NULL, NULL) ==
          AUTH_INVALID);
}

static void test_hs256_with_public_key_as_secret(void)
{
    const char *why = NULL;
    const char *idp_claims = "{\"sub\":\"u1\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                             ",\"email\":\"a@b.example\",\"realm_access\":{\"roles\":[\"member\"]}}";
    /* only the public key configured: HS256 is not accepted at all */
    auth_keys pub_only = idp_keys(RSA_PUB, AUTH_ALG_RS256, 0);
    CHECK(verify_free(&pub_only, lib_token(JWT_ALG_HS256, RSA_PUB, strlen(RSA_PUB), idp_claims, NULL), NULL,
                      &why) == AUTH_INVALID);
    CHECK_STR(why, "algorithm not accepted");
    CHECK(verify_free(&pub_only, lib_token(JWT_ALG_HS256, RSA_PUB, strlen(RSA_PUB), VALID_HS, NULL), NULL,
                      NULL) == AUTH_INVALID);
    /* public key and an HS secret configured: verified with the secret, fails */
    auth_keys both = idp_keys(RSA_PUB, AUTH_ALG_RS256, 1);
    CHECK(verify_free(&both, lib_token(JWT_ALG_HS256, RSA_PUB, strlen(RSA_PUB), VALID_HS, NULL), NULL,
                      &why) == AUTH_INVALID);
    CHECK_STR(why, "bad signature");
    CHECK(verify_free(&both, lib_token(JWT_ALG_HS256, RSA_PUB, strlen(RSA_PUB), idp_claims, NULL), NULL,
                      NULL) == AUTH_INVALID);
    /* same with an EC key */
    auth_keys ec_only = idp_keys(EC_PUB, AUTH_ALG_ES256, 0);
    CHECK(verify_free(&ec_only, lib_token(JWT_ALG_HS256, EC_PUB, strlen(EC_PUB), idp_claims, NULL), NULL,
                      NULL) == AUTH_INVALID);
}

#define IDP_CLAIMS(roles)                                                                                    \
    "{\"sub\":\"f81d4fae\",\"iss\":\"" IDP_ISS "\",\"aud\":[\"account\",\"dna-api\"],\"iat\":" NOW_S         \
    ",\"exp\":" EXP_OK ",\"email\":\"ann@city.example\",\"realm_access\":{\"roles\":" roles "}}"

static void test_rs256_when_only_hs(void)
{
    auth_keys k = hs_keys();
    const char *why = NULL;
    CHECK(verify_free(&k, rs_lib(IDP_CLAIMS("[\"member\"]")), NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "algorithm not accepted");
    CHECK(verify_free(&k, rs_lib(VALID_HS), NULL, NULL) == AUTH_INVALID);
    CHECK(verify_free(&k, es_lib(VALID_HS), NULL, NULL) == AUTH_INVALID);
}

static void test_pinned_public_alg(void)
{
    const char *why = NULL;
    auth_keys rs = idp_keys(RSA_PUB, AUTH_ALG_RS256, 1);
    CHECK(verify_free(&rs, es_lib(IDP_CLAIMS("[\"member\"]")), NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "algorithm not accepted");
    auth_keys es = idp_keys(EC_PUB, AUTH_ALG_ES256, 1);
    CHECK(verify_free(&es, rs_lib(IDP_CLAIMS("[\"member\"]")), NULL, NULL) == AUTH_INVALID);
    /* other algorithms of the same families */
    CHECK(verify_free(&rs,
                      lib_token(JWT_ALG_RS512, RSA_PRIV, strlen(RSA_PRIV), IDP_CLAIMS("[\"member\"]"), NULL),
                      NULL, NULL) == AUTH_INVALID);
    auth_keys hs = hs_keys();
    CHECK(verify_free(&hs, lib_token(JWT_ALG_HS384, HS_SECRET, strlen(HS_SECRET), VALID_HS, NULL), NULL,
                      &why) == AUTH_INVALID);
    CHECK_STR(why, "algorithm not accepted");
    CHECK(verify_free(&hs, lib_token(JWT_ALG_HS512, HS_SECRET, strlen(HS_SECRET), VALID_HS, NULL), NULL,
                      NULL) == AUTH_INVALID);
    /* ES256 pinned but the configured PEM is an RSA key: libjwt refuses */
    auth_keys mixed = idp_keys(RSA_PUB, AUTH_ALG_ES256, 0);
    CHECK(verify_free(&mixed, es_lib(IDP_CLAIMS("[\"member\"]")), NULL, NULL) == AUTH_INVALID);
}

static void test_shape(void)
{
    auth_keys k = hs_keys();
    const char *why = NULL;
    auth_claims c;
    CHECK(auth_verify(&k, "", NOW, &c, &why) == AUTH_INVALID);
    CHECK_STR(why, "token missing");
    CHECK(auth_verify(&k, NULL, NOW, &c, &why) == AUTH_INVALID);
    CHECK(auth_verify(NULL, "a.b.c", NOW, &c, &why) == AUTH_INVALID);
    /* two parts, four parts, empty parts, dots only */
    char *tok = hs_lib(VALID_HS);
    *strrchr(tok, '.') = '\0';
    CHECK(auth_verify(&k, tok, NOW, &c, &why) == AUTH_INVALID);
    CHECK_STR(why, "malformed token");
    free(tok);
    tok = hs_lib(VALID_HS);
    size_t n = strlen(tok);
    char *four = malloc(n + 6);
    snprintf(four, n + 6, "%s.AAAA", tok);
    CHECK(auth_verify(&k, four, NOW, &c, NULL) == AUTH_INVALID);
    free(four);
    free(tok);
    const char *odd[] = {
        "..",        ".",      "a", "a.b", "..c", "eyJhbGciOiJIUzI1NiJ9..c2ln", "eyJhbGciOiJIUzI1NiJ9.e30.",
        ".e30.c2ln", "a.b.c.d"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
        CHECK(auth_verify(&k, odd[i], NOW, &c, NULL) == AUTH_INVALID);
    /* why and out may be NULL */
    CHECK(auth_verify(&k, "a.b", NOW, NULL, NULL) == AUTH_INVALID);
    tok = hs_lib(VALID_HS);
    CHECK(auth_verify(&k, tok, NOW, NULL, NULL) == AUTH_OK);
    free(tok);
}

static void test_bad_base64(void)
{
    auth_keys k = hs_keys();
    auth_claims c;
    char *tok = hs_lib(VALID_HS);
    CHECK(auth_verify(&k, tok, NOW, &c, NULL) == AUTH_OK);
    /* a character outside the URL-safe alphabet in each part */
    const char bad[] = {'+', '/', '=', ' ', '\n', '%', '\x80'};
    char *dot1 = strchr(tok, '.'), *dot2 = strrchr(tok, '.');
    size_t where[] = {1, (size_t)(dot1 - tok) + 2, (size_t)(dot2 - tok) + 2};
    for (size_t w = 0; w < 3; w++) {
        for (size_t i = 0; i < sizeof bad; i++) {
            char save = tok[where[w]];
            tok[where[w]] = bad[i];
            CHECK(auth_verify(&k, tok, NOW, &c, NULL) == AUTH_INVALID);
            tok[where[w]] = save;
        }
    }
    free(tok);
    /* padding, a lone trailing character, non-canonical trailing bits */
    CHECK(verify_free(&k, raw_token("{\"alg\":\"HS256\"}", VALID_HS, NULL, "AA=="), NULL, NULL) ==
          AUTH_INVALID);
    const char *s = "{\"alg\":\"HS256\"}"; /* 15 bytes: 20 chars, no tail */
    char *h = b64url(s, strlen(s));
    char buf[256];
    snprintf(buf, sizeof buf, "%sA.e30.AAAA", h); /* 21 chars: a lone char */
    CHECK(auth_verify(&k, buf, NOW, &c, NULL) == AUTH_INVALID);
    free(h);
    /* "e30" is "{}"; "e31" decodes to the same bytes with non-zero spare bits */
    CHECK(auth_verify(&k, "eyJhbGciOiJIUzI1NiJ9.e31.AAAA", NOW, &c, NULL) == AUTH_INVALID);
    /* header not JSON, not an object, alg missing or not a string */
    const char *headers[] = {"not json",      "[\"HS256\"]",    "{}",
                             "{\"alg\":256}", "{\"alg\":null}", "{\"alg\":\"HS256\"} trailing",
                             "\"HS256\""};
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        const char *why = NULL;
        CHECK(verify_free(&k, raw_token(headers[i], VALID_HS, HS_SECRET, NULL), NULL, &why) == AUTH_INVALID);
        CHECK_STR(why, "malformed header");
    }
    /* payload not JSON or not an object (correctly signed) */
    CHECK(verify_free(&k, raw_token("{\"alg\":\"HS256\"}", "[1,2]", HS_SECRET, NULL), NULL, NULL) ==
          AUTH_INVALID);
    CHECK(verify_free(&k, raw_token("{\"alg\":\"HS256\"}", "{\"exp\":", HS_SECRET, NULL), NULL, NULL) ==
          AUTH_INVALID);
}

static void test_too_long(void)
{
    auth_keys k = hs_keys();
    const char *why = NULL;
    /* the same valid token, padded with a claim to just under and over 8 KiB */
    size_t pads[] = {5900, 6300};
    auth_verdict want[] = {AUTH_OK, AUTH_INVALID};
    for (size_t i = 0; i < 2; i++) {
        char *claims = malloc(pads[i] + 256);
        int n = snprintf(claims, 256, "{" OURS ",\"exp\":" EXP_OK ",\"roles\":[\"member\"],\"pad\":\"");
        memset(claims + n, 'x', pads[i]);
        memcpy(claims + n + pads[i], "\"}", 3);
        char *tok = hs_lib(claims);
        free(claims);
        CHECK(tok != NULL);
        if (!tok)
            continue;
        CHECK(i == 0 ? strlen(tok) <= AUTH_MAX_TOKEN_LEN : strlen(tok) > AUTH_MAX_TOKEN_LEN);
        CHECK(verify_free(&k, tok, NULL, &why) == want[i]);
    }
    CHECK_STR(why, "token too long");
    /* far larger garbage */
    size_t big = 1u << 20;
    char *huge = malloc(big + 1);
    memset(huge, 'A', big);
    huge[100] = '.';
    huge[200] = '.';
    huge[big] = '\0';
    CHECK(auth_verify(&k, huge, NOW, NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "token too long");
    free(huge);
}

static void test_kid_ignored(void)
{
    auth_keys k = hs_keys();
    auth_claims c;
    CHECK(verify_free(&k,
                      lib_token(JWT_ALG_HS256, HS_SECRET, strlen(HS_SECRET), VALID_HS, "../../etc/passwd"),
                      &c, NULL) == AUTH_OK);
    CHECK_STR(c.sub, "42");
    /* signed with the "file's contents" or any other key: refused */
    CHECK(verify_free(
              &k, lib_token(JWT_ALG_HS256, OTHER_SECRET, strlen(OTHER_SECRET), VALID_HS, "../../etc/passwd"),
              NULL, NULL) == AUTH_INVALID);
    CHECK(verify_free(&k, lib_token(JWT_ALG_HS256, "", 1, VALID_HS, "/dev/null"), NULL, NULL) ==
          AUTH_INVALID);
    auth_keys rs = idp_keys(RSA_PUB, AUTH_ALG_RS256, 0);
    CHECK(verify_free(&rs,
                      lib_token(JWT_ALG_RS256, RSA_PRIV, strlen(RSA_PRIV), IDP_CLAIMS("[\"member\"]"),
                                "../../etc/passwd"),
                      NULL, NULL) == AUTH_OK);
}

static void test_exp_types(void)
{
    const char *why = NULL;
    CHECK(hs_verify("{" OURS ",\"exp\":\"9999999999\",\"roles\":[\"member\"]}", NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "exp not an integer");
    CHECK(hs_verify("{" OURS ",\"exp\":9999999999.0,\"roles\":[\"member\"]}", NULL, NULL) == AUTH_INVALID);
    CHECK(hs_verify("{" OURS ",\"exp\":1e10,\"roles\":[\"member\"]}", NULL, NULL) == AUTH_INVALID);
    CHECK(hs_verify("{" OURS ",\"exp\":true,\"roles\":[\"member\"]}", NULL, NULL) == AUTH_INVALID);
    CHECK(hs_verify("{" OURS ",\"exp\":null,\"roles\":[\"member\"]}", NULL, NULL) == AUTH_INVALID);
    CHECK(hs_verify("{" OURS ",\"roles\":[\"member\"]}", NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "exp missing");
    /* beyond int64: Jansson refuses to parse it */
    auth_keys k = hs_keys();
    CHECK(verify_free(&k,
                      raw_token("{\"alg\":\"HS256\"}",
                                "{" OURS ",\"exp\":99999999999999999999,\"roles\":[\"member\"]}", HS_SECRET,
                                NULL),
                      NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "malformed claims");
}

static void test_sub(void)
{
    const char *why = NULL;
    auth_claims c;
    CHECK(hs_verify("{\"iss\":\"dna-api\",\"aud\":\"dna-api\",\"exp\":" EXP_OK ",\"roles\":[\"member\"]}",
                    NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "bad or missing sub");
    CHECK(hs_verify("{\"sub\":\"\",\"iss\":\"dna-api\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, NULL) == AUTH_INVALID);
    CHECK(hs_verify("{\"sub\":42,\"iss\":\"dna-api\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                    ",\"roles\":[\"member\"]}",
                    NULL, NULL) == AUTH_INVALID);
    char claims[512], sub[129];
    for (int len = 127; len <= 128; len++) {
        memset(sub, 's', (size_t)len);
        sub[len] = '\0';
        snprintf(claims, sizeof claims,
                 "{\"sub\":\"%s\",\"iss\":\"dna-api\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                 ",\"roles\":[\"member\"]}",
                 sub);
        CHECK(hs_verify(claims, &c, NULL) == (len == 127 ? AUTH_OK : AUTH_INVALID));
        if (len == 127)
            CHECK(strlen(c.sub) == 127);
    }
}

static void test_roles(void)
{
    const char *why = NULL;
    auth_claims c;
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK "}", &c, &why) == AUTH_NO_ROLE);
    CHECK_STR(why, "no known role");
    CHECK(c.roles == 0);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":[]}", NULL, NULL) == AUTH_NO_ROLE);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":null}", NULL, NULL) == AUTH_NO_ROLE);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":[\"admin\",\"root\",\"Member\",\"\"]}", NULL,
                    NULL) == AUTH_NO_ROLE);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":[1,true,{}]}", NULL, NULL) == AUTH_NO_ROLE);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":[\"admin\",\"organizer\",\"superuser\","
                    "\"ombudsman\"]}",
                    &c, NULL) == AUTH_OK);
    CHECK(c.roles == (ROLE_ORGANIZER | ROLE_MEMBER | ROLE_OMBUDSMAN));
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":[\"analyst\"]}", &c, NULL) == AUTH_OK);
    CHECK(c.roles == (ROLE_ANALYST | ROLE_MEMBER));
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":[\"ombudsman\"]}", &c, NULL) == AUTH_OK);
    CHECK(c.roles == ROLE_OMBUDSMAN);
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":\"program_manager\"}", &c, NULL) == AUTH_OK);
    CHECK(c.roles == (ROLE_PROGRAM_MANAGER | ROLE_MEMBER));
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":{\"member\":true}}", NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "malformed roles claim");
    CHECK(hs_verify("{" OURS ",\"exp\":" EXP_OK ",\"roles\":7}", NULL, NULL) == AUTH_INVALID);
}

static void test_idp_rs256(void)
{
    auth_keys k = idp_keys(RSA_PUB, AUTH_ALG_RS256, 1);
    auth_claims c;
    CHECK(verify_free(&k, rs_lib(IDP_CLAIMS("[\"offline_access\",\"analyst\",\"uma_authorization\"]")), &c,
                      NULL) == AUTH_OK);
    CHECK_STR(c.sub, "f81d4fae");
    CHECK_STR(c.member_ref, "ann@city.example");
    CHECK(c.from_idp == 1);
    CHECK(c.roles == (ROLE_ANALYST | ROLE_MEMBER));
    /* HS256 tokens still work alongside */
    CHECK(verify_free(&k, hs_lib(VALID_HS), &c, NULL) == AUTH_OK);
    CHECK(c.from_idp == 0);
    /* a tampered IdP token */
    char *tok = rs_lib(IDP_CLAIMS("[\"member\"]"));
    size_t n = strlen(tok);
    tok[n - 3] = tok[n - 3] == 'A' ? 'B' : 'A';
    const char *why = NULL;
    CHECK(verify_free(&k, tok, NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "bad signature");
    /* roles at the top level are not where the IdP keeps them */
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                             ",\"email\":\"a@b\",\"roles\":[\"member\"]}"),
                      NULL, NULL) == AUTH_NO_ROLE);
    /* path through a non-object */
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                             ",\"email\":\"a@b\",\"realm_access\":[\"member\"]}"),
                      NULL, NULL) == AUTH_NO_ROLE);
    CHECK(verify_free(&k, rs_lib(IDP_CLAIMS("[\"nobody\"]")), NULL, NULL) == AUTH_NO_ROLE);
}

static void test_idp_es256(void)
{
    auth_keys k = idp_keys(EC_PUB, AUTH_ALG_ES256, 0);
    auth_claims c;
    CHECK(verify_free(&k, es_lib(IDP_CLAIMS("[\"deregulation_team\"]")), &c, NULL) == AUTH_OK);
    CHECK_STR(c.member_ref, "ann@city.example");
    CHECK(c.from_idp == 1);
    CHECK(c.roles == (ROLE_DEREGULATION_TEAM | ROLE_MEMBER));
    /* a signature of the wrong length (DER instead of r||s, truncated) */
    char *tok = es_lib(IDP_CLAIMS("[\"member\"]"));
    size_t n = strlen(tok);
    tok[n - 4] = '\0';
    CHECK(verify_free(&k, tok, NULL, NULL) == AUTH_INVALID);
    /* one signature character changed */
    tok = es_lib(IDP_CLAIMS("[\"member\"]"));
    n = strlen(tok);
    tok[n - 20] = tok[n - 20] == 'A' ? 'B' : 'A';
    const char *why = NULL;
    CHECK(verify_free(&k, tok, NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "bad signature");
    /* member claim "sub" */
    k.idp_member_claim = "sub";
    CHECK(verify_free(&k, es_lib(IDP_CLAIMS("[\"member\"]")), &c, NULL) == AUTH_OK);
    CHECK_STR(c.member_ref, "f81d4fae");
}

static void test_idp_claims(void)
{
    auth_keys k = idp_keys(RSA_PUB, AUTH_ALG_RS256, 1);
    const char *why = NULL;
    /* member claim missing, not a string, empty, too long */
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                             ",\"realm_access\":{\"roles\":[\"member\"]}}"),
                      NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "bad or missing member claim");
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                             ",\"email\":[\"a@b\"],\"realm_access\":{\"roles\":[\"member\"]}}"),
                      NULL, NULL) == AUTH_INVALID);
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                             ",\"email\":\"\",\"realm_access\":{\"roles\":[\"member\"]}}"),
                      NULL, NULL) == AUTH_INVALID);
    char claims[1024], mail[300];
    memset(mail, 'm', 256);
    mail[256] = '\0';
    snprintf(claims, sizeof claims,
             "{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
             ",\"email\":\"%s\",\"realm_access\":{\"roles\":[\"member\"]}}",
             mail);
    CHECK(verify_free(&k, rs_lib(claims), NULL, NULL) == AUTH_INVALID);
    /* an IdP token must carry the IdP's issuer, not ours */
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"dna-api\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                             ",\"email\":\"a@b\",\"realm_access\":{\"roles\":[\"member\"]}}"),
                      NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "wrong issuer");
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"account\",\"exp\":" EXP_OK
                             ",\"email\":\"a@b\",\"realm_access\":{\"roles\":[\"member\"]}}"),
                      NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "wrong audience");
    /* and an HS256 token carrying the IdP's issuer is not ours */
    CHECK(verify_free(&k, hs_lib(IDP_CLAIMS("[\"member\"]")), NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "wrong issuer");
    /* expiry applies to IdP tokens too */
    CHECK(verify_free(&k,
                      rs_lib("{\"sub\":\"u\",\"iss\":\"" IDP_ISS "\",\"aud\":\"dna-api\",\"exp\":" MINUS_61
                             ",\"email\":\"a@b\",\"realm_access\":{\"roles\":[\"member\"]}}"),
                      NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "token expired");
}

static void test_duplicate_keys(void)
{
    auth_keys k = hs_keys();
    const char *why = NULL;
    CHECK(verify_free(&k,
                      raw_token("{\"alg\":\"HS256\"}",
                                "{" OURS ",\"exp\":" EXP_OK ",\"roles\":[\"member\"],"
                                "\"roles\":[\"program_manager\"]}",
                                HS_SECRET, NULL),
                      NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "malformed claims");
    CHECK(verify_free(&k,
                      raw_token("{\"alg\":\"HS256\"}",
                                "{" OURS ",\"sub\":\"1\",\"exp\":" EXP_OK ",\"roles\":[\"member\"]}",
                                HS_SECRET, NULL),
                      NULL, NULL) == AUTH_INVALID);
    CHECK(verify_free(&k,
                      raw_token("{\"alg\":\"HS256\"}",
                                "{" OURS ",\"exp\":" EXP_OK ",\"exp\":9999999999,\"roles\":[\"member\"]}",
                                HS_SECRET, NULL),
                      NULL, NULL) == AUTH_INVALID);
    /* in the header too */
    CHECK(verify_free(&k, raw_token("{\"alg\":\"none\",\"alg\":\"HS256\"}", VALID_HS, HS_SECRET, NULL), NULL,
                      &why) == AUTH_INVALID);
    CHECK_STR(why, "malformed header");
    /* a \u0000 in a claim is refused by Jansson */
    CHECK(
        verify_free(&k,
                    raw_token("{\"alg\":\"HS256\"}",
                              "{\"sub\":\"4\\u00002\",\"iss\":\"dna-api\",\"aud\":\"dna-api\",\"exp\":" EXP_OK
                              ",\"roles\":[\"member\"]}",
                              HS_SECRET, NULL),
                    NULL, NULL) == AUTH_INVALID);
}

static void test_crit_header(void)
{
    auth_keys k = hs_keys();
    const char *why = NULL;
    CHECK(verify_free(
              &k, raw_token("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", VALID_HS, HS_SECRET, NULL),
              NULL, &why) == AUTH_INVALID);
    CHECK_STR(why, "unsupported critical header");
    /* libjwt 1.10 refuses any typ other than "JWT" (case-insensitive) */
    CHECK(verify_free(&k, raw_token("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", VALID_HS, HS_SECRET, NULL),
                      NULL, NULL) == AUTH_INVALID);
}

static void test_issue_round_trip(void)
{
    auth_keys k = hs_keys();
    auth_claims c;
    const char *why = NULL;
    char *tok = auth_issue(&k, "17", ROLE_ORGANIZER | ROLE_ANALYST, 3600, NOW);
    CHECK(tok != NULL);
    if (!tok)
        return;
    CHECK(auth_verify(&k, tok, NOW, &c, &why) == AUTH_OK);
    CHECK_STR(c.sub, "17");
    CHECK(c.roles == (ROLE_ORGANIZER | ROLE_ANALYST | ROLE_MEMBER));
    CHECK(c.from_idp == 0);
    CHECK(auth_verify(&k, tok, NOW + 3600 + 60, &c, NULL) == AUTH_OK);
    CHECK(auth_verify(&k, tok, NOW + 3600 + 61, &c, &why) == AUTH_INVALID);
    CHECK_STR(why, "token expired");
    CHECK(auth_verify(&k, tok, NOW - 61, &c, &why) == AUTH_INVALID);
    CHECK_STR(why, "token issued in the future");
    /* another service's secret or audience does not accept it */
    auth_keys other = k;
    other.audience = "someone-else";
    CHECK(auth_verify(&other, tok, NOW, &c, NULL) == AUTH_INVALID);
    other = k;
    other.hs_secret = (const unsigned char *)OTHER_SECRET;
    other.hs_secret_len = strlen(OTHER_SECRET);
    CHECK(auth_verify(&other, tok, NOW, &c, NULL) == AUTH_INVALID);
    free(tok);

    tok = auth_issue(&k, "client-ombudsman", ROLE_OMBUDSMAN, 60, NOW);
    CHECK(tok && auth_verify(&k, tok, NOW, &c, NULL) == AUTH_OK && c.roles == ROLE_OMBUDSMAN);
    free(tok);
    tok = auth_issue(&k, "nobody", 0, 60, NOW);
    CHECK(tok && auth_verify(&k, tok, NOW, &c, NULL) == AUTH_NO_ROLE);
    free(tok);

    /* refusals */
    auth_keys none = idp_keys(RSA_PUB, AUTH_ALG_RS256, 0);
    CHECK(auth_issue(&none, "17", ROLE_MEMBER, 60, NOW) == NULL);
    CHECK(auth_issue(NULL, "17", ROLE_MEMBER, 60, NOW) == NULL);
    CHECK(auth_issue(&k, NULL, ROLE_MEMBER, 60, NOW) == NULL);
    CHECK(auth_issue(&k, "", ROLE_MEMBER, 60, NOW) == NULL);
    CHECK(auth_issue(&k, "17", ROLE_MEMBER, 0, NOW) == NULL);
    CHECK(auth_issue(&k, "17", ROLE_MEMBER, -5, NOW) == NULL);
    char longsub[200];
    memset(longsub, 'x', 128);
    longsub[128] = '\0';
    CHECK(auth_issue(&k, longsub, ROLE_MEMBER, 60, NOW) == NULL);
}

static void test_hash_secret(void)
{
    char enc[AUTH_HASH_LEN], enc2[AUTH_HASH_LEN];
    CHECK(auth_hash_secret("correct horse battery staple", enc) == 0);
    CHECK(strncmp(enc, "$argon2id$v=19$m=19456,t=2,p=1$", 31) == 0);
    CHECK(auth_check_secret(enc, "correct horse battery staple") == 1);
    CHECK(auth_check_secret(enc, "correct horse battery stapl") == 0);
    CHECK(auth_check_secret(enc, "") == 0);
    CHECK(auth_check_secret(enc, NULL) == 0);
    CHECK(auth_check_secret(NULL, "x") == 0);
    CHECK(auth_check_secret("", "x") == 0);
    CHECK(auth_check_secret("$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "x") == 0);
    CHECK(auth_check_secret("garbage", "x") == 0);
    /* fresh salt each time */
    CHECK(auth_hash_secret("correct horse battery staple", enc2) == 0);
    CHECK(strcmp(enc, enc2) != 0);
    CHECK(auth_check_secret(enc2, "correct horse battery staple") == 1);
    CHECK(auth_hash_secret(NULL, enc) != 0);
    CHECK(auth_hash_secret("", enc) == 0 && auth_check_secret(enc, "") == 1);
}

static void test_random_string(void)
{
    char a[33], b[33];
    CHECK(auth_random_string(a, sizeof a) == 0);
    CHECK(auth_random_string(b, sizeof b) == 0);
    CHECK(strlen(a) == 32 && strlen(b) == 32);
    CHECK(strcmp(a, b) != 0);
    CHECK(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == 32);
    char one[2];
    CHECK(auth_random_string(one, 2) == 0 && strlen(one) == 1);
    CHECK(auth_random_string(one, 1) != 0);
    CHECK(auth_random_string(NULL, 8) != 0);
}

int main(void)
{
    RUN(test_hs_valid);
    RUN(test_handmade_hmac_matches);
    RUN(test_expired);
    RUN(test_not_before);
    RUN(test_issued_in_future);
    RUN(test_wrong_issuer);
    RUN(test_audience);
    RUN(test_bad_signature);
    RUN(test_alg_none);
    RUN(test_hs256_with_public_key_as_secret);
    RUN(test_rs256_when_only_hs);
    RUN(test_pinned_public_alg);
    RUN(test_shape);
    RUN(test_bad_base64);
    RUN(test_too_long);
    RUN(test_kid_ignored);
    RUN(test_exp_types);
    RUN(test_sub);
    RUN(test_roles);
    RUN(test_idp_rs256);
    RUN(test_idp_es256);
    RUN(test_idp_claims);
    RUN(test_duplicate_keys);
    RUN(test_crit_header);
    RUN(test_issue_round_trip);
    RUN(test_hash_secret);
    RUN(test_random_string);
    HARNESS_END();
}
