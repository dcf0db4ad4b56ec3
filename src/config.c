/* config.c: every DNA_* variable: read, validated, defaulted, in one struct. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char default_url[512];

const char *config_default_database_url(void)
{
    /* The embedded cluster of `make run`: a socket under var/pg. */
    if (default_url[0] == '\0') {
        char cwd[400];
        if (getcwd(cwd, sizeof cwd) == NULL)
            snprintf(cwd, sizeof cwd, ".");
        snprintf(default_url, sizeof default_url, "host=%s/var/pg/run port=5433 dbname=dna user=postgres",
                 cwd);
    }
    return default_url;
}

/* Whether `dir` holds the API reference's page. */
static int docs_dir_has_page(const char *dir)
{
    char page[4200];
    int n = snprintf(page, sizeof page, "%s/index.html", dir);
    return n > 0 && (size_t)n < sizeof page && access(page, R_OK) == 0;
}

const char *config_default_docs_dir(void)
{
    static char dir[4096];
    char exe[4000];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        snprintf(dir, sizeof dir, "build/docs");
        return dir;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash != NULL)
        *slash = '\0';
    char installed[4096];
    snprintf(dir, sizeof dir, "%s/docs", exe);
    snprintf(installed, sizeof installed, "%s/../share/dna-api/docs", exe);
    if (!docs_dir_has_page(dir) && docs_dir_has_page(installed))
        memcpy(dir, installed, sizeof dir);
    return dir;
}

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return (v != NULL && v[0] != '\0') ? v : fallback;
}

static int env_int(const char *name, long fallback, long min, long max, long *out)
{
    const char *v = getenv(name);
    if (v == NULL || v[0] == '\0') {
        *out = fallback;
        return 0;
    }
    char *end = NULL;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno != 0 || end == v || *end != '\0' || n < min || n > max) {
        fprintf(stderr, "dna-api: %s must be an integer between %ld and %ld (got \"%s\")\n", name, min, max,
                v);
        return -1;
    }
    *out = n;
    return 0;
}

/* Set when a copy could not be made; config_load then fails as a whole. */
static int out_of_memory;

static char *copy(const char *s)
{
    char *d = s ? strdup(s) : NULL;
    if (d == NULL)
        out_of_memory = 1;
    return d;
}

static char *dup_or_null(const char *s)
{
    return s ? copy(s) : NULL;
}

static char **split_origins(const char *list)
{
    size_t n = 1;
    for (const char *p = list; *p; p++)
        if (*p == ',')
            n++;
    char **out = calloc(n + 1, sizeof *out);
    if (out == NULL) {
        out_of_memory = 1;
        return NULL;
    }
    size_t k = 0;
    const char *start = list;
    for (const char *p = list;; p++) {
        if (*p == ',' || *p == '\0') {
            const char *a = start, *b = p;
            while (a < b && (*a == ' ' || *a == '\t'))
                a++;
            while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '/'))
                b--;
            if (b > a && (out[k] = strndup(a, (size_t)(b - a))) != NULL)
                k++;
            else if (b > a)
                out_of_memory = 1;
            if (*p == '\0')
                break;
            start = p + 1;
        }
    }
    out[k] = NULL;
    return out;
}

static int read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            if (cap >= 1 << 20)
                break;
            cap *= 2;
            char *bigger = realloc(buf, cap + 1);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    if (buf == NULL)
        return -1;
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

static long default_threads(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        cores = 1;
    /* Handlers block on the database, so workers follow the pool, not the cores. */
    long n = cores * 8;
    return n < 8 ? 8 : (n > 64 ? 64 : n);
}

