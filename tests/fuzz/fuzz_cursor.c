/* libFuzzer target: what reads opaque client text from URLs. Each input is
 * taken three ways: as cursor text (the seal must refuse it), as a cursor's
 * payload sealed with the real key (so the parser behind the seal is what
 * gets fuzzed), and as a query string read by a listing's declared filters
 * (the reports listing: every filter kind, sort, limit, cursor). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cursor.h"
#include "listing.h"
#include "params.h"
#include "reports.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static const char KEY[] = "fuzz-secret-of-at-least-32-bytes-long";
    return cursor_set_key((const unsigned char *)KEY, sizeof KEY - 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 2);
    if (text == NULL)
        return 0;
    text[0] = '?';
    memcpy(text + 1, data, size);
    text[size + 1] = '\0';

    cursor c;
    char sealed[CURSOR_MAX];
    if (cursor_decode(text + 1, &c) == 0)
        abort(); /* only a cursor this process sealed may open */
    if (cursor_seal(data, size, sealed) == 0 && cursor_decode(sealed, &c) == 0) {
        char again[CURSOR_MAX];
        cursor d;
        if (cursor_encode(&c, again) != 0 || cursor_decode(again, &d) != 0 || d.id != c.id ||
            strcmp(d.sort, c.sort) != 0 || strcmp(d.value, c.value) != 0)
            abort(); /* what opens must seal and open again unchanged */
    }

    params p;
    dna_err e;
    dna_err_init(&e);
    if (params_parse(text, &p, &e) == 0) {
        listing_query q;
        if (listing_parse(&REPORTS_LIST, &p, &q, &e) == DNA_OK && q.sort == NULL)
            abort();
        params_free(&p);
    }
    dna_err_clear(&e);
    free(text);
    return 0;
}
