/* cursor.c: keyset cursors sealed with ChaCha20-Poly1305. The payload is
 * "c2" US sort US value US id; the text is base64url(0x02 || nonce(12) ||
 * ciphertext || tag(16)), with a fresh random nonce per cursor. */
#include "cursor.h"

#include <errno.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <orcania.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#define SEAL_VERSION 0x02
#define NONCE_LEN 12
#define TAG_LEN 16
#define KEY_LEN 32
/* The most payload whose sealed text fits in CURSOR_MAX. */
#define PAYLOAD_MAX ((CURSOR_MAX - 4) / 4 * 3 - 1 - NONCE_LEN - TAG_LEN)

static unsigned char key[KEY_LEN];
static int key_set;

int cursor_set_key(const unsigned char *secret, size_t len)
{
    static const unsigned char salt[] = "dna-api";
    static const unsigned char info[] = "dna-api cursor seal v2";
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL);
    size_t out_len = sizeof key;
    int ok = ctx != NULL && EVP_PKEY_derive_init(ctx) > 0 &&
             EVP_PKEY_CTX_set_hkdf_md(ctx, EVP_sha256()) > 0 &&
             EVP_PKEY_CTX_set1_hkdf_salt(ctx, salt, (int)sizeof salt - 1) > 0 &&
             EVP_PKEY_CTX_set1_hkdf_key(ctx, secret, (int)len) > 0 &&
             EVP_PKEY_CTX_add1_hkdf_info(ctx, info, (int)sizeof info - 1) > 0 &&
             EVP_PKEY_derive(ctx, key, &out_len) > 0 && out_len == sizeof key;
    EVP_PKEY_CTX_free(ctx);
    key_set = ok;
    return ok ? 0 : -1;
}

/* Runs ChaCha20-Poly1305 over in[0..n-1] into out; encrypting writes the
 * tag, decrypting checks it. 0 on success. */
static int aead(int encrypt, const unsigned char nonce[NONCE_LEN], const unsigned char *in, size_t n,
                unsigned char *out, unsigned char tag[TAG_LEN])
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    int ok = ctx != NULL && key_set && n <= PAYLOAD_MAX &&
             EVP_CipherInit_ex(ctx, EVP_chacha20_poly1305(), NULL, NULL, NULL, encrypt) == 1 &&
             EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, NONCE_LEN, NULL) == 1 &&
             EVP_CipherInit_ex(ctx, NULL, NULL, key, nonce, encrypt) == 1 &&
             (encrypt || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, TAG_LEN, tag) == 1) &&
             EVP_CipherUpdate(ctx, out, &len, in, (int)n) == 1 &&
             EVP_CipherFinal_ex(ctx, out + len, &fin) == 1 &&
             (!encrypt || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, TAG_LEN, tag) == 1);
    EVP_CIPHER_CTX_free(ctx);
    return ok ? 0 : -1;
}

int cursor_seal(const unsigned char *payload, size_t len, char out[CURSOR_MAX])
{
    unsigned char sealed[1 + NONCE_LEN + PAYLOAD_MAX + TAG_LEN];
    if (len > PAYLOAD_MAX)
        return -1;
    sealed[0] = SEAL_VERSION;
    unsigned char *nonce = sealed + 1, *body = nonce + NONCE_LEN, *tag = body + len;
    if (getrandom(nonce, NONCE_LEN, 0) != NONCE_LEN || aead(1, nonce, payload, len, body, tag) != 0)
        return -1;
    size_t n = 0;
    size_t total = 1 + NONCE_LEN + len + TAG_LEN;
    if (!o_base64url_encode(sealed, total, NULL, &n) || n + 1 > CURSOR_MAX)
        return -1;
    if (!o_base64url_encode(sealed, total, (unsigned char *)out, &n))
        return -1;
    out[n] = '\0';
    return 0;
}

long cursor_open(const char *text, unsigned char *payload, size_t cap)
{
    size_t tlen = text ? strnlen(text, CURSOR_MAX) : 0;
    if (tlen == 0 || tlen >= CURSOR_MAX)
        return -1;
    unsigned char sealed[CURSOR_MAX]; /* decoding writes up to 2 bytes past the result */
    size_t n = 0;
    if (!o_base64url_decode((const unsigned char *)text, tlen, NULL, &n) || n + 2 > sizeof sealed ||
        !o_base64url_decode((const unsigned char *)text, tlen, sealed, &n))
        return -1;
    if (n < 1 + NONCE_LEN + TAG_LEN || sealed[0] != SEAL_VERSION)
        return -1;
    size_t len = n - 1 - NONCE_LEN - TAG_LEN;
    if (len > cap)
        return -1;
    unsigned char *nonce = sealed + 1, *body = nonce + NONCE_LEN, *tag = body + len;
    if (aead(0, nonce, body, len, payload, tag) != 0)
        return -1; /* altered, or sealed with another key */
    return (long)len;
}

int cursor_encode(const cursor *c, char out[CURSOR_MAX])
{
    char raw[PAYLOAD_MAX + 1];
    int n = snprintf(raw, sizeof raw, "c2\x1f%s\x1f%s\x1f%lld", c->sort, c->value, (long long)c->id);
    if (n < 0 || (size_t)n >= sizeof raw)
        return -1;
    return cursor_seal((const unsigned char *)raw, (size_t)n, out);
}

int cursor_decode(const char *text, cursor *out)
{
    char raw[PAYLOAD_MAX + 1];
    long n = cursor_open(text, (unsigned char *)raw, sizeof raw - 1);
    if (n < 0)
        return -1;
    raw[n] = '\0';
    if (memchr(raw, '\0', (size_t)n) != NULL)
        return -1;
    char *parts[4];
    char *p = raw;
    for (int i = 0; i < 4; i++) {
        parts[i] = p;
        char *sep = strchr(p, '\x1f');
        if (i < 3) {
            if (sep == NULL)
                return -1;
            *sep = '\0';
            p = sep + 1;
        } else if (sep != NULL) {
            return -1;
        }
    }
    if (strcmp(parts[0], "c2") != 0 || strlen(parts[1]) >= sizeof out->sort ||
        strlen(parts[2]) >= sizeof out->value)
        return -1;
    char *end = NULL;
    errno = 0;
    long long id = strtoll(parts[3], &end, 10);
    if (errno != 0 || end == parts[3] || *end != '\0' || id < 0 || parts[3][0] == '-' || parts[3][0] == '+' ||
        parts[3][0] == ' ')
        return -1;
    memcpy(out->sort, parts[1], strlen(parts[1]) + 1);
    memcpy(out->value, parts[2], strlen(parts[2]) + 1);
    out->id = id;
    return 0;
}
