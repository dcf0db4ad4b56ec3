/* test_seed.c: the pure parts of the demo-data generator; no database. */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "seed.h"
#include "seed_words.h"

static void slug_of(const char *name, const char *want)
{
    char out[128];
    int n = seed_email_slug(name, out, sizeof out);
    CHECK(n == (int)strlen(want));
    CHECK_STR(out, want);
}

static void test_slug_particles(void)
{
    slug_of("Fatima El Amrani", "fatima.el.amrani");
    slug_of("Jan van der Meer", "jan.van.der.meer");
    slug_of("Sanne 't Hart", "sanne.t.hart");
    slug_of("Bas van 't Hof", "bas.van.t.hof");
    slug_of("Rishi Tjon A Ten", "rishi.tjon.a.ten");
    slug_of("Gert-Jan de Vries", "gert-jan.de.vries");
}

static void test_slug_diacritics(void)
{
    slug_of("Özlem Çelik", "ozlem.celik");
    slug_of("Ayşe Yılmaz", "ayse.yilmaz");
    slug_of("İbrahim Doğan", "ibrahim.dogan");
    slug_of("Mariëlle Aït Ouali", "marielle.ait.ouali");
    slug_of("Renée Büşra Kılıç", "renee.busra.kilic");
    slug_of("Noël Straße", "noel.strasse");
}

static void test_slug_odd_input(void)
{
    slug_of("  Anna   de  Jong  ", "anna.de.jong");
    slug_of("J.P. Balkenende", "j.p.balkenende");
    slug_of("O'Neill", "oneill");
    slug_of("-Anna- -Bos-", "anna.bos");
    slug_of("Anna \xff\xfe Bos", "anna.bos"); /* invalid UTF-8 is dropped */
    slug_of("Anna \xc3", "anna");             /* truncated sequence at the end */
    slug_of("!!!", "");

    char small[8];
    CHECK(seed_email_slug("Fatima El Amrani", small, sizeof small) == -1);
    CHECK(seed_email_slug("Fatima", small, 7) == 6);
    CHECK(seed_email_slug("Fatima", small, 6) == -1);
}

/* Every generated name must make a usable local part: ASCII letters,
 * digits, dots and hyphens only, no leading/trailing/double dots. */
static void test_every_word_makes_a_clean_slug(void)
{
    for (size_t g = 0; g < seed_words_name_groups_count; g++) {
        const seed_words_name_group *grp = &seed_words_name_groups[g];
        for (size_t f = 0; f < grp->first_names_count; f++)
            for (size_t s = 0; s < grp->surnames_count; s++) {
                char name[160], slug[160];
                snprintf(name, sizeof name, "%s %s", grp->first_names[f], grp->surnames[s]);
                int n = seed_email_slug(name, slug, sizeof slug);
                CHECK(n > 2);
                if (n <= 0)
                    continue;
                CHECK(slug[0] != '.' && slug[n - 1] != '.' && strstr(slug, "..") == NULL);
                CHECK(slug[n - 1] < '0' || slug[n - 1] > '9'); /* numbered collisions rely on it */
                for (int i = 0; i < n; i++)
                    CHECK((slug[i] >= 'a' && slug[i] <= 'z') ||
                          (slug[i] >= '0' && slug[i] <= '9') || slug[i] == '.' || slug[i] == '-');
            }
    }
}

static void test_rng_known_values(void)
{
    /* The published splitmix64 sequence for seed 1234567. */
    seed_rng r;
    seed_rng_init(&r, 1234567);
    CHECK(seed_rng_next(&r) == 6457827717110365317ULL);
    CHECK(seed_rng_next(&r) == 3203168211198807973ULL);
    CHECK(seed_rng_next(&r) == 9817491932198370423ULL);
    CHECK(seed_rng_next(&r) == 4593380528125082431ULL);
    CHECK(seed_rng_next(&r) == 16408922859458223821ULL);
}

static void test_rng_below(void)
{
    seed_rng r;
    seed_rng_init(&r, 42);
    unsigned seen[7] = {0};
    for (int i = 0; i < 7000; i++) {
        uint64_t x = seed_rng_below(&r, 7);
        CHECK(x < 7);
        if (x < 7)
            seen[x]++;
    }
    for (int i = 0; i < 7; i++)
        CHECK(seen[i] > 800 && seen[i] < 1200);
    CHECK(seed_rng_below(&r, 1) == 0);
}

static void test_names_deterministic(void)
{
    seed_rng a, b, c;
    seed_rng_init(&a, 42);
    seed_rng_init(&b, 42);
    seed_rng_init(&c, 43);
    int differs = 0;
    for (int i = 0; i < 200; i++) {
        char na[160], nb[160], nc[160];
        CHECK(seed_pick_name(&a, na, sizeof na) > 0);
        CHECK(seed_pick_name(&b, nb, sizeof nb) > 0);
        CHECK(seed_pick_name(&c, nc, sizeof nc) > 0);
        CHECK_STR(na, nb);
        differs |= strcmp(na, nc) != 0;
    }
    CHECK(differs);
}

