/* params.h: the query string, parsed once, and typed readers that report
 * bad values as field errors (400). Unknown parameters are refused so that a
 * typo never silently does nothing. */
#ifndef DNA_PARAMS_H
#define DNA_PARAMS_H

#include <stdint.h>

#include "result.h"

typedef struct {
    char *key;
    char *value;
} param_pair;

typedef struct dna_params {
    param_pair *items;
    int n;
} params;

/* Parses the query part of `url` (after '?'). Percent-decodes keys and values
 * and refuses bad escapes, NULs and invalid UTF-8. Returns 0, or -1 with a
 * field error in err. Free with params_free. */
int params_parse(const char *url, params *out, dna_err *err);
void params_free(params *p);
/* The same for an application/x-www-form-urlencoded body of `len` bytes. */
int params_parse_form(const char *body, size_t len, params *out, dna_err *err);
/* Percent-decodes [s, s+len) ('+' as space when asked); NULL on a bad escape,
 * a NUL or invalid UTF-8. The caller frees the result. */
char *params_decode(const char *s, size_t len, int plus_is_space);

/* Refuses any key not in the NULL-terminated `allowed` list (also accepts
 * the keys every collection takes when `collection` is set). */
int params_only(const params *p, const char *const *allowed, int collection, dna_err *err);

/* The value of a parameter given once; NULL when absent. A repeated
 * single-valued parameter is an error (returns NULL and sets *bad). */
const char *params_get(const params *p, const char *key, int *bad, dna_err *err);
/* All values of a repeatable parameter (comma-separated values are split too);
 * returns the count, fills up to max pointers into p's storage. */
int params_all(const params *p, const char *key, const char **out, int max);

/* Typed readers: return 0 when absent or valid (setting *present), -1 with a
 * field error otherwise. */
int params_int(const params *p, const char *key, long long min, long long max, long long *out, int *present,
               dna_err *err);
int params_bool(const params *p, const char *key, int *out, int *present, dna_err *err);
int params_date(const params *p, const char *key, const char **out, dna_err *err);
int params_datetime(const params *p, const char *key, const char **out, dna_err *err);
/* A valid RFC 3339 timestamp as the same moment in UTC ("...Z"), so that any
 * offset the RFC allows (up to +-23:59, beyond PostgreSQL's 15:59) reads. */
#define PARAMS_UTC_MAX 40
void params_datetime_utc(const char *valid, char out[PARAMS_UTC_MAX]);
int params_enum(const params *p, const char *key, const char *const *values, const char **out, dna_err *err);
int params_text(const params *p, const char *key, size_t maxlen, const char **out, dna_err *err);
int params_week(const params *p, const char *key, const char **out, dna_err *err);
int params_period(const params *p, const char *key, const char **out, dna_err *err);

/* Value checks shared with body validation. */
int params_valid_date(const char *s);     /* YYYY-MM-DD, a real day */
int params_valid_datetime(const char *s); /* RFC 3339 */
int params_valid_week(const char *s);     /* YYYY-Www, a week the year has */
int params_valid_period(const char *s);   /* YYYY-MM or YYYY-Qn, years 2000..2099 */

#endif
