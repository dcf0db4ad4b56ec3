/* departments.h: the municipality's departments (diensten). */
#ifndef DNA_DEPARTMENTS_H
#define DNA_DEPARTMENTS_H

#include <jansson.h>

#include "db.h"
#include "json_in.h"
#include "principal.h"
#include "result.h"

extern const field_spec DEPARTMENTS_CREATE_FIELDS[];
extern const list_sort DEPARTMENTS_SORTS[];

/* Creates a department; *json (malloc'd, caller frees) is the new row. */
dna_status departments_create(const principal *p, const json_t *body, char **json, long long *id,
                              dna_err *err);

/* One department by code; *json (malloc'd) answers it. */
dna_status departments_get(const char *code, char **json, dna_err *err);

#endif
