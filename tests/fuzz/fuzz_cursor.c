/* libFuzzer target: the cursor decoder and the query-string parser, the two
 * places that read opaque client text from URLs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cursor.h"
#include "params.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 2);
    text[0] = '?';
    memcpy(text + 1, data, size);
    text[size + 1] = '\0';
    cursor c;
    if (cursor_decode(text + 1, &c) == 0) {
        char again[CURSOR_MAX];
        cursor_encode(&c, again);
    }
    params p;
    dna_err e;
    dna_err_init(&e);
    if (params_parse(text, &p, &e) == 0) {
        long long n;
        const char *s;
        params_int(&p, "limit", 1, 500, &n, NULL, &e);
        params_datetime(&p, "updated_since", &s, &e);
        params_free(&p);
    }
    dna_err_clear(&e);
    free(text);
    return 0;
}
