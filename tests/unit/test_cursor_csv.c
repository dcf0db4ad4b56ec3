/* Unit tests: keyset cursors and RFC 4180 CSV output. */
#include <stdint.h>
#include <stdlib.h>

#include "csv.h"
#include "cursor.h"
#include "harness.h"

static void siphash_vector(void)
{
    /* The reference vectors of SipHash-2-4: key 00..0f, input 00..(n-1). */
    uint8_t key[16], in[15];
    for (int i = 0; i < 16; i++)
        key[i] = (uint8_t)i;
    for (int i = 0; i < 15; i++)
        in[i] = (uint8_t)i;
    CHECK(cursor_siphash(key, in, 0) == 0x726fdb47dd0e0e31ULL);
    CHECK(cursor_siphash(key, in, 1) == 0x74f839c593dc67fdULL);
    CHECK(cursor_siphash(key, in, 8) == 0x93f5f5799a932462ULL);
    CHECK(cursor_siphash(key, in, 15) == 0xa129ca6149be45e5ULL);
}

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

static void cursor_rejects_garbage(void)
{
    cursor d;
    CHECK(cursor_decode("", &d) != 0);
    CHECK(cursor_decode("!!!!", &d) != 0);
    CHECK(cursor_decode("abc", &d) != 0);          /* valid base64url, wrong content */
    CHECK(cursor_decode("YzEfaWQfHy0x", &d) != 0); /* c1|id||-1: negative id */
    CHECK(cursor_decode("YzEfaWQfHzJ4", &d) != 0); /* c1|id||2x: not a number */
    CHECK(cursor_decode("eDEfaWQfHzI", &d) != 0);  /* x1|id||2: wrong version */
    char longtext[CURSOR_MAX + 10];
    memset(longtext, 'A', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    CHECK(cursor_decode(longtext, &d) != 0);
    CHECK(cursor_decode(NULL, &d) != 0);
}

static void cursor_too_long_value(void)
{
    cursor c = {.sort = "name", .id = 1};
    memset(c.value, 'x', sizeof c.value - 1);
    c.value[sizeof c.value - 1] = '\0';
    char text[CURSOR_MAX];
    CHECK(cursor_encode(&c, text) == 0 || cursor_encode(&c, text) == -1); /* never overflows */
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
    CHECK(b.len == 7);
    dynbuf_free(&b);
}

int main(void)
{
    cursor_set_key((const unsigned char *)"unit-test-secret", 16);
    RUN(siphash_vector);
    RUN(cursor_is_opaque_and_sealed);
    RUN(cursor_round_trip);
    RUN(cursor_empty_value);
    RUN(cursor_rejects_garbage);
    RUN(cursor_too_long_value);
    RUN(csv_quoting);
    RUN(csv_rows_from_json);
    RUN(dynbuf_cap);
    HARNESS_END();
}
