/* harness.h: a tiny unit-test harness. Each test file defines test functions,
 * lists them in main with RUN(), and ends with HARNESS_END(), which prints
 * "N passed, N failed" and returns non-zero on any failure. */
#ifndef DNA_HARNESS_H
#define DNA_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed, harness_current_failed;

#define CHECK(cond)                                                                                          \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            fprintf(stderr, "  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                                \
            harness_current_failed = 1;                                                                      \
        }                                                                                                    \
    } while (0)

#define CHECK_STR(a, b)                                                                                      \
    do {                                                                                                     \
        const char *ha_ = (a), *hb_ = (b);                                                                   \
        if (ha_ == NULL || hb_ == NULL || strcmp(ha_, hb_) != 0) {                                           \
            fprintf(stderr, "  FAIL %s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, ha_ ? ha_ : "(null)",    \
                    hb_ ? hb_ : "(null)");                                                                   \
            harness_current_failed = 1;                                                                      \
        }                                                                                                    \
    } while (0)

#define RUN(fn)                                                                                              \
    do {                                                                                                     \
        harness_current_failed = 0;                                                                          \
        fn();                                                                                                \
        if (harness_current_failed) {                                                                        \
            harness_failed++;                                                                                \
            fprintf(stderr, "not ok - %s\n", #fn);                                                           \
        } else {                                                                                             \
            harness_passed++;                                                                                \
        }                                                                                                    \
    } while (0)

#define HARNESS_END()                                                                                        \
    do {                                                                                                     \
        printf("%s: %d passed, %d failed\n", __FILE__, harness_passed, harness_failed);                      \
        return harness_failed ? 1 : 0;                                                                       \
    } while (0)

#endif
