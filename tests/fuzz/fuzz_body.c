/* libFuzzer target: request bodies through the strict parser and the field
 * validator, against the specs of every resource that takes a body (they
 * use every field kind). Seeds: tests/fuzz/seeds/body. */
#include <stdint.h>
#include <stdlib.h>

#include "departments.h"
#include "json_in.h"
#include "members.h"
#include "reports.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const field_spec *const SPECS[] = {
        MEMBERS_CREATE_FIELDS, MEMBERS_PATCH_FIELDS,      REPORTS_CREATE_FIELDS,
        REPORTS_PATCH_FIELDS,  REPORTS_COMMENT_FIELDS,    RULES_CREATE_FIELDS,
        RULES_PATCH_FIELDS,    DEPARTMENTS_CREATE_FIELDS, REPORTS_TRANSITION_FIELDS,
    };
    dna_err e;
    dna_err_init(&e);
    json_t *obj = json_in_parse((const char *)data, size, &e);
    if (obj != NULL) {
        for (size_t i = 0; i < sizeof SPECS / sizeof SPECS[0]; i++) {
            json_in_check(obj, SPECS[i], (int)(i % 2), &e);
            dna_err_clear(&e);
        }
        json_decref(obj);
    }
    dna_err_clear(&e);
    return 0;
}
