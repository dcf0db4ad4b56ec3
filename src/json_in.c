/* json_in.c: strict body parsing and validation against field specs. */
#include "json_in.h"

#include <stdio.h>
#include <string.h>

#include "params.h"
#include "text.h"

#define MAX_DEPTH 32

static int too_deep(const json_t *v, int depth)
{
    if (depth > MAX_DEPTH)
        return 1;
    if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach((json_t *)v, k, x)
        {
            if (too_deep(x, depth + 1))
                return 1;
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x)
        {
            if (too_deep(x, depth + 1))
                return 1;
        }
    }
    return 0;
}

json_t *json_in_parse(const char *body, size_t len, dna_err *err)
{
    if (body == NULL || len == 0) {
        dna_err_set(err, DNA_BAD_REQUEST, "the request body is empty; a JSON object is expected");
        return NULL;
    }
    json_error_t je;
    json_t *obj = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
    if (obj == NULL && (json_error_code(&je) == json_error_numeric_overflow ||
                        json_error_code(&je) == json_error_null_character)) {
        /* Valid JSON (RFC 8259 limits neither numbers nor \u0000) that breaks a rule: 422. */
        int nul = json_error_code(&je) == json_error_null_character;
        dna_err_field(err, "body",
                      nul ? "strings must not contain NUL characters" : "a number is out of range");
        dna_err_set(err, DNA_INVALID, "%s at line %d, column %d",
                    nul ? "a NUL character" : "a number out of range", je.line, je.column);
        return NULL;
    }
    if (obj == NULL) {
        dna_err_set(err, DNA_BAD_REQUEST, "malformed JSON at line %d, column %d: %s", je.line, je.column,
                    je.text);
        return NULL;
    }
    if (!json_is_object(obj)) {
        json_decref(obj);
        dna_err_set(err, DNA_BAD_REQUEST, "the request body must be a JSON object");
        return NULL;
    }
    if (too_deep(obj, 0)) {
        json_decref(obj);
        dna_err_set(err, DNA_BAD_REQUEST, "the request body is nested too deeply");
        return NULL;
    }
    return obj;
}

/* C0 control characters other than tab, LF and CR have no place in any text
 * field; \x1f would also break the keyset cursors of a listing sorted by it. */
static int has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
            return 1;
    return 0;
}

static void check_objects(const field_spec *f, const json_t *v, dna_err *err);

