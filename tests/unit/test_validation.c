/* Unit tests: query parsing, value formats, body validation. */
#include <stdlib.h>

#include "harness.h"
#include "json_in.h"
#include "params.h"
#include "result.h"
#include "text.h"

static void utf8(void)
{
    CHECK(text_valid_utf8("Özlem Çelik", strlen("Özlem Çelik")));
    CHECK(!text_valid_utf8("\xff", 1));
    CHECK(!text_valid_utf8("\xc0\xaf", 2));         /* overlong '/' */
    CHECK(!text_valid_utf8("\xed\xa0\x80", 3));     /* surrogate */
    CHECK(!text_valid_utf8("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
    CHECK(!text_valid_utf8("a\0b", 3));
}

/* Client text is cut only between characters, and whatever comes in, what
 * goes into a problem body is valid UTF-8. */
static void utf8_cuts(void)
{
    char out[8];
    CHECK_STR(text_clip(out, sizeof out, "abcdefghij"), "abcdefg");
    CHECK_STR(text_clip(out, sizeof out, "abcdef\xc3\xa9"), "abcdef"); /* é would need bytes 7-8 */
    CHECK_STR(text_clip(out, sizeof out, "abcde\xc3\xa9z"), "abcde\xc3\xa9");
    CHECK_STR(text_clip(out, sizeof out,
                        "a\xff"
                        "b"),
              "a?b"); /* invalid bytes become '?' */
    CHECK(text_valid_utf8(text_clip(out, sizeof out, "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"), 6));
    char s1[] = "cut \xc3";
    text_make_valid(s1);
    CHECK_STR(s1, "cut "); /* a character cut short by vsnprintf goes */
    /* The 404 of GET /departments/AAA...A%C3%A9 once answered 200 with no body:
     * "%.32s" cut the é and the problem body failed to build. */
    dna_err e;
    dna_err_init(&e);
    char code[40];
    memset(code, 'A', 31);
    memcpy(code + 31, "\xc3\xa9", 3);
    dna_err_set(&e, DNA_NOT_FOUND, "no department with code %.32s", code);
    CHECK(text_valid_utf8(e.detail, strlen(e.detail)));
    char longfield[200];
    memset(longfield, 'k', 94);
    memcpy(longfield + 94, "\xc3\xa9\xc3\xa9", 5);
    dna_err_field(&e, longfield, "is not a known field");
    const char *f = json_string_value(json_object_get(json_array_get(e.errors, 0), "field"));
    CHECK(f != NULL && text_valid_utf8(f, strlen(f)) && strlen(f) < 96);
    dna_err_clear(&e);
}

static void json_compaction(void)
{
    char j[] = "{\"id\" : 1, \"name\" : \"a : b, c\", \"x\" : [1, 2], \"q\" : \"say \\\" , \\\\\"}";
    size_t n = text_json_compact(j, strlen(j));
    CHECK_STR(j, "{\"id\":1,\"name\":\"a : b, c\",\"x\":[1,2],\"q\":\"say \\\" , \\\\\"}");
    CHECK(n == strlen(j));
}

static void formats(void)
{
    CHECK(params_valid_date("2026-02-28"));
    CHECK(!params_valid_date("2026-02-29"));
    CHECK(params_valid_date("2024-02-29"));
    CHECK(!params_valid_date("2026-13-01"));
    CHECK(!params_valid_date("26-01-01"));
    CHECK(params_valid_datetime("2026-11-29T09:30:00Z"));
    CHECK(params_valid_datetime("2026-11-29T09:30:00.123+01:00"));
    CHECK(!params_valid_datetime("2026-11-29 09:30"));
    CHECK(!params_valid_datetime("2026-11-29T25:00:00Z"));
    CHECK(params_valid_week("2026-W48"));
    CHECK(params_valid_week("2026-W53"));  /* 2026 starts on a Thursday */
    CHECK(!params_valid_week("2025-W53")); /* 2025 has 52 weeks */
    CHECK(!params_valid_week("2026-W00"));
    CHECK(params_valid_period("2026-10"));
    CHECK(params_valid_period("2026-Q4"));
    CHECK(!params_valid_period("2026-Q5"));
    CHECK(!params_valid_period("1999-12") && !params_valid_period("2100-01") &&
          params_valid_period("2099-Q4"));
    CHECK(!params_valid_period("2026-13"));
}

static void query_parsing(void)
{
    params p;
    dna_err e;
    dna_err_init(&e);
    CHECK(params_parse("/x?status=new&status=triaged&q=aanvraag+parkeren&limit=5", &p, &e) == 0);
    const char *all[4];
    CHECK(params_all(&p, "status", all, 4) == 2);
    long long limit = 0;
    CHECK(params_int(&p, "limit", 1, 500, &limit, NULL, &e) == 0 && limit == 5);
    int bad = 0;
    CHECK_STR(params_get(&p, "q", &bad, &e), "aanvraag parkeren");
    CHECK(params_get(&p, "status", &bad, &e) == NULL && bad == 1); /* repeated single */
    static const char *const allowed[] = {"status", "q", NULL};
    dna_err_clear(&e);
    CHECK(params_only(&p, allowed, 1, &e) == 0);
    params_free(&p);

    CHECK(params_parse("/x?q=%ZZ", &p, &e) == -1);
    dna_err_clear(&e);
    CHECK(params_parse("/x?q=%ff", &p, &e) == -1);
    dna_err_clear(&e);
    CHECK(params_parse("/x?q=%00", &p, &e) == -1);
    dna_err_clear(&e);
    CHECK(params_parse("/x?q=%4", &p, &e) == -1);
    dna_err_clear(&e);
    CHECK(params_parse("/x?bogus=1", &p, &e) == 0);
    CHECK(params_only(&p, allowed, 0, &e) == -1);
    CHECK(json_array_size(e.errors) == 1);
    params_free(&p);
    dna_err_clear(&e);

    CHECK(params_parse("/x?limit=0", &p, &e) == 0);
    CHECK(params_int(&p, "limit", 1, 500, &limit, NULL, &e) == -1);
    params_free(&p);
    dna_err_clear(&e);
    CHECK(params_parse("/x?limit=99999999999999999999", &p, &e) == 0);
    CHECK(params_int(&p, "limit", 1, 500, &limit, NULL, &e) == -1);
    params_free(&p);
    dna_err_clear(&e);
}

static const char *const CATS[] = {"procedure", "form", NULL};
static const field_spec SPECS[] = {
    {.name = "title", .type = F_STRING, .required = 1, .maxlen = 10},
    {.name = "count", .type = F_INT, .min = 1, .max = 5},
    {.name = "category", .type = F_ENUM, .values = CATS},
    {.name = "note", .type = F_STRING, .nullable = 1, .maxlen = 100},
    {.name = "tags", .type = F_STRING_ARRAY, .maxlen = 5, .max = 2},
    {.name = NULL},
};

static int errors_for(const char *body, int patch)
{
    dna_err e;
    dna_err_init(&e);
    json_t *obj = json_in_parse(body, strlen(body), &e);
    if (obj == NULL) {
        dna_err_clear(&e);
        return -1;
    }
    json_in_check(obj, SPECS, patch, &e);
    int n = (int)json_array_size(e.errors);
    json_decref(obj);
    dna_err_clear(&e);
    return n;
}

static void body_validation(void)
{
    CHECK(errors_for("{\"title\":\"ok\"}", 0) == 0);
    CHECK(errors_for("{}", 0) == 1);                           /* title required */
    CHECK(errors_for("{}", 1) == 0);                           /* a patch may omit it */
    CHECK(errors_for("{\"title\":null}", 1) == 1);             /* but not null it */
    CHECK(errors_for("{\"title\":\"   \"}", 0) == 1);          /* blank */
    CHECK(errors_for("{\"title\":\"01234567890\"}", 0) == 1);  /* too long */
    CHECK(errors_for("{\"title\":\"a\",\"typo\":1}", 0) == 1); /* unknown field */
    CHECK(errors_for("{\"title\":\"a\",\"count\":6}", 0) == 1);
    CHECK(errors_for("{\"title\":\"a\",\"count\":1.5}", 0) == 1);
    CHECK(errors_for("{\"title\":\"a\",\"count\":99999999999999999999}", 0) == -1); /* jansson refuses */
    CHECK(errors_for("{\"title\":\"a\",\"category\":\"x\"}", 0) == 1);
    CHECK(errors_for("{\"title\":\"a\",\"note\":null}", 0) == 0);
    CHECK(errors_for("{\"title\":\"a\",\"tags\":[\"a\",\"a\"]}", 0) == 1);
    CHECK(errors_for("{\"title\":\"a\",\"tags\":[\"a\",\"b\",\"c\"]}", 0) == 1);
    CHECK(errors_for("{\"title\":\"a\\u0000b\"}", 0) == -1); /* NUL inside: refused by the parser */
    CHECK(errors_for("[1]", 0) == -1);
    CHECK(errors_for("\"x\"", 0) == -1);
    CHECK(errors_for("{\"title\":\"a\",\"title\":\"b\"}", 0) == -1); /* duplicate key */
    CHECK(errors_for("{\"title\":\"\xff\"}", 0) == -1);              /* invalid UTF-8 */
    char deep[400];
    size_t k = 0;
    deep[k++] = '{';
    memcpy(deep + k, "\"title\":", 8), k += 8;
    for (int i = 0; i < 100; i++)
        deep[k++] = '[';
    for (int i = 0; i < 100; i++)
        deep[k++] = ']';
    deep[k++] = '}';
    deep[k] = '\0';
    CHECK(errors_for(deep, 0) == -1); /* nested too deeply */
}

int main(void)
{
    RUN(utf8);
    RUN(utf8_cuts);
    RUN(json_compaction);
    RUN(formats);
    RUN(query_parsing);
    RUN(body_validation);
    HARNESS_END();
}
