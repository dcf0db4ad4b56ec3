/* Unit tests: keyset cursors and RFC 4180 CSV output. */
#include <stdint.h>
#include <stdlib.h>

#include "csv.h"
#include "cursor.h"
#include "harness.h"

static void cursor_is_opaque_and_sealed(void)
{
    cursor c = {.sort = "joined_at", .value = "2025-03-01", .id = 123456};
    char text[CURSOR_MAX];
    CHECK(cursor_encode(&c, text) == 0);
    /* Nothing of the payload shows through base64 decoding. */
    CHECK(strstr(text, "MTIzNDU2") == NULL);
    cursor d;
    CHECK(cursor_decode(text, &d) == 0 && d.id == 123456);
    /* Flip one character: refused. */
    char bad[CURSOR_MAX];
    memcpy(bad, text, strlen(text) + 1);
    bad[12] = bad[12] == 'A' ? 'B' : 'A';
    CHECK(cursor_decode(bad, &d) != 0);
    /* Another key: refused. */
    cursor_set_key((const unsigned char *)"another-secret", 14);
    CHECK(cursor_decode(text, &d) != 0);
    cursor_set_key((const unsigned char *)"unit-test-secret", 16);
}

static void cursor_round_trip(void)
{
    cursor c = {.sort = "-name", .value = "El Amrani, Fatima", .id = 42};
    char text[CURSOR_MAX];
    CHECK(cursor_encode(&c, text) == 0);
    for (const char *p = text; *p; p++)
        CHECK((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
              *p == '_');
    cursor d;
    CHECK(cursor_decode(text, &d) == 0);
    CHECK_STR(d.sort, "-name");
    CHECK_STR(d.value, "El Amrani, Fatima");
    CHECK(d.id == 42);
}

static void cursor_empty_value(void)
{
    cursor c = {.sort = "id", .value = "", .id = 7};
    char text[CURSOR_MAX];
    CHECK(cursor_encode(&c, text) == 0);
    cursor d;
    CHECK(cursor_decode(text, &d) == 0);
    CHECK_STR(d.value, "");
    CHECK(d.id == 7);
}

/* Seals a payload of the test's own with the real key, so that the checks
 * behind the seal are what refuses it. */
static int decode_sealed(const char *payload, cursor *d)
{
    char text[CURSOR_MAX];
    CHECK(cursor_seal((const unsigned char *)payload, strlen(payload), text) == 0);
    return cursor_decode(text, d);
}

static void cursor_rejects_garbage(void)
{
    cursor d;
    CHECK(cursor_decode("", &d) != 0);
    CHECK(cursor_decode("!!!!", &d) != 0);
    CHECK(cursor_decode("abc", &d) != 0); /* valid base64url, not sealed */
    /* Sealed, so only the parser behind the seal can refuse them. */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f"
                        "7",
                        &d) == 0 &&
          d.id == 7);                                    /* the control: a good one passes */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f-1", &d) != 0); /* negative id */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f"
                        "2x",
                        &d) != 0);                       /* not a number */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f", &d) != 0);   /* no id */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f+5", &d) != 0); /* a sign */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f 5", &d) != 0); /* a space */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f"
                        "99999999999999999999",
                        &d) != 0); /* out of range */
    CHECK(decode_sealed("x1\x1fid\x1f\x1f"
                        "2",
                        &d) != 0); /* wrong version */
    CHECK(decode_sealed("c1\x1fid\x1f\x1f"
                        "2",
                        &d) != 0); /* the old format's version */
    CHECK(decode_sealed("c2\x1fid\x1f"
                        "2",
                        &d) != 0); /* too few parts */
    CHECK(decode_sealed("c2\x1fid\x1f\x1f"
                        "2\x1f"
                        "3",
                        &d) != 0); /* too many parts */
    char longsort[80];
    snprintf(longsort, sizeof longsort,
             "c2\x1f%040d\x1f\x1f"
             "2",
             0); /* a sort longer than any */
    CHECK(decode_sealed(longsort, &d) != 0);
    /* A cursor of the old SipHash seal (sort id, id 7, made under the key "unit-test-secret"
     * by the code before this change): refused. */
    CHECK(cursor_decode("RufSP0POZthXcsHn9cai-Q", &d) != 0);
    char longtext[CURSOR_MAX + 10];
    memset(longtext, 'A', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    CHECK(cursor_decode(longtext, &d) != 0);
    CHECK(cursor_decode(NULL, &d) != 0);
}

static void cursor_too_long_value(void)
{
    /* The longest value a cursor holds seals and opens unchanged. */
    cursor c = {.sort = "-supporters_count", .id = INT64_MAX};
    memset(c.value, 'x', sizeof c.value - 1);
    c.value[sizeof c.value - 1] = '\0';
    char text[CURSOR_MAX];
    CHECK(cursor_encode(&c, text) == 0);
    CHECK(strlen(text) < CURSOR_MAX);
    cursor d;
    CHECK(cursor_decode(text, &d) == 0 && strcmp(d.value, c.value) == 0 && d.id == INT64_MAX);
    /* A payload over the seal's limit is refused, never written past out. */
    unsigned char big[CURSOR_MAX];
    memset(big, 'y', sizeof big);
    CHECK(cursor_seal(big, sizeof big, text) == -1);
}

