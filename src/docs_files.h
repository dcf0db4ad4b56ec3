/* docs_files.h: the files of the API reference served at /docs (Swagger UI
 * from the npm registry, and our page that points it at /openapi.yaml). They
 * are read once at start-up from one folder (DNA_DOCS_DIR) into memory and
 * found by name: only the names this module lists are ever read or served,
 * so no request can name a path. */
#ifndef DNA_DOCS_FILES_H
#define DNA_DOCS_FILES_H

#include <stddef.h>

typedef struct {
    const char *name;       /* "swagger-ui.css": as in the folder and in the URL */
    const char *media_type; /* "text/css; charset=utf-8" */
    int ours;               /* 1: our page and its script (they change with each release) */
    char *data;             /* the contents; owned by this module */
    size_t len;
    char etag[20]; /* "\"" + 16 hex digits of the contents' SHA-256 + "\"" */
} docs_file;

/* The page itself (GET /docs). */
#define DOCS_PAGE "index.html"

/* Reads every known file from `dir`. Returns 0, or -1 with nothing loaded
 * and the first file that could not be read in `why` (a path and a reason). */
int docs_files_load(const char *dir, char *why, size_t why_len);
/* The loaded file of that name, or NULL (unknown name, or nothing loaded). */
const docs_file *docs_files_find(const char *name);
/* Whether `If-None-Match` (may be NULL) names the file's current ETag. */
int docs_files_unchanged(const docs_file *f, const char *if_none_match);
void docs_files_free(void);

#endif
