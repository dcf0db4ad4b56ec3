/* json_in.h: request bodies: strict parsing and field-by-field validation
 * that reports every problem as a field error. Unknown fields are refused. */
#ifndef DNA_JSON_IN_H
#define DNA_JSON_IN_H

#include <jansson.h>
#include <stddef.h>

#include "result.h"

typedef enum {
    F_STRING, /* maxlen bytes at most; min: minimum length */
    F_INT,    /* integer within [min, max] */
    F_BOOL,
    F_DATE,         /* YYYY-MM-DD */
    F_DATETIME,     /* RFC 3339 */
    F_ENUM,         /* one of `values` */
    F_STRING_ARRAY, /* array of strings, at most `max` items of maxlen each */
    F_ENUM_ARRAY,   /* array of `values`, no duplicates */
    F_INT_ARRAY,    /* array of integers within [min, max], at most maxlen items */
    F_WEEK,         /* YYYY-Www */
    F_PERIOD,       /* YYYY-MM or YYYY-Qn */
    F_SLUG,         /* a lowercase slug of 1-64 characters (text_is_slug) */
    F_ANY_OBJECT,
    F_OBJECT_ARRAY, /* array of min..max objects, each checked against `items`; errors
                     * name the item: "themes[3].code" */
} field_type;

/* The largest id a JSON number carries exactly (2^53 - 1): the `max` of id fields. */
#define JSON_IN_ID_MAX 9007199254740991LL

typedef struct field_spec {
    const char *name;
    field_type type;
    int required; /* must be present (and not null) */
    int nullable; /* null is accepted (clears the field in a PATCH) */
    size_t maxlen;
    long long min, max;
    const char *const *values;
    const struct field_spec *items; /* F_OBJECT_ARRAY: each item's fields */
} field_spec;

/* Parses a body: JSON, an object at the top, no duplicate keys. Returns
 * the object (caller decrefs), or NULL with a 400 detail in err (a 422
 * one, with err->errors set, for a number out of range or a \u0000). */
json_t *json_in_parse(const char *body, size_t len, dna_err *err);

/* Checks `obj` against the NULL-name-terminated specs. Unknown fields, wrong
 * types, missing required fields and out-of-range values each become a field
 * error. With `patch` set (a merge patch), required fields may be absent
 * but still not null. Returns DNA_OK or DNA_INVALID. */
dna_status json_in_check(const json_t *obj, const field_spec *specs, int patch, dna_err *err);

/* Convenience readers for a checked object: NULL/0 when absent or null. */
const char *json_in_str(const json_t *obj, const char *name);
int json_in_has(const json_t *obj, const char *name);

#endif
