/* embedded.h: files compiled into the binary (scripts/embed.sh generates the
 * definitions from db/migrations/NNNN_name.sql and openapi.yaml), so the one binary
 * carries its schema and its contract wherever it runs. */
#ifndef DNA_EMBEDDED_H
#define DNA_EMBEDDED_H

#include <stddef.h>

typedef struct {
    const char *name; /* "0001_foundation.sql" */
    const char *data; /* NUL-terminated */
    size_t len;
} embedded_file;

extern const embedded_file EMBED_MIGRATIONS[]; /* in name order */
extern const size_t EMBED_MIGRATIONS_COUNT;
extern const embedded_file EMBED_OPENAPI;

#endif