static void check_one(const field_spec *f, const json_t *v, dna_err *err)
{
    char msg[256];
    switch (f->type) {
    case F_STRING:
    case F_DATE:
    case F_DATETIME:
    case F_ENUM:
    case F_WEEK:
    case F_PERIOD:
    case F_SLUG: {
        if (!json_is_string(v)) {
            dna_err_field(err, f->name, "must be a string");
            return;
        }
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        if (strlen(s) != n) {
            dna_err_field(err, f->name, "must not contain NUL characters");
            return;
        }
        if (has_control(s)) {
            dna_err_field(err, f->name, "must not contain control characters");
            return;
        }
        if (f->type == F_STRING) {
            size_t min = f->min > 0 ? (size_t)f->min : 0;
            const char *t = s;
            while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
                t++;
            if (f->required && *t == '\0')
                dna_err_field(err, f->name, "must not be blank");
            else if (f->maxlen && n > f->maxlen) {
                snprintf(msg, sizeof msg, "must be at most %zu bytes", f->maxlen);
                dna_err_field(err, f->name, msg);
            } else if (n < min) {
                snprintf(msg, sizeof msg, "must be at least %zu characters", min);
                dna_err_field(err, f->name, msg);
            }
        } else if (f->type == F_DATE && !params_valid_date(s)) {
            dna_err_field(err, f->name, "must be a date YYYY-MM-DD");
        } else if (f->type == F_DATETIME && !params_valid_datetime(s)) {
            dna_err_field(err, f->name, "must be an RFC 3339 timestamp");
        } else if (f->type == F_WEEK && !params_valid_week(s)) {
            dna_err_field(err, f->name, "must be an ISO week YYYY-Www");
        } else if (f->type == F_PERIOD && !params_valid_period(s)) {
            dna_err_field(err, f->name, "must be a period YYYY-MM or YYYY-Qn");
        } else if (f->type == F_SLUG && !text_is_slug(s)) {
            dna_err_field(err, f->name,
                          "must be a lowercase slug of 1 to 64 characters (a-z, 0-9, single hyphens)");
        } else if (f->type == F_ENUM && !text_in_list(s, f->values)) {
            text_one_of(msg, sizeof msg, f->values);
            dna_err_field(err, f->name, msg);
        }
        return;
    }
    case F_INT:
        if (!json_is_integer(v)) {
            dna_err_field(err, f->name, "must be an integer");
        } else if (json_integer_value(v) < f->min || json_integer_value(v) > f->max) {
            snprintf(msg, sizeof msg, "must be between %lld and %lld", f->min, f->max);
            dna_err_field(err, f->name, msg);
        }
        return;
    case F_BOOL:
        if (!json_is_boolean(v))
            dna_err_field(err, f->name, "must be true or false");
        return;
    case F_ANY_OBJECT:
        if (!json_is_object(v))
            dna_err_field(err, f->name, "must be an object");
        return;
    case F_OBJECT_ARRAY: check_objects(f, v, err); return;
    case F_STRING_ARRAY:
    case F_ENUM_ARRAY:
    case F_INT_ARRAY: {
        if (!json_is_array(v)) {
            dna_err_field(err, f->name, "must be an array");
            return;
        }
        size_t limit = f->type == F_STRING_ARRAY ? (size_t)f->max : (f->maxlen ? f->maxlen : 100);
        if (json_array_size(v) > limit) {
            snprintf(msg, sizeof msg, "must have at most %zu items", limit);
            dna_err_field(err, f->name, msg);
            return;
        }
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item)
        {
            if (f->type == F_INT_ARRAY) {
                if (!json_is_integer(item) || json_integer_value(item) < f->min ||
                    json_integer_value(item) > f->max) {
                    snprintf(msg, sizeof msg, "items must be integers between %lld and %lld", f->min, f->max);
                    dna_err_field(err, f->name, msg);
                    return;
                }
                continue;
            }
            if (!json_is_string(item) || strlen(json_string_value(item)) != json_string_length(item)) {
                dna_err_field(err, f->name, "items must be strings");
                return;
            }
            if (has_control(json_string_value(item))) {
                dna_err_field(err, f->name, "items must not contain control characters");
                return;
            }
            if (f->type == F_STRING_ARRAY && f->maxlen && json_string_length(item) > f->maxlen) {
                snprintf(msg, sizeof msg, "items must be at most %zu bytes", f->maxlen);
                dna_err_field(err, f->name, msg);
                return;
            }
            if (f->type == F_ENUM_ARRAY && !text_in_list(json_string_value(item), f->values)) {
                text_one_of(msg, sizeof msg, f->values);
                dna_err_field(err, f->name, msg);
                return;
            }
            for (size_t j = 0; j < i; j++)
                if (json_equal(json_array_get(v, j), item)) {
                    dna_err_field(err, f->name, "items must not repeat");
                    return;
                }
        }
        return;
    }
    }
}

/* Each item against f->items, its errors named "name[i].field". */
static void check_objects(const field_spec *f, const json_t *v, dna_err *err)
{
    char msg[256];
    if (!json_is_array(v)) {
        dna_err_field(err, f->name, "must be an array");
        return;
    }
    size_t n = json_array_size(v);
    if (n < (size_t)f->min || n > (size_t)f->max) {
        snprintf(msg, sizeof msg, "must have %lld to %lld items", f->min, f->max);
        dna_err_field(err, f->name, msg);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const json_t *item = json_array_get(v, i);
        char name[128];
        snprintf(name, sizeof name, "%s[%zu]", f->name, i);
        if (!json_is_object(item)) {
            dna_err_field(err, name, "must be an object");
            continue;
        }
        dna_err one;
        dna_err_init(&one);
        json_in_check(item, f->items, 0, &one);
        size_t j;
        json_t *e;
        json_array_foreach(one.errors, j, e)
        {
            char field[192];
            snprintf(field, sizeof field, "%s.%s", name, json_string_value(json_object_get(e, "field")));
            dna_err_field(err, field, json_string_value(json_object_get(e, "message")));
        }
        dna_err_clear(&one);
    }
}

dna_status json_in_check(const json_t *obj, const field_spec *specs, int patch, dna_err *err)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v)
    {
        const field_spec *f = specs;
        while (f->name && strcmp(f->name, key) != 0)
            f++;
        if (f->name == NULL) {
            dna_err_field(err, key, "is not a known field");
            continue;
        }
        if (json_is_null(v)) {
            if (!f->nullable || f->required)
                dna_err_field(err, f->name, "must not be null");
            continue;
        }
        check_one(f, v, err);
    }
    for (const field_spec *f = specs; f->name && !patch; f++)
        if (f->required && json_object_get(obj, f->name) == NULL)
            dna_err_field(err, f->name, "is required");
    return err->errors ? DNA_INVALID : DNA_OK;
}

const char *json_in_str(const json_t *obj, const char *name)
{
    return json_string_value(json_object_get(obj, name));
}

int json_in_has(const json_t *obj, const char *name)
{
    return json_object_get(obj, name) != NULL;
}
