/* config.h: every DNA_* variable, read and validated once into one struct. */
#ifndef DNA_CONFIG_H
#define DNA_CONFIG_H

#include "auth.h"

typedef struct {
    char *database_url;
    char *database_read_url; /* NULL when unset */
    int port;
    char *bind;
    char *jwt_secret; /* NULL when unset */
    char *jwt_public_key_file;
    char *jwt_public_key_pem; /* file contents, loaded */
    size_t jwt_public_key_len;
    auth_pub_alg jwt_public_key_alg;
    char *jwt_issuer, *jwt_audience;
    char *idp_issuer, *idp_audience, *idp_roles_claim, *idp_member_claim;
    long token_ttl;
    char **cors_origins; /* NULL-terminated */
    int db_pool_size;
    int threads;
    int export_connections; /* exports streaming at once (their own pool) */
    int statement_timeout;  /* seconds any one statement may run */
    char *pseudonym_key;    /* NULL: generated and stored in the database */
    int log_level;          /* 0 debug, 1 info, 2 warn, 3 error */
    int rate_limit;         /* requests per minute per client; 0 = off */
    int shutdown_grace;     /* seconds in-flight requests get after SIGTERM */
    int idle_timeout;       /* seconds a connection may wait for a request, or make no progress */
    int per_address;        /* connections one client address may hold open */
    int max_connections;    /* connections in all */
    int reuse_port;         /* 1: share the port with other processes (SO_REUSEPORT) */
    int revocation_ttl;     /* seconds a member's standing is cached (tokens) */
    char *public_url;       /* how clients reach the API (calendar feed URLs); NULL: from Host */
    char *docs_dir;         /* the API reference's files, served at /docs */
    auth_keys keys;         /* views into the fields above */
} dna_config;

/* Reads the environment into *cfg. On a bad value prints a clear message to
 * stderr and returns -1 (callers exit 2). */
int config_load(dna_config *cfg);
void config_free(dna_config *cfg);
/* The default database URL: the embedded cluster under var/. */
const char *config_default_database_url(void);
/* The default DNA_DOCS_DIR, beside the binary: `docs/` in its folder (the
 * build: build/docs), else `../share/dna-api/docs` (an install under a
 * prefix: /usr/local/bin/dna-api, /usr/local/share/dna-api/docs). */
const char *config_default_docs_dir(void);

#endif
