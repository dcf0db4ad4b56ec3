/* fuzz_token.c: libFuzzer target for the bearer-token parser. Arbitrary bytes
 * go to auth_verify with HS256 and RS256 both configured; when the first byte
 * is '{' they are also taken as a claims object, signed with the HS256 secret
 * and verified, so the claim checks behind the signature are reached too.
 * Build and run: see README.md in this folder. */
#include "auth.h"

#include <jwt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char HS_SECRET[] = "fuzz-secret-of-at-least-32-bytes-long";

/* A throwaway RSA public key (openssl genpkey -algorithm RSA; pkey -pubout). */
static const char RSA_PUB[] = "-----BEGIN PUBLIC KEY-----\n"
                              "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA8WrgPiyBpmTwgnrMQUXp\n"
                              "gXGNWiDLopFXczwji6S0tdOS9uxxUlW8leMzcfPS+L8UP8gx/jzLW90ji9KPCL+w\n"
                              "W3WqB3LFexK550lsMh1Zt79/NdEbBUgU9+E8Bem0yEm2SyDV5alnQuJCCZVJzqUA\n"
                              "FZEaOonwaukEQ8sLVaKts3KSIxT1cyC9u50c/gz23Y+r/KX7E8YANCoCsnLK6cqv\n"
                              "cm0N8fTVV3aJt5td9g8K6VCBCR4n3TDyBPvbhLXBJxLv0Jw5pjwM7/OuSPnylJUe\n"
                              "cm/mlQ39BDWZ9vVqpbBddXrGzXuFnMg0TFbnp4EOKbSI6BVCtVDfM7zqbrkyTQW4\n"
                              "2wIDAQAB\n"
                              "-----END PUBLIC KEY-----\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auth_keys keys = {
        .hs_secret = (const unsigned char *)HS_SECRET,
        .hs_secret_len = sizeof HS_SECRET - 1,
        .issuer = "dna-api",
        .audience = "dna-api",
        .pub_key_pem = (const unsigned char *)RSA_PUB,
        .pub_key_len = sizeof RSA_PUB - 1,
        .pub_alg = AUTH_ALG_RS256,
        .idp_issuer = "https://idp.example/realms/city",
        .idp_audience = "dna-api",
        .idp_roles_claim = "realm_access.roles",
        .idp_member_claim = "email",
    };
    const time_t now = 1700000000;

    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    auth_claims claims;
    const char *why = NULL;
    auth_verdict v = auth_verify(&keys, text, now, &claims, &why);
    if (v == AUTH_OK && (claims.sub[0] == '\0' || claims.roles == 0))
        abort(); /* an accepted token always names a subject and a role */
    if (v != AUTH_OK && why == NULL)
        abort();

    if (size > 0 && data[0] == '{') {
        jwt_t *jwt = NULL;
        if (jwt_new(&jwt) == 0 &&
            jwt_set_alg(jwt, JWT_ALG_HS256, (const unsigned char *)HS_SECRET, (int)(sizeof HS_SECRET - 1)) ==
                0 &&
            jwt_add_grants_json(jwt, text) == 0) {
            char *tok = jwt_encode_str(jwt);
            if (tok) {
                v = auth_verify(&keys, tok, now, &claims, &why);
                if (v == AUTH_OK && (claims.sub[0] == '\0' || claims.roles == 0))
                    abort();
                free(tok);
            }
        }
        jwt_free(jwt);
    }
    free(text);
    return 0;
}