/* Every background shows up, in roughly its share. */
static void test_names_diverse(void)
{
    seed_rng r;
    seed_rng_init(&r, 7);
    size_t hits[16] = {0};
    for (int i = 0; i < 2000; i++) {
        char name[160];
        CHECK(seed_pick_name(&r, name, sizeof name) > 0);
        for (size_t g = 0; g < seed_words_name_groups_count && g < 16; g++) {
            const seed_words_name_group *grp = &seed_words_name_groups[g];
            for (size_t f = 0; f < grp->first_names_count; f++) {
                size_t k = strlen(grp->first_names[f]);
                if (strncmp(name, grp->first_names[f], k) == 0 && name[k] == ' ') {
                    hits[g]++;
                    break;
                }
            }
        }
    }
    for (size_t g = 0; g < seed_words_name_groups_count && g < 16; g++)
        CHECK(hits[g] > 40);
    char tiny[4];
    seed_rng_init(&r, 1);
    CHECK(seed_pick_name(&r, tiny, sizeof tiny) == -1);
}

static void test_pg_array(void)
{
    char out[128];
    const char *roles[] = {"member", "organizer"};
    CHECK(seed_pg_array(roles, 2, out, sizeof out) > 0);
    CHECK_STR(out, "{\"member\",\"organizer\"}");
    const char *interests[] = {"taalgebruik (B1)", "a,b", "q\"uote", "back\\slash", "NULL"};
    CHECK(seed_pg_array(interests, 5, out, sizeof out) > 0);
    CHECK_STR(out, "{\"taalgebruik (B1)\",\"a,b\",\"q\\\"uote\",\"back\\\\slash\",\"NULL\"}");
    CHECK(seed_pg_array(NULL, 0, out, sizeof out) == 2);
    CHECK_STR(out, "{}");
    CHECK(seed_pg_array(roles, 2, out, 10) == -1);
}

static void test_copy_escape(void)
{
    char out[64];
    CHECK(seed_copy_escape("Fatima El Amrani", out, sizeof out) == 16);
    CHECK_STR(out, "Fatima El Amrani");
    CHECK(seed_copy_escape("a\tb\nc\rd\\e", out, sizeof out) > 0);
    CHECK_STR(out, "a\\tb\\nc\\rd\\\\e");
    CHECK(seed_copy_escape("x\001y\177", out, sizeof out) > 0);
    CHECK_STR(out, "x\\001y\\177");
    CHECK(seed_copy_escape("{\"a\\\\b\"}", out, sizeof out) > 0); /* array literal inside COPY */
    CHECK_STR(out, "{\"a\\\\\\\\b\"}");
    CHECK(seed_copy_escape("Özlem", out, sizeof out) == (int)strlen("Özlem"));
    CHECK(seed_copy_escape("\\\\", out, 4) == -1);
    CHECK(seed_copy_escape("", out, 1) == 0);
    CHECK(seed_copy_escape("", out, 0) == -1);
}

static void test_dates(void)
{
    char d[11];
    CHECK(seed_days_from_civil(1970, 1, 1) == 0);
    seed_civil_date(0, d);
    CHECK_STR(d, "1970-01-01");
    long ref = seed_days_from_civil(2026, 11, 1);
    seed_civil_date(ref, d);
    CHECK_STR(d, "2026-11-01");
    seed_civil_date(ref - 730, d);
    CHECK_STR(d, "2024-11-01"); /* 2025 and 2026 are not leap years */
    seed_civil_date(seed_days_from_civil(2024, 2, 28) + 1, d);
    CHECK_STR(d, "2024-02-29");
    seed_civil_date(seed_days_from_civil(2000, 12, 31) + 1, d);
    CHECK_STR(d, "2001-01-01");
}

static void test_defaults_and_words(void)
{
    seed_options o;
    seed_options_default(&o);
    CHECK(o.members == 450 && o.reports == 2000 && o.seed == 42);

    unsigned dept_total = 0, group_total = 0;
    for (size_t i = 0; i < seed_words_departments_count; i++) {
        dept_total += seed_words_departments[i].weight;
        CHECK(seed_words_departments[i].titles_count > 0);
    }
    for (size_t i = 0; i < seed_words_name_groups_count; i++)
        group_total += seed_words_name_groups[i].weight;
    CHECK(seed_words_departments_count == 10);
    CHECK(dept_total == 100 && group_total == 100);
    CHECK(seed_words_interests_count == 6);
}

int main(void)
{
    RUN(test_slug_particles);
    RUN(test_slug_diacritics);
    RUN(test_slug_odd_input);
    RUN(test_every_word_makes_a_clean_slug);
    RUN(test_rng_known_values);
    RUN(test_rng_below);
    RUN(test_names_deterministic);
    RUN(test_names_diverse);
    RUN(test_pg_array);
    RUN(test_copy_escape);
    RUN(test_dates);
    RUN(test_defaults_and_words);
    HARNESS_END();
}
