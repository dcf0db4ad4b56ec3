/* departments.h: the municipality's departments (diensten). */
#ifndef DNA_DEPARTMENTS_H
#define DNA_DEPARTMENTS_H

#include <jansson.h>

#include "db.h"
#include "json_in.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

extern const field_spec DEPARTMENTS_CREATE_FIELDS[];
/* GET /departments: sorts code, name. */
extern const listing_def DEPARTMENTS_LIST;

/* Creates a department; the document (key: its code) goes into out. */
dna_status departments_create(const principal *p, const json_t *body, db_doc *out, dna_err *err);
/* One department by code. */
dna_status departments_get(const char *code, db_doc *out, dna_err *err);

#endif
