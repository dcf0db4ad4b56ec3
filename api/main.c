/* main.c: the binary's entry: subcommand dispatch (serve, migrate, seed,
 * token, client add), start-up and shutdown. It sits above both layers (it
 * starts the HTTP server of api/ over the services of src/), so it lives
 * here and src/ never includes an api/ header. Signals are blocked in every
 * thread and taken with sigwait in the server loop. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accounts.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "migrate.h"
#include "params.h"
#include "principal.h"
#include "routes.h"
#include "seed.h"
#include "server.h"
#include "version.h"

#define EXIT_USAGE 2

static int usage(const char *msg)
{
    if (msg)
        fprintf(stderr, "dna-api: %s\n", msg);
    fprintf(stderr, "usage: dna-api [serve]\n"
                    "       dna-api migrate\n"
                    "       dna-api seed [--members N] [--reports N] [--seed S] [--as-of YYYY-MM-DD]\n"
                    "       dna-api token --sub ID --roles r1,r2 [--ttl S]\n"
                    "       dna-api client add --id ID --roles r1,r2\n"
                    "       dna-api routes      (the route table as JSON lines: who may call what)\n"
                    "       dna-api --version   (or `version`: the version and commit of this build)\n"
                    "Configuration comes from DNA_* environment variables (see README.md).\n");
    return EXIT_USAGE;
}

static int parse_long(const char *s, long min, long max, long *out)
{
    char *end = NULL;
    errno = 0;
    long v = s ? strtol(s, &end, 10) : 0;
    if (s == NULL || errno != 0 || end == s || *end != '\0' || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* "member,analyst" -> bits; -1 on an unknown name. */
static int parse_roles(const char *list, unsigned *out)
{
    *out = 0;
    char buf[256];
    if (list == NULL || strlen(list) >= sizeof buf)
        return -1;
    memcpy(buf, list, strlen(list) + 1);
    char *save = NULL;
    for (char *r = strtok_r(buf, ",", &save); r; r = strtok_r(NULL, ",", &save)) {
        unsigned bit = principal_role_bit(r);
        if (bit == 0)
            return -1;
        *out |= bit;
    }
    return *out ? 0 : -1;
}

static PGconn *connect_or_complain(const dna_config *cfg)
{
    char why[256];
    PGconn *pg = db_connect_once(cfg->database_url, why, sizeof why);
    if (pg == NULL)
        fprintf(stderr, "dna-api: cannot connect to the database (DNA_DATABASE_URL): %s\n",
                why[0] ? why : "no reason given");
    return pg;
}

static int apply_pseudonym_key(PGconn *pg, const dna_config *cfg)
{
    if (cfg->pseudonym_key == NULL)
        return 0;
    const char *values[1] = {cfg->pseudonym_key};
    PGresult *r = PQexecParams(pg, "UPDATE app_settings SET value = $1 WHERE key = 'pseudonym_key'", 1, NULL,
                               values, NULL, NULL, 0);
    int ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    return ok ? 0 : -1;
}

static int cmd_migrate(const dna_config *cfg, int serve_after)
{
    PGconn *pg = connect_or_complain(cfg);
    if (pg == NULL)
        return 1;
    int n = migrate_apply(pg);
    if (n >= 0 && apply_pseudonym_key(pg, cfg) != 0)
        n = -1;
    PQfinish(pg);
    if (n < 0)
        return 1;
    if (!serve_after)
        fprintf(stderr, "dna-api: %d migration(s) applied; schema is current\n", n);
    return 0;
}

static int cmd_serve(const dna_config *cfg)
{
    if (cmd_migrate(cfg, 1) != 0)
        return 1;
    db_set_statement_timeout(cfg->statement_timeout);
    if (db_pool_init(cfg->database_url, cfg->db_pool_size, 2000) != 0)
        return 1;
    if (cfg->database_read_url != NULL &&
        db_pool_init_replica(cfg->database_read_url, cfg->db_pool_size / 2 + 1, 2000) != 0)
        return 1;
    if (db_pool_init_exports(cfg->database_read_url ? cfg->database_read_url : cfg->database_url,
                             cfg->export_connections) != 0)
        return 1;
    int rc = server_run(cfg) == 0 ? 0 : 1;
    db_pool_shutdown();
    return rc;
}

static int cmd_seed(const dna_config *cfg, int argc, char **argv)
{
    seed_options o;
    seed_options_default(&o);
    for (int i = 0; i < argc; i++) {
        long v;
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--members") == 0 && parse_long(val, 5, 1000000, &v) == 0)
            o.members = (int)v;
        else if (strcmp(argv[i], "--reports") == 0 && parse_long(val, 0, 10000000, &v) == 0)
            o.reports = (int)v;
        else if (strcmp(argv[i], "--seed") == 0 && parse_long(val, 0, 2147483647L, &v) == 0)
            o.seed = (unsigned long long)v;
        else if (strcmp(argv[i], "--as-of") == 0 && val && params_valid_date(val) &&
                 strcmp(val, "2000-01-01") > 0) {
            /* History ends here: `make run` passes today, so the backlog is live. */
            o.ref_year = (int)strtol(val, NULL, 10);
            o.ref_month = (int)strtol(val + 5, NULL, 10);
            o.ref_day = (int)strtol(val + 8, NULL, 10);
        } else
            return usage("seed: bad option or value");
        i++;
    }
    if (cmd_migrate(cfg, 1) != 0)
        return 1;
    PGconn *pg = connect_or_complain(cfg);
    if (pg == NULL)
        return 1;
    int rc = seed_run(pg, &o, stdout);
    PQfinish(pg);
    return rc < 0 ? 1 : 0;
}

