/* result.c: field-error and detail helpers for dna_err. Every text that goes
 * in is made valid UTF-8 first, so the problem body built from it cannot
 * fail to build. */
#include "result.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

void dna_err_init(dna_err *e)
{
    e->detail[0] = '\0';
    e->errors = NULL;
    e->extra = NULL;
    e->retry_after = 0;
}

void dna_err_clear(dna_err *e)
{
    json_decref(e->errors);
    json_decref(e->extra);
    dna_err_init(e);
}

dna_status dna_err_field(dna_err *e, const char *field, const char *message)
{
    char f[96], m[256];
    text_clip(f, sizeof f, field);
    text_clip(m, sizeof m, message);
    if (e->errors == NULL)
        e->errors = json_array();
    json_array_append_new(e->errors, json_pack("{s:s, s:s}", "field", f, "message", m));
    return DNA_INVALID;
}

dna_status dna_err_set(dna_err *e, dna_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->detail, sizeof e->detail, fmt, ap);
    va_end(ap);
    text_make_valid(e->detail);
    return status;
}
