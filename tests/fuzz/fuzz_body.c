/* libFuzzer target: request bodies through the strict parser and the field
 * validator (the members' create and patch specs, which use every kind). */
#include <stdint.h>
#include <stdlib.h>

#include "json_in.h"
#include "members.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dna_err e;
    dna_err_init(&e);
    json_t *obj = json_in_parse((const char *)data, size, &e);
    if (obj != NULL) {
        json_in_check(obj, MEMBERS_CREATE_FIELDS, 0, &e);
        dna_err_clear(&e);
        json_in_check(obj, MEMBERS_PATCH_FIELDS, 1, &e);
        json_decref(obj);
    }
    dna_err_clear(&e);
    return 0;
}