int config_load(dna_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    out_of_memory = 0;
    long n;

    cfg->database_url = copy(env_or("DNA_DATABASE_URL", config_default_database_url()));
    cfg->database_read_url = dup_or_null(env_or("DNA_DATABASE_READ_URL", NULL));
    if (env_int("DNA_PORT", 8080, 1, 65535, &n) != 0)
        return -1;
    cfg->port = (int)n;
    cfg->bind = copy(env_or("DNA_BIND", "127.0.0.1"));

    const char *secret = env_or("DNA_JWT_SECRET", NULL);
    if (secret != NULL && strlen(secret) < 32) {
        fprintf(stderr, "dna-api: DNA_JWT_SECRET must be at least 32 bytes\n");
        return -1;
    }
    cfg->jwt_secret = dup_or_null(secret);

    cfg->jwt_public_key_file = dup_or_null(env_or("DNA_JWT_PUBLIC_KEY_FILE", NULL));
    if (cfg->jwt_public_key_file != NULL &&
        read_file(cfg->jwt_public_key_file, &cfg->jwt_public_key_pem, &cfg->jwt_public_key_len) != 0) {
        fprintf(stderr, "dna-api: cannot read DNA_JWT_PUBLIC_KEY_FILE %s\n", cfg->jwt_public_key_file);
        return -1;
    }
    const char *alg = env_or("DNA_JWT_PUBLIC_KEY_ALG", "RS256");
    if (strcmp(alg, "RS256") == 0) {
        cfg->jwt_public_key_alg = AUTH_ALG_RS256;
    } else if (strcmp(alg, "ES256") == 0) {
        cfg->jwt_public_key_alg = AUTH_ALG_ES256;
    } else {
        fprintf(stderr, "dna-api: DNA_JWT_PUBLIC_KEY_ALG must be RS256 or ES256 (got \"%s\")\n", alg);
        return -1;
    }
    cfg->jwt_issuer = copy(env_or("DNA_JWT_ISSUER", "dna-api"));
    cfg->jwt_audience = copy(env_or("DNA_JWT_AUDIENCE", "dna-api"));
    cfg->idp_issuer = copy(env_or("DNA_IDP_ISSUER", cfg->jwt_issuer));
    cfg->idp_audience = copy(env_or("DNA_IDP_AUDIENCE", cfg->jwt_audience));
    cfg->idp_roles_claim = copy(env_or("DNA_IDP_ROLES_CLAIM", "roles"));
    cfg->idp_member_claim = copy(env_or("DNA_IDP_MEMBER_CLAIM", "email"));
    if (env_int("DNA_TOKEN_TTL", 3600, 60, 7 * 24 * 3600, &n) != 0)
        return -1;
    cfg->token_ttl = n;

    cfg->cors_origins = split_origins(env_or("DNA_CORS_ORIGINS", ""));

    if (env_int("DNA_DB_POOL_SIZE", default_threads(), 1, 500, &n) != 0)
        return -1;
    cfg->db_pool_size = (int)n;
    if (env_int("DNA_THREADS", cfg->db_pool_size, 1, 1024, &n) != 0)
        return -1;
    cfg->threads = (int)n;
    /* Exports have a pool of their own: a quarter of the requests' by default. */
    if (env_int("DNA_EXPORT_CONNECTIONS", cfg->db_pool_size / 4 > 1 ? cfg->db_pool_size / 4 : 1, 1, 100,
                &n) != 0)
        return -1;
    cfg->export_connections = (int)n;
    if (env_int("DNA_STATEMENT_TIMEOUT", 30, 1, 3600, &n) != 0)
        return -1;
    cfg->statement_timeout = (int)n;
    cfg->pseudonym_key = dup_or_null(env_or("DNA_PSEUDONYM_KEY", NULL));
    if (cfg->pseudonym_key != NULL && strlen(cfg->pseudonym_key) < 16) {
        fprintf(stderr, "dna-api: DNA_PSEUDONYM_KEY must be at least 16 characters\n");
        return -1;
    }

    if (env_int("DNA_RATE_LIMIT", 6000, 0, 10000000, &n) != 0)
        return -1;
    cfg->rate_limit = (int)n;

    if (env_int("DNA_SHUTDOWN_GRACE", 20, 0, 3600, &n) != 0)
        return -1;
    cfg->shutdown_grace = (int)n;
    if (env_int("DNA_IDLE_TIMEOUT", 30, 2, 3600, &n) != 0)
        return -1;
    cfg->idle_timeout = (int)n;
    if (env_int("DNA_MAX_CONNECTIONS", 16384, 16, 1000000, &n) != 0)
        return -1;
    cfg->max_connections = (int)n;
    if (env_int("DNA_CONNECTIONS_PER_ADDRESS", 256, 1, 1000000, &n) != 0)
        return -1;
    cfg->per_address = (int)n;
    if (env_int("DNA_REUSE_PORT", 0, 0, 1, &n) != 0)
        return -1;
    cfg->reuse_port = (int)n;
    if (env_int("DNA_REVOCATION_TTL", 30, 1, 60, &n) != 0)
        return -1;
    cfg->revocation_ttl = (int)n;
    cfg->public_url = dup_or_null(env_or("DNA_PUBLIC_URL", NULL));
    if (cfg->public_url != NULL && strncmp(cfg->public_url, "http://", 7) != 0 &&
        strncmp(cfg->public_url, "https://", 8) != 0) {
        fprintf(stderr, "dna-api: DNA_PUBLIC_URL must start with http:// or https:// (got \"%s\")\n",
                cfg->public_url);
        return -1;
    }

    /* Read at start-up by `serve`; a folder named on purpose must hold the page. */
    cfg->docs_dir = copy(env_or("DNA_DOCS_DIR", config_default_docs_dir()));
    if (env_or("DNA_DOCS_DIR", NULL) != NULL && cfg->docs_dir != NULL && !docs_dir_has_page(cfg->docs_dir)) {
        fprintf(stderr,
                "dna-api: DNA_DOCS_DIR must be a folder that holds the API reference (no index.html in %s)\n",
                cfg->docs_dir);
        return -1;
    }

    const char *lvl = env_or("DNA_LOG_LEVEL", "info");
    static const char *LEVELS[] = {"debug", "info", "warn", "error"};
    cfg->log_level = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(lvl, LEVELS[i]) == 0)
            cfg->log_level = i;
    if (cfg->log_level < 0) {
        fprintf(stderr, "dna-api: DNA_LOG_LEVEL must be debug, info, warn or error (got \"%s\")\n", lvl);
        return -1;
    }

    if (out_of_memory) {
        fprintf(stderr, "dna-api: out of memory while reading the configuration\n");
        return -1;
    }

    auth_keys *k = &cfg->keys;
    k->hs_secret = (const unsigned char *)cfg->jwt_secret;
    k->hs_secret_len = cfg->jwt_secret ? strlen(cfg->jwt_secret) : 0;
    k->issuer = cfg->jwt_issuer;
    k->audience = cfg->jwt_audience;
    k->pub_key_pem = (const unsigned char *)cfg->jwt_public_key_pem;
    k->pub_key_len = cfg->jwt_public_key_len;
    k->pub_alg = cfg->jwt_public_key_alg;
    k->idp_issuer = cfg->idp_issuer;
    k->idp_audience = cfg->idp_audience;
    k->idp_roles_claim = cfg->idp_roles_claim;
    k->idp_member_claim = cfg->idp_member_claim;
    return 0;
}

void config_free(dna_config *cfg)
{
    free(cfg->database_url);
    free(cfg->database_read_url);
    free(cfg->bind);
    free(cfg->jwt_secret);
    free(cfg->jwt_public_key_file);
    free(cfg->jwt_public_key_pem);
    free(cfg->jwt_issuer);
    free(cfg->jwt_audience);
    free(cfg->idp_issuer);
    free(cfg->idp_audience);
    free(cfg->idp_roles_claim);
    free(cfg->idp_member_claim);
    if (cfg->cors_origins)
        for (char **p = cfg->cors_origins; *p; p++)
            free(*p);
    free(cfg->cors_origins);
    free(cfg->pseudonym_key);
    free(cfg->public_url);
    free(cfg->docs_dir);
    memset(cfg, 0, sizeof *cfg);
}