static int cmd_token(const dna_config *cfg, int argc, char **argv)
{
    const char *sub = NULL, *roles = NULL;
    long ttl = cfg->token_ttl;
    for (int i = 0; i < argc; i++) {
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--sub") == 0 && val)
            sub = val;
        else if (strcmp(argv[i], "--roles") == 0 && val)
            roles = val;
        else if (strcmp(argv[i], "--ttl") == 0 && parse_long(val, 1, 365L * 24 * 3600, &ttl) == 0)
            ;
        else
            return usage("token: bad option or value");
        i++;
    }
    unsigned bits;
    if (sub == NULL || sub[0] == '\0' || strlen(sub) > 127)
        return usage("token: --sub is required");
    if (parse_roles(roles, &bits) != 0)
        return usage("token: --roles must list known roles (member, organizer, deregulation_team, "
                     "program_manager, analyst, ombudsman)");
    if (cfg->jwt_secret == NULL) {
        fprintf(stderr, "dna-api: DNA_JWT_SECRET must be set to issue tokens\n");
        return EXIT_USAGE;
    }
    char *token = auth_issue(&cfg->keys, sub, bits, ttl, time(NULL));
    if (token == NULL)
        return 1;
    printf("%s\n", token);
    free(token);
    return 0;
}

static int cmd_client(const dna_config *cfg, int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "add") != 0)
        return usage("client: the only subcommand is `client add`");
    const char *id = NULL, *roles = NULL;
    for (int i = 1; i < argc; i++) {
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--id") == 0 && val)
            id = val;
        else if (strcmp(argv[i], "--roles") == 0 && val)
            roles = val;
        else
            return usage("client add: bad option or value");
        i++;
    }
    unsigned bits;
    if (id == NULL || parse_roles(roles, &bits) != 0)
        return usage("client add: --id and --roles (known role names) are required");
    if (cmd_migrate(cfg, 1) != 0)
        return 1;
    PGconn *pg = connect_or_complain(cfg);
    if (pg == NULL)
        return 1;
    char secret[48];
    dna_err e;
    dna_err_init(&e);
    int replaced = 0;
    dna_status st = accounts_client_add(pg, id, bits, secret, sizeof secret, &replaced, &e);
    PQfinish(pg);
    if (st != DNA_OK) {
        fprintf(stderr, "dna-api: %s\n", e.detail[0] ? e.detail : "cannot add the client");
        dna_err_clear(&e);
        return st == DNA_INVALID || st == DNA_CONFLICT ? EXIT_USAGE : 1;
    }
    if (replaced)
        fprintf(stderr,
                "dna-api: client %s existed: it has a new secret and these roles now; the old secret no "
                "longer works\n",
                id);
    printf("client_id=%s\nclient_secret=%s\n(the secret is shown once; store it now)\n", id, secret);
    return 0;
}

/* The route table, one JSON object a line, for tests and operators: every
 * route with the roles that may call it (api.md's matrix). */
static int cmd_routes(void)
{
    for (size_t r = 0; r < ROUTES_COUNT; r++) {
        json_t *roles = json_array();
        for (unsigned bit = 1; bit <= ROLE_OMBUDSMAN; bit <<= 1)
            if (ROUTES[r].roles & bit)
                json_array_append_new(roles, json_string(principal_role_name(bit)));
        json_t *line =
            json_pack("{s:s, s:s, s:o, s:b, s:b}", "method", ROUTES[r].method, "path", ROUTES[r].pattern,
                      "roles", roles, "public", (ROUTES[r].flags & ROUTE_PUBLIC) != 0, "collection",
                      (ROUTES[r].flags & ROUTE_COLLECTION) != 0);
        char *text = line ? json_dumps(line, JSON_COMPACT) : NULL;
        if (text)
            printf("%s\n", text);
        free(text);
        json_decref(line);
    }
    return 0;
}

int main(int argc, char **argv)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stderr, NULL, _IOLBF, 0);

    const char *cmd = argc > 1 ? argv[1] : "serve";
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage(NULL);
        return 0;
    }
    if (strcmp(cmd, "routes") == 0)
        return argc > 2 ? usage("routes takes no options") : cmd_routes();
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        if (argc > 2)
            return usage("version takes no options");
        printf("dna-api %s (commit %s)\n", DNA_VERSION, DNA_COMMIT);
        return 0;
    }
    static const char *const KNOWN[] = {"serve", "migrate", "seed", "token", "client", NULL};
    int known = 0;
    for (int i = 0; KNOWN[i]; i++)
        known |= strcmp(cmd, KNOWN[i]) == 0;
    if (!known)
        return usage("unknown subcommand");

    dna_config cfg;
    if (config_load(&cfg) != 0) {
        config_free(&cfg);
        return EXIT_USAGE;
    }
    log_set_level(cfg.log_level);
    int rest = argc > 2 ? argc - 2 : 0;
    char **rargv = argv + 2;
    int rc;
    if (strcmp(cmd, "serve") == 0)
        rc = rest ? usage("serve takes no options") : cmd_serve(&cfg);
    else if (strcmp(cmd, "migrate") == 0)
        rc = rest ? usage("migrate takes no options") : cmd_migrate(&cfg, 0);
    else if (strcmp(cmd, "seed") == 0)
        rc = cmd_seed(&cfg, rest, rargv);
    else if (strcmp(cmd, "token") == 0)
        rc = cmd_token(&cfg, rest, rargv);
    else
        rc = cmd_client(&cfg, rest, rargv);
    config_free(&cfg);
    return rc;
}