static void csv_quoting(void)
{
    dynbuf b;
    dynbuf_init(&b, 1 << 20);
    CHECK(csv_field(&b, "plain", 5) == 0);
    CHECK_STR(b.data, "plain");
    b.len = 0;
    CHECK(csv_field(&b, "a,b", 3) == 0);
    CHECK_STR(b.data, "\"a,b\"");
    b.len = 0;
    CHECK(csv_field(&b, "say \"hi\"", 8) == 0);
    CHECK_STR(b.data, "\"say \"\"hi\"\"\"");
    b.len = 0;
    CHECK(csv_field(&b, "line\nbreak", 10) == 0);
    CHECK_STR(b.data, "\"line\nbreak\"");
    b.len = 0;
    CHECK(csv_field(&b, "cr\r", 3) == 0);
    CHECK_STR(b.data, "\"cr\r\"");
    b.len = 0;
    CHECK(csv_field(&b, "", 0) == 0);
    CHECK(b.len == 0);
    dynbuf_free(&b);
}

/* What a spreadsheet would run as a formula arrives as text: quoted, a
 * single quote first (OWASP); numbers, negative ones too, stay numbers. */
static void csv_formulas_neutralised(void)
{
    static const struct {
        const char *in, *out;
    } CASES[] = {
        {"=1+1", "\"'=1+1\""},
        {"=HYPERLINK(\"http://x\",\"klik\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\""},
        {"+31 70 353 3000", "\"'+31 70 353 3000\""},
        {"-1+2", "\"'-1+2\""},
        {"-", "\"'-\""},
        {"--", "\"'--\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"\tpadded", "\"'\tpadded\""},
        {"\rreturn", "\"'\rreturn\""},
        {"-3", "-3"},
        {"+3", "+3"},
        {"-2.5", "-2.5"},
        {"-1e3", "-1e3"},
        {"-1.5E-3", "-1.5E-3"},
        {"-1.", "\"'-1.\""},
        {"-e3", "\"'-e3\""},
        {"-1e", "\"'-1e\""},
        {"1-2", "1-2"},
        {"a=b", "a=b"},
        {"2026-11-29", "2026-11-29"},
    };
    dynbuf b;
    dynbuf_init(&b, 1 << 20);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        b.len = 0;
        CHECK(csv_field(&b, CASES[i].in, strlen(CASES[i].in)) == 0);
        CHECK_STR(b.data, CASES[i].out);
    }
    dynbuf_free(&b);
}

static void csv_rows_from_json(void)
{
    json_t *row = json_loads("{\"id\":3,\"name\":\"Van Dijk, Jan\",\"roles\":[\"member\",\"analyst\"],"
                             "\"job_title\":null,\"active\":true,\"score\":1.5,\"meta\":{\"a\":1}}",
                             0, NULL);
    CHECK(row != NULL);
    dynbuf b;
    dynbuf_init(&b, 1 << 20);
    CHECK(csv_header(&b, row) == 0);
    CHECK(csv_row(&b, row) == 0);
    CHECK_STR(b.data, "id,name,roles,job_title,active,score,meta\r\n"
                      "3,\"Van Dijk, Jan\",member;analyst,,true,1.5,\"{\"\"a\"\":1}\"\r\n");
    dynbuf_free(&b);
    json_decref(row);
}

static void dynbuf_cap(void)
{
    dynbuf b;
    dynbuf_init(&b, 8);
    CHECK(dynbuf_str(&b, "1234567") == 0);
    CHECK(dynbuf_str(&b, "8") == -1); /* 8 bytes + NUL would pass the cap */
    /* A failed buffer has freed its memory and stays failed: a caller may
     * append many times and check once. */
    CHECK(b.failed && b.data == NULL && b.len == 0);
    CHECK(dynbuf_str(&b, "x") == -1);
    dynbuf_reset(&b);
    CHECK(!b.failed && dynbuf_str(&b, "ok") == 0);
    CHECK_STR(b.data, "ok");
    dynbuf_free(&b);
}

int main(void)
{
    cursor_set_key((const unsigned char *)"unit-test-secret", 16);
    RUN(cursor_is_opaque_and_sealed);
    RUN(cursor_round_trip);
    RUN(cursor_empty_value);
    RUN(cursor_rejects_garbage);
    RUN(cursor_too_long_value);
    RUN(csv_quoting);
    RUN(csv_formulas_neutralised);
    RUN(csv_rows_from_json);
    RUN(dynbuf_cap);
    HARNESS_END();
}
