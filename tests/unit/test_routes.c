/* Unit test: the route table (api/routes.c) and openapi.yaml describe the
 * same operations, both ways, so neither can drift from the other. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "routes.h"

#define MAX_OPS 256

typedef struct {
    char method[8];
    char path[160];
} operation;

static operation ops[MAX_OPS];
static int nops;

/* Reads `  /path:` and `    method:` lines of the paths section. */
static int load_spec(const char *file)
{
    FILE *f = fopen(file, "r");
    if (f == NULL)
        return -1;
    char line[512], path[160] = "";
    int in_paths = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "paths:", 6) == 0) {
            in_paths = 1;
            continue;
        }
        if (in_paths && isalpha((unsigned char)line[0]))
            break; /* the next top-level key */
        if (!in_paths)
            continue;
        if (strncmp(line, "  /", 3) == 0) {
            size_t n = strcspn(line + 2, ":");
            snprintf(path, sizeof path, "%.*s", (int)n, line + 2);
            continue;
        }
        static const char *const METHODS[] = {"get", "post", "put", "patch", "delete"};
        for (int m = 0; m < 5; m++) {
            char key[16];
            snprintf(key, sizeof key, "    %s:", METHODS[m]);
            if (strncmp(line, key, strlen(key)) == 0 && nops < MAX_OPS) {
                for (int k = 0; METHODS[m][k]; k++)
                    ops[nops].method[k] = (char)toupper((unsigned char)METHODS[m][k]);
                snprintf(ops[nops].path, sizeof ops[nops].path, "%s", path);
                nops++;
            }
        }
    }
    fclose(f);
    return 0;
}

static int in_spec(const char *method, const char *path)
{
    for (int i = 0; i < nops; i++)
        if (strcmp(ops[i].method, method) == 0 && strcmp(ops[i].path, path) == 0)
            return 1;
    return 0;
}

static int in_table(const char *method, const char *path)
{
    for (size_t r = 0; r < ROUTES_COUNT; r++)
        if (strcmp(ROUTES[r].method, method) == 0 && strcmp(ROUTES[r].pattern, path) == 0)
            return 1;
    return 0;
}

static void every_route_is_in_the_spec(void)
{
    for (size_t r = 0; r < ROUTES_COUNT; r++)
        if (!in_spec(ROUTES[r].method, ROUTES[r].pattern)) {
            fprintf(stderr, "  missing in openapi.yaml: %s %s\n", ROUTES[r].method, ROUTES[r].pattern);
            CHECK(0);
        }
}

static void every_spec_operation_is_routed(void)
{
    CHECK(nops > 10);
    for (int i = 0; i < nops; i++)
        if (!in_table(ops[i].method, ops[i].path)) {
            fprintf(stderr, "  not routed: %s %s\n", ops[i].method, ops[i].path);
            CHECK(0);
        }
}

static void routes_match_literals_before_params(void)
{
    char a[] = "api", b[] = "v1", c[] = "members", d[] = "me";
    char *segs[] = {a, b, c, d};
    char *caps[CTX_MAX_PATH_PARAMS];
    int ncaps = 0, known = 0;
    char allow[64];
    size_t index = 0;
    const route *r = routes_match("GET", segs, 4, caps, &ncaps, &known, allow, sizeof allow, &index);
    CHECK(r != NULL && strcmp(r->pattern, "/api/v1/members/me") == 0);
    r = routes_match("PUT", segs, 3, caps, &ncaps, &known, allow, sizeof allow, &index);
    CHECK(r == NULL && known == 1);
    CHECK(strstr(allow, "GET") != NULL && strstr(allow, "POST") != NULL);
}

int main(void)
{
    if (load_spec("openapi.yaml") != 0) {
        fprintf(stderr, "cannot read openapi.yaml (run from the repository root)\n");
        return 1;
    }
    RUN(every_route_is_in_the_spec);
    RUN(every_spec_operation_is_routed);
    RUN(routes_match_literals_before_params);
    HARNESS_END();
}
