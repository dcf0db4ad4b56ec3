/* test_seed.c: the pure parts of the demo-data generator; no database. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lifecycle.h"
#include "seed.h"
#include "seed_sessions.h"
#include "seed_themes.h"
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
                    CHECK((slug[i] >= 'a' && slug[i] <= 'z') || (slug[i] >= '0' && slug[i] <= '9') ||
                          slug[i] == '.' || slug[i] == '-');
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

/* --- time -------------------------------------------------------------------- */

static int64_t utc_at(int y, int mo, int d, int h, int mi)
{
    return (int64_t)seed_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static void week_of(int64_t utc, const char *want)
{
    char w[9];
    seed_iso_week(utc, w);
    CHECK_STR(w, want);
}

static void test_iso_week(void)
{
    week_of(utc_at(2026, 11, 29, 12, 0), "2026-W48"); /* a Sunday */
    week_of(utc_at(2021, 1, 3, 12, 0), "2020-W53");   /* 2020 had 53 weeks */
    week_of(utc_at(2021, 1, 4, 12, 0), "2021-W01");
    week_of(utc_at(2024, 12, 30, 12, 0), "2025-W01"); /* a Monday that belongs to next year */
    week_of(utc_at(2027, 1, 1, 12, 0), "2026-W53");
    week_of(utc_at(2026, 1, 1, 12, 0), "2026-W01");
    week_of(utc_at(2023, 1, 1, 12, 0), "2022-W52");
    /* The Hague's clock: Sunday 23:30 UTC is Monday 00:30 there. */
    week_of(utc_at(2026, 11, 29, 23, 30), "2026-W49");
    week_of(utc_at(2026, 11, 29, 22, 59), "2026-W48");
    week_of(utc_at(2026, 6, 28, 22, 30), "2026-W27"); /* summer time: +2 */
    week_of(utc_at(2026, 6, 28, 21, 59), "2026-W26");
}

static void test_amsterdam_offset(void)
{
    /* 2026: summer time from 29 March to 25 October, switching at 01:00 UTC. */
    CHECK(seed_amsterdam_offset(utc_at(2026, 3, 29, 0, 59)) == 3600);
    CHECK(seed_amsterdam_offset(utc_at(2026, 3, 29, 1, 0)) == 7200);
    CHECK(seed_amsterdam_offset(utc_at(2026, 10, 25, 0, 59)) == 7200);
    CHECK(seed_amsterdam_offset(utc_at(2026, 10, 25, 1, 0)) == 3600);
    CHECK(seed_amsterdam_offset(utc_at(2024, 3, 31, 1, 0)) == 7200);
    CHECK(seed_amsterdam_offset(utc_at(2024, 3, 30, 12, 0)) == 3600);
    CHECK(seed_amsterdam_offset(utc_at(2024, 10, 27, 1, 0)) == 3600);
    CHECK(seed_amsterdam_offset(utc_at(2025, 7, 1, 12, 0)) == 7200);
    CHECK(seed_amsterdam_offset(utc_at(2025, 1, 15, 12, 0)) == 3600);

    /* Local wall-clock times and days. */
    long nov1 = seed_days_from_civil(2026, 11, 1), jul1 = seed_days_from_civil(2026, 7, 1);
    CHECK(seed_local_time(nov1, 0) == utc_at(2026, 10, 31, 23, 0));
    CHECK(seed_local_time(jul1, 10 * 3600) == utc_at(2026, 7, 1, 8, 0));
    CHECK(seed_local_day(utc_at(2026, 10, 31, 23, 0)) == nov1);
    CHECK(seed_local_day(utc_at(2026, 10, 31, 22, 59)) == nov1 - 1);
    CHECK(seed_local_day(utc_at(2026, 6, 30, 22, 0)) == jul1);
    CHECK(seed_weekday(seed_days_from_civil(1970, 1, 1)) == 4);
    CHECK(seed_weekday(seed_days_from_civil(2026, 11, 29)) == 7);
    CHECK(seed_weekday(seed_days_from_civil(2026, 11, 30)) == 1);
    CHECK(seed_weekday(seed_days_from_civil(1969, 12, 29)) == 1);

    char ts[23];
    seed_timestamp(utc_at(2026, 11, 29, 9, 30) + 7, ts);
    CHECK_STR(ts, "2026-11-29 09:30:07+00");
    seed_timestamp(0, ts);
    CHECK_STR(ts, "1970-01-01 00:00:00+00");
}

/* --- templates and word lists --------------------------------------------------- */

static void test_fill_template(void)
{
    seed_fill_words w = {"parkeervergunning", "bewoner", "bewoners", "12"};
    char out[200];
    CHECK(seed_fill_template("{W} moet voor {s} drie keer dezelfde gegevens invullen", &w, out, sizeof out) >
          0);
    CHECK_STR(out, "Bewoner moet voor parkeervergunning drie keer dezelfde gegevens invullen");
    CHECK(seed_fill_template("{S} vervalt; {P} en {p}: {n} keer", &w, out, sizeof out) > 0);
    CHECK_STR(out, "Parkeervergunning vervalt; Bewoners en bewoners: 12 keer");
    seed_fill_words cap = {"Ooievaarspas", "inwoner", "inwoners", NULL};
    CHECK(seed_fill_template("{S} en {s}", &cap, out, sizeof out) > 0);
    CHECK_STR(out, "Ooievaarspas en Ooievaarspas");
    CHECK(seed_fill_template("{n} dagen", &cap, out, sizeof out) == -1); /* no number given */
    CHECK(seed_fill_template("{x}", &w, out, sizeof out) == -1);         /* unknown placeholder */
    CHECK(seed_fill_template("open { brace", &w, out, sizeof out) == -1);
    CHECK(seed_fill_template("{s}", &w, out, 10) == -1); /* does not fit */
    CHECK(seed_fill_template("", &w, out, 1) == 0);
    CHECK(seed_fill_template("abc", &w, out, 3) == -1);
}

static int is_slug(const char *s)
{
    if (s == NULL || *s == '\0' || strlen(s) > 64)
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return s[0] != '-' && s[strlen(s) - 1] != '-' && strstr(s, "--") == NULL;
}

static int is_category(const char *c)
{
    for (size_t i = 0; i < seed_words_categories_count; i++)
        if (strcmp(seed_words_categories[i], c) == 0)
            return 1;
    return 0;
}

static int dept_known(const char *code)
{
    for (size_t i = 0; i < seed_words_departments_count; i++)
        if (strcmp(seed_words_departments[i].code, code) == 0)
            return 1;
    return 0;
}

/* Fills one problem for one topic and checks the texts fit the schema. */
static void check_problem(const seed_words_topic *t, const seed_words_problem *p)
{
    seed_fill_words w = {t->subject, t->who, t->who_plural, "12"};
    char title[256], text[2048];
    CHECK(is_category(p->category));
    CHECK(p->theme == NULL || is_slug(p->theme));
    int n = seed_fill_template(p->title, &w, title, sizeof title);
    CHECK(n > 0 && n + (int)strlen(" (stadsdeel Leidschenveen-Ypenburg)") <= 200);
    CHECK(title[0] >= 'A' && title[0] <= 'Z');
    CHECK(seed_fill_template(p->description, &w, text, sizeof text) > 40);
    CHECK(seed_fill_template(p->resolution, &w, text, sizeof text) > 10);
    if (n < 0)
        fprintf(stderr, "  topic %s: \"%s\" does not fill\n", t->key, p->title);
}

static void test_report_words(void)
{
    CHECK(seed_words_categories_count == 6);
    for (size_t i = 0; i < seed_words_topics_count; i++) {
        const seed_words_topic *t = &seed_words_topics[i];
        size_t fitting = t->own_count;
        CHECK(dept_known(t->department));
        CHECK(t->weight > 0);
        CHECK(t->theme == NULL || is_slug(t->theme));
        CHECK(strlen(t->procedure) > 0 && strlen(t->procedure) <= 500);
        CHECK(!!(t->traits & SW_RESIDENT) != !!(t->traits & SW_INTERNAL));
        for (size_t k = 0; k < t->own_count; k++)
            check_problem(t, &t->own[k]);
        for (size_t k = 0; k < seed_words_problems_count; k++)
            if (seed_words_problem_fits(t, &seed_words_problems[k])) {
                check_problem(t, &seed_words_problems[k]);
                fitting++;
            }
        CHECK(fitting >= 3); /* variety in every topic */
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(seed_words_topics[j].key, t->key) != 0);
        /* The texts around a description fill for every topic. */
        seed_fill_words w = {t->subject, t->who, t->who_plural, "12"};
        char out[512];
        for (size_t k = 0; k < seed_words_observations_count; k++)
            CHECK(seed_fill_template(seed_words_observations[k], &w, out, sizeof out) > 0);
        for (size_t c = 0; c < seed_words_categories_count; c++) {
            CHECK(seed_words_suggestions[c].count > 0 && seed_words_resolutions[c].count > 0);
            for (size_t k = 0; k < seed_words_suggestions[c].count; k++)
                CHECK(seed_fill_template(seed_words_suggestions[c].texts[k], &w, out, sizeof out) > 0);
            size_t general = 0;
            for (size_t k = 0; k < seed_words_resolutions[c].count; k++) {
                CHECK(seed_fill_template(seed_words_resolutions[c].texts[k], &w, out, sizeof out) > 0);
                general += strstr(seed_words_resolutions[c].texts[k], "{s}") == NULL;
            }
            CHECK(general > 0); /* what topics without a usable subject get */
        }
        for (size_t k = 0; k < seed_words_impacts_count; k++) {
            CHECK(seed_words_impacts[k].min <= seed_words_impacts[k].max);
            CHECK(seed_fill_template(seed_words_impacts[k].text, &w, out, sizeof out) > 0);
        }
    }
    CHECK(seed_words_reject_notes_count > 0 && seed_words_triage_notes_count > 0);
    CHECK(seed_words_comments_count > 0 && seed_words_team_comments_count > 0);
    CHECK(seed_words_thanks_comments_count > 0 && seed_words_districts_count == 8);
}

static void test_rule_words(void)
{
    static const char *const SOURCES[] = {"law", "regulation", "policy", "work_instruction", "it_system"};
    static const char *const OUTCOMES[] = {"open", "abolished", "simplified", "clarified", "retained"};
    size_t per_source[5] = {0}, per_outcome[5] = {0};
    CHECK(seed_words_rules_count == 60);
    for (size_t i = 0; i < seed_words_rules_count; i++) {
        const seed_words_rule *r = &seed_words_rules[i];
        int topic = -1, source = -1, outcome = -1;
        for (size_t t = 0; t < seed_words_topics_count; t++)
            if (strcmp(seed_words_topics[t].key, r->topic) == 0)
                topic = (int)t;
        for (int k = 0; k < 5; k++) {
            if (strcmp(r->source_type, SOURCES[k]) == 0)
                source = k;
            if (strcmp(r->outcome, OUTCOMES[k]) == 0)
                outcome = k;
        }
        CHECK(topic >= 0 && source >= 0 && outcome >= 0);
        CHECK(r->weight > 0 && dept_known(r->department));
        CHECK(strlen(r->title) > 0 && strlen(r->title) <= 200);
        CHECK(r->reference != NULL && strlen(r->reference) <= 500);
        CHECK(r->description != NULL && strlen(r->description) > 0);
        /* Every decided outcome has its reasons; an open one has none yet. */
        CHECK((outcome == 0) == (r->outcome_note == NULL));
        CHECK(r->outcome_note == NULL || strlen(r->outcome_note) > 20);
        if (source >= 0)
            per_source[source]++;
        if (outcome >= 0)
            per_outcome[outcome]++;
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(seed_words_rules[j].title, r->title) != 0);
    }
    for (int k = 0; k < 5; k++)
        CHECK(per_source[k] >= 5 && per_outcome[k] >= 5);
    CHECK(per_outcome[0] > per_outcome[2] &&
          per_outcome[2] > per_outcome[4]); /* open > simplified > retained */
}

/* --- timelines ------------------------------------------------------------------ */

static void test_timelines(void)
{
    const long ref_day = seed_days_from_civil(2026, 11, 1);
    const int64_t ref_end = seed_local_time(ref_day, 0), start = seed_local_time(ref_day - 730, 0);
    int bands[3] = {0, 0, 0}, reopened = 0, rejected_from[LC_COUNT] = {0};
    long long close_days = 0, closed = 0;
    for (int target = 0; target < LC_COUNT; target++)
        for (unsigned long long seed = 1; seed <= 400; seed++) {
            seed_rng r, again;
            seed_timeline tl, tl2;
            seed_rng_init(&r, seed * 7919 + (unsigned long long)target);
            again = r;
            CHECK(seed_draw_timeline(&r, target, ref_day, &tl) == 0);
            CHECK(seed_draw_timeline(&again, target, ref_day, &tl2) == 0);
            CHECK(tl.n == tl2.n && memcmp(tl.ev, tl2.ev, sizeof tl.ev[0] * (size_t)tl.n) == 0);
            CHECK(tl.n >= 1 && tl.n <= SEED_MAX_EVENTS);
            CHECK(tl.priority >= 0 && tl.priority <= 3);
            CHECK(tl.ev[0].from == -1 && tl.ev[0].to == LC_NEW);
            CHECK(tl.ev[0].at >= start && tl.ev[tl.n - 1].at < ref_end);
            CHECK(tl.ev[tl.n - 1].to == target);
            for (int k = 1; k < tl.n; k++) {
                const seed_event *e = &tl.ev[k];
                CHECK(e->from == tl.ev[k - 1].to);
                CHECK(lifecycle_allowed((lc_status)e->from, (lc_status)e->to));
                CHECK(e->at > tl.ev[k - 1].at);
                long day = seed_local_day(e->at);
                int sec = (int)(e->at - seed_local_time(day, 0));
                if (e->from == LC_NEW) { /* decided in the Thursday meeting */
                    CHECK(seed_weekday(day) == 4 && sec >= 10 * 3600 && sec < 12 * 3600);
                } else if (e->to != LC_DUPLICATE || e->from != LC_TRIAGED) {
                    CHECK(seed_weekday(day) <= 5); /* work happens on working days */
                }
                reopened += e->to == LC_TRIAGED && e->from == LC_RESOLVED;
                if (e->to == LC_REJECTED)
                    rejected_from[e->from]++;
            }
            if (target == LC_NEW) {
                int64_t age = ref_end - tl.ev[0].at;
                bands[age < 7 * 86400 ? 0 : age < 14 * 86400 ? 1 : 2]++;
                CHECK(age < 46 * 86400);
            }
            if (target == LC_RESOLVED) {
                close_days += (tl.ev[tl.n - 1].at - tl.ev[0].at) / 86400;
                closed++;
            }
        }
    /* The backlog: fresh, overdue (> 7 days) and escalated (> 14 days). */
    CHECK(bands[0] > 100 && bands[1] > 80 && bands[2] > 80);
    CHECK(reopened > 0 && reopened < 60);
    CHECK(rejected_from[LC_NEW] > 0 && rejected_from[LC_TRIAGED] > 0 && rejected_from[LC_IN_PROGRESS] > 0);
    /* Resolved within weeks, on average. */
    CHECK(closed > 0 && close_days / closed >= 14 && close_days / closed <= 45);

    seed_rng r;
    seed_timeline tl;
    seed_rng_init(&r, 1);
    CHECK(seed_draw_timeline(&r, LC_COUNT, ref_day, &tl) == -1);
    CHECK(seed_draw_timeline(&r, -1, ref_day, &tl) == -1);
}

static void test_defaults_and_words(void)
{
    seed_options o;
    seed_options_default(&o);
    CHECK(o.members == 450 && o.reports == 2000 && o.seed == 42);
    CHECK(o.ref_year == 2026 && o.ref_month == 11 && o.ref_day == 1);

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

/* --- sessions --------------------------------------------------------------------- */

/* The theme's index in seed_words_themes, or -1. */
static int theme_index(const char *code)
{
    for (size_t i = 0; i < seed_words_themes_count; i++)
        if (strcmp(seed_words_themes[i].code, code) == 0)
            return (int)i;
    return -1;
}

static int is_complaint_theme(const char *code)
{
    return theme_index(code) >= 0;
}

static void check_session_words(const seed_words_session *w, size_t n)
{
    CHECK(n > 1 && n <= 32);
    for (size_t i = 0; i < n; i++) {
        CHECK(strlen(w[i].title) > 0 && strlen(w[i].title) <= 200);
        CHECK(strlen(w[i].description) > 40 && strlen(w[i].description) <= 10000);
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(w[j].title, w[i].title) != 0);
    }
}

static void check_places(const seed_words_place *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        CHECK(strlen(p[i].name) > 0 && strlen(p[i].name) <= 300 && p[i].weight > 0);
        CHECK(p[i].capacity_lo <= p[i].capacity_hi && p[i].capacity_hi <= 10000);
        CHECK(p[i].capacity_lo % 5 == 0 && p[i].capacity_hi % 5 == 0);
        CHECK((p[i].capacity_lo == 0) == (p[i].capacity_hi == 0));
    }
}

static void test_session_words(void)
{
    /* The Ombudsman's themes, as shared/spec/demo-data.md lists them, come
     * first (test_theme_words checks the rest). */
    static const char *const THEMES[] = {"bereikbaarheid-14070",    "wachttijd-afspraak-stadsdeelkantoor",
                                         "onbegrijpelijke-brieven", "bejegening-balie",
                                         "trage-afhandeling-wmo",   "parkeervergunningen",
                                         "afval-en-grofvuil",       "kwijtschelding-belastingen",
                                         "terugbelafspraken",       "digitale-formulieren"};
    CHECK(seed_words_themes_count >= sizeof THEMES / sizeof THEMES[0]);
    for (size_t i = 0; i < sizeof THEMES / sizeof THEMES[0]; i++)
        CHECK(theme_index(THEMES[i]) == (int)i && is_slug(THEMES[i]));

    check_session_words(seed_words_inspiration, seed_words_inspiration_count);
    check_session_words(seed_words_leadership, seed_words_leadership_count);
    check_session_words(seed_words_workshops, seed_words_workshops_count);
    CHECK_STR(seed_words_inspiration[0].title, "Inspiratiesessie: de Hagenaar centraal");
    CHECK_STR(seed_words_leadership[0].title, "Lancering programmaplan DNA Dienstverlening");
    CHECK(strstr(seed_words_workshops[0].title, "B1") != NULL);

    CHECK(seed_words_listening_partners_count >= 8 && seed_words_listening_partners_count <= 32);
    CHECK_STR(seed_words_listening_partners[0].partner, "Haagse Ombudsman");
    CHECK_STR(seed_words_listening_partners[1].partner, "Klantcontactcentrum 14070");
    for (size_t i = 0; i < seed_words_listening_partners_count; i++) {
        const seed_words_listening *l = &seed_words_listening_partners[i];
        CHECK(strlen(l->partner) > 0 && strlen(l->partner) <= 200);
        CHECK(strlen(l->title) > 0 && strlen(l->title) <= 200 && strstr(l->title, "uistersessie") != NULL);
        CHECK(strlen(l->description) > 40);
        CHECK(l->themes[0] != NULL);
        for (int k = 0; k < 3; k++)
            CHECK(l->themes[k] == NULL || is_complaint_theme(l->themes[k]));
        /* A partner's own place is one of the meeting rooms. */
        int found = l->location == NULL;
        for (size_t p = 0; p < seed_words_places_small_count && !found; p++)
            found = strcmp(seed_words_places_small[p].name, l->location) == 0;
        CHECK(found);
    }

    check_places(seed_words_places_large, seed_words_places_large_count);
    check_places(seed_words_places_small, seed_words_places_small_count);
    CHECK(strstr(seed_words_places_large[0].name, "Atrium") != NULL); /* the launch's */
    /* Where a session that must fill up goes when the draw says online. */
    CHECK(seed_words_places_large[0].capacity_hi > 0 && seed_words_places_small[0].capacity_hi > 0);

    size_t per_theme[32] = {0}, unthemed = 0;
    CHECK(seed_words_themes_count <= 32);
    for (size_t i = 0; i < seed_words_insights_count; i++) {
        const seed_words_insight *w = &seed_words_insights[i];
        CHECK(strlen(w->text) > 20 && strlen(w->text) <= 2000);
        if (w->theme == NULL) {
            unthemed++;
            continue;
        }
        int t = theme_index(w->theme);
        CHECK(t >= 0);
        if (t >= 0 && t < 32)
            per_theme[t]++;
    }
    /* Enough distinct findings for the most insights a session has, for
     * every theme a listening partner's stories are about. */
    for (size_t i = 0; i < seed_words_listening_partners_count; i++)
        for (int k = 0; k < 3 && seed_words_listening_partners[i].themes[k] != NULL; k++) {
            int t = theme_index(seed_words_listening_partners[i].themes[k]);
            CHECK(t >= 0 && t < 32 && per_theme[t] >= 2);
        }
    CHECK(unthemed > 0 && unthemed * 4 < seed_words_insights_count);

    const char *const *lists[3] = {seed_words_feedback_praise, seed_words_feedback_mixed,
                                   seed_words_feedback_critical};
    size_t counts[3] = {seed_words_feedback_praise_count, seed_words_feedback_mixed_count,
                        seed_words_feedback_critical_count};
    for (int k = 0; k < 3; k++) {
        CHECK(counts[k] > 0);
        for (size_t i = 0; i < counts[k]; i++)
            CHECK(strlen(lists[k][i]) > 0 && strlen(lists[k][i]) <= 2000);
    }
}

/* A network like the seed's: ids 1..n, the five demo logins first and there
 * from the start (1 the member, 2 the organizer), the others joining over two
 * years, a fifth of them in the first two months; organizers about one in 30. */
typedef struct {
    long long *ids, *org_ids;
    long *joined, *org_joined, *joined_by_id; /* joined_by_id[id] */
    int *organizer_by_id;
    seed_people active, organizers;
} network;

static int joined_cmp(const void *a, const void *b)
{
    const long *x = a, *y = b; /* {joined, id} pairs */
    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] > y[1]) - (x[1] < y[1]);
}

static void network_make(network *net, size_t n, long ref_day, unsigned long long seed)
{
    long start = ref_day - 730;
    long *pairs = calloc(2 * n, sizeof *pairs);
    net->ids = calloc(n, sizeof *net->ids);
    net->joined = calloc(n, sizeof *net->joined);
    net->org_ids = calloc(n, sizeof *net->org_ids);
    net->org_joined = calloc(n, sizeof *net->org_joined);
    net->joined_by_id = calloc(n + 1, sizeof *net->joined_by_id);
    net->organizer_by_id = calloc(n + 1, sizeof *net->organizer_by_id);
    seed_rng r;
    seed_rng_init(&r, seed);
    for (size_t i = 0; i < n; i++) {
        long id = (long)i + 1;
        long day = id <= 5                        ? start
                   : seed_rng_below(&r, 100) < 20 ? start + (long)seed_rng_below(&r, 61)
                                                  : start + (long)seed_rng_below(&r, 730);
        pairs[2 * i] = day;
        pairs[2 * i + 1] = id;
        net->joined_by_id[id] = day;
        net->organizer_by_id[id] = id == 2 || (id > 5 && id % 30 == 0);
    }
    qsort(pairs, n, 2 * sizeof *pairs, joined_cmp);
    size_t orgs = 0;
    for (size_t i = 0; i < n; i++) {
        net->joined[i] = pairs[2 * i];
        net->ids[i] = pairs[2 * i + 1];
        if (net->organizer_by_id[net->ids[i]]) {
            net->org_ids[orgs] = net->ids[i];
            net->org_joined[orgs++] = net->joined[i];
        }
    }
    free(pairs);
    net->active = (seed_people){net->ids, net->joined, n};
    net->organizers = (seed_people){net->org_ids, net->org_joined, orgs};
}

static void network_free(network *net)
{
    free(net->ids);
    free(net->joined);
    free(net->org_ids);
    free(net->org_joined);
    free(net->joined_by_id);
    free(net->organizer_by_id);
}

static int local_hour_minute(int64_t t)
{
    long day = seed_local_day(t);
    return (int)((t - seed_local_time(day, 0)) / 60);
}

static int in_christmas(long day)
{
    char d[11];
    seed_civil_date(day, d);
    return (strncmp(d + 5, "12", 2) == 0 && atoi(d + 8) >= 20) ||
           (strncmp(d + 5, "01", 2) == 0 && atoi(d + 8) <= 5);
}

/* The figures over a whole plan that "looks real" is about. */
typedef struct {
    int past, upcoming, unlimited, limited, limited_30_120, past_full, past_listening, inspiration_past;
    int upcoming_full_waitlist, upcoming_free_seats, demo_registered_upcoming, demo_waitlisted_upcoming;
    long registered_past, attended, feedback, comments, good_ratings, low_ratings, insights, themed_insights;
    long cancelled;
} plan_figures;

/* The invariants of 0006 and of the brief, for one session's rows. */
static void check_registrations(const seed_session *s, const seed_registration *g, size_t n,
                                const network *net, int64_t ref_end, plan_figures *f)
{
    int registered = 0, waitlisted = 0, attended = 0;
    int64_t last_registered_signup = 0, first_queued = INT64_MAX;
    long start_day = seed_local_day(s->starts_at);
    for (size_t i = 0; i < n; i++) {
        long long id = g[i].member_id;
        CHECK(id >= 1 && id <= (long long)net->active.n);
        if (id < 1 || id > (long long)net->active.n)
            continue;
        /* Active members who had joined before the session (or before now). */
        CHECK(net->joined_by_id[id] < start_day && net->joined_by_id[id] < seed_local_day(ref_end));
        for (size_t j = 0; j < i; j++)
            CHECK(g[j].member_id != id);
        CHECK(g[i].created_at > s->created_at && g[i].created_at < s->starts_at && g[i].created_at < ref_end);
        CHECK(g[i].registered_at >= g[i].created_at && g[i].updated_at >= g[i].registered_at);
        CHECK(g[i].updated_at < ref_end && g[i].version >= 1 && g[i].version <= 4);
        CHECK((g[i].status == SEED_WAITLISTED) == (g[i].queued != 0));
        CHECK(!g[i].attended || g[i].status == SEED_REGISTERED);
        CHECK(!(s->upcoming && g[i].attended));
        switch (g[i].status) {
        case SEED_REGISTERED:
            registered++;
            if (g[i].created_at > last_registered_signup)
                last_registered_signup = g[i].created_at;
            break;
        case SEED_WAITLISTED:
            waitlisted++;
            CHECK(g[i].queued == g[i].created_at && g[i].version == 1);
            if (g[i].queued < first_queued)
                first_queued = g[i].queued;
            break;
        case SEED_CANCELLED:
            f->cancelled++;
            CHECK(g[i].version >= 2 && g[i].updated_at > g[i].created_at && g[i].updated_at < s->starts_at);
            break;
        }
        attended += g[i].attended;
    }
    /* Never more registered than seats; a waitlist only when every seat is
     * taken, behind everyone who has one (first come, first served). */
    CHECK(s->capacity == 0 || registered <= s->capacity);
    CHECK(waitlisted == 0 || (s->capacity > 0 && registered == s->capacity));
    CHECK(waitlisted == 0 || first_queued > last_registered_signup);
    if (!s->upcoming && registered > 0) {
        CHECK(attended * 100 >= registered * 70 - 50 && attended * 100 <= registered * 85 + 50);
        f->registered_past += registered;
        f->attended += attended;
    }
    if (s->upcoming && s->capacity > 0 && waitlisted > 0)
        f->upcoming_full_waitlist++;
    if (s->upcoming && (s->capacity == 0 || registered < s->capacity))
        f->upcoming_free_seats++;
    f->past_full += !s->upcoming && waitlisted > 0;
}

static void check_feedback(const seed_session *s, const seed_feedback *fb, size_t n,
                           const seed_registration *g, size_t ng, int64_t ref_end, plan_figures *f)
{
    CHECK(n == 0 || !s->upcoming);
    for (size_t i = 0; i < n; i++) {
        int attendee = 0;
        for (size_t j = 0; j < ng; j++)
            attendee |=
                g[j].member_id == fb[i].member_id && g[j].attended && g[j].updated_at < fb[i].created_at;
        CHECK(attendee); /* only attendees, after attendance was taken */
        for (size_t j = 0; j < i; j++)
            CHECK(fb[j].member_id != fb[i].member_id); /* once */
        CHECK(fb[i].rating >= 1 && fb[i].rating <= 5);
        CHECK(fb[i].created_at > s->ends_at && fb[i].created_at < ref_end);
        CHECK(fb[i].created_at < s->ends_at + 9 * 86400);
        f->feedback++;
        f->comments += fb[i].comment != NULL;
        f->good_ratings += fb[i].rating >= 4;
        f->low_ratings += fb[i].rating <= 2;
    }
}

static void check_insights(const seed_session *s, const seed_insight *in, size_t n, int64_t ref_end,
                           plan_figures *f)
{
    if (s->kind == SEED_LISTENING && !s->upcoming) {
        CHECK(n >= 2 && n <= 5);
        f->past_listening++;
    } else {
        CHECK(n == 0);
    }
    for (size_t i = 0; i < n; i++) {
        CHECK(in[i].author_id == s->host_id);
        CHECK(in[i].theme == NULL || (is_slug(in[i].theme) && is_complaint_theme(in[i].theme)));
        CHECK(in[i].created_at > s->ends_at && in[i].created_at < ref_end);
        CHECK(strlen(in[i].text) > 0);
        for (size_t j = 0; j < i; j++)
            CHECK(in[j].text != in[i].text && in[j].created_at < in[i].created_at);
        f->insights++;
        f->themed_insights += in[i].theme != NULL;
    }
}

static void check_session(const seed_session *s, const network *net, long ref_day, plan_figures *f)
{
    const int64_t ref_end = seed_local_time(ref_day, 0), start = seed_local_time(ref_day - 730, 0);
    long day = seed_local_day(s->starts_at);
    int begin = local_hour_minute(s->starts_at), end = local_hour_minute(s->ends_at);
    CHECK(s->kind >= SEED_INSPIRATION && s->kind < SEED_KINDS);
    CHECK(s->title != NULL && strlen(s->title) <= 200 && s->description != NULL && s->location != NULL);
    CHECK((s->kind == SEED_LISTENING) == (s->partner != NULL));
    /* Working hours in The Hague, 1.5 to 3 hours, a working day outside the holidays. */
    CHECK(s->ends_at - s->starts_at >= 90 * 60 && s->ends_at - s->starts_at <= 180 * 60);
    CHECK(begin >= 9 * 60 && end <= 17 * 60 + 30 && seed_local_day(s->ends_at) == day);
    CHECK(seed_weekday(day) <= 5 && !in_christmas(day));
    CHECK(s->upcoming == (s->starts_at >= ref_end));
    CHECK(s->starts_at > start && s->starts_at < ref_end + 61 * 86400);
    /* Announced weeks before; changed at most once, before it starts and before now. */
    CHECK(s->created_at >= start && s->created_at < s->starts_at - 14 * 86400);
    CHECK(!s->upcoming || s->created_at < ref_end - 6 * 86400);
    CHECK((s->version == 2) == (s->updated_at > s->created_at) && s->version <= 2);
    CHECK(s->updated_at < s->starts_at && s->updated_at < ref_end);
    CHECK(s->capacity >= 0 && s->capacity <= 10000);
    CHECK(s->host_id >= 1 && s->host_id <= (long long)net->active.n && net->organizer_by_id[s->host_id]);
    f->past += !s->upcoming;
    f->upcoming += s->upcoming;
    f->unlimited += s->capacity == 0;
    f->limited += s->capacity > 0;
    f->limited_30_120 += s->capacity >= 30 && s->capacity <= 120;
    f->inspiration_past += s->kind == SEED_INSPIRATION && !s->upcoming;
}

static void check_plan(const seed_sessions_plan *p, const network *net, long ref_day, plan_figures *f)
{
    const int64_t ref_end = seed_local_time(ref_day, 0);
    memset(f, 0, sizeof *f);
    size_t regs = 0, feedback = 0, insights = 0;
    for (size_t i = 0; i < p->n_sessions; i++) {
        const seed_session *s = &p->sessions[i];
        check_session(s, net, ref_day, f);
        if (i > 0)
            CHECK(p->sessions[i - 1].starts_at < s->starts_at);
        /* Each session's rows follow the previous session's. */
        CHECK(s->reg_first == regs && s->feedback_first == feedback && s->insight_first == insights);
        regs += s->reg_n;
        feedback += s->feedback_n;
        insights += s->insight_n;
        if (regs > p->n_regs || feedback > p->n_feedback || insights > p->n_insights)
            break;
        const seed_registration *g = &p->regs[s->reg_first];
        check_registrations(s, g, s->reg_n, net, ref_end, f);
        check_feedback(s, &p->feedback[s->feedback_first], s->feedback_n, g, s->reg_n, ref_end, f);
        check_insights(s, &p->insights[s->insight_first], s->insight_n, ref_end, f);
        if (s->upcoming)
            for (size_t k = 0; k < s->reg_n; k++) {
                f->demo_registered_upcoming += g[k].member_id == 1 && g[k].status == SEED_REGISTERED;
                f->demo_waitlisted_upcoming += g[k].member_id == 1 && g[k].status == SEED_WAITLISTED;
            }
    }
    CHECK(regs == p->n_regs && feedback == p->n_feedback && insights == p->n_insights);
}

static void plan_for(network *net, size_t members, long ref_day, unsigned long long seed,
                     seed_sessions_plan *p)
{
    network_make(net, members, ref_day, seed * 31 + 7);
    seed_sessions_input in = {ref_day, &net->active, &net->organizers, 1, 2};
    seed_rng r;
    seed_rng_init(&r, seed);
    CHECK(seed_sessions_plan_make(&r, &in, p) == 0);
}

/* The default network: everything the front end and a programme manager
 * expect, for several seeds. */
static void test_sessions_look_real(void)
{
    const long ref_day = seed_days_from_civil(2026, 11, 1);
    for (unsigned long long seed = 40; seed < 46; seed++) {
        network net;
        seed_sessions_plan p;
        plan_figures f;
        plan_for(&net, 450, ref_day, seed, &p);
        check_plan(&p, &net, ref_day, &f);
        CHECK(p.n_sessions >= 45 && p.n_sessions <= 55);
        CHECK(f.inspiration_past >= 22 && f.inspiration_past <= 24); /* two years, monthly */
        CHECK(f.past_listening == 7);
        CHECK(f.upcoming >= 3 && f.upcoming <= 5);
        CHECK(f.upcoming_full_waitlist >= 1 && f.upcoming_free_seats >= 1);
        CHECK(f.demo_registered_upcoming >= 1 && f.demo_waitlisted_upcoming >= 1);
        CHECK(f.unlimited >= 1 && f.unlimited <= 8);
        CHECK(f.limited_30_120 * 10 >= f.limited * 7); /* mostly 30-120 seats */
        CHECK(f.past_full * 2 > f.past);               /* mostly full, with a waitlist */
        CHECK(f.cancelled > 20 && f.cancelled < 250);  /* a few cancellations */
        CHECK(f.attended * 100 >= f.registered_past * 72 && f.attended * 100 <= f.registered_past * 83);
        CHECK(f.feedback > 300 && f.comments * 100 >= f.feedback * 25 && f.comments * 100 <= f.feedback * 42);
        CHECK(f.good_ratings * 100 >= f.feedback * 70 && f.low_ratings * 100 <= f.feedback * 15);
        CHECK(f.low_ratings > 0);
        CHECK(f.insights >= 14 && f.insights <= 35 && f.themed_insights * 100 >= f.insights * 65);

        /* The programme's story: launched first, by the demo organizer,
         * the Ombudsman heard first. */
        const seed_session *first = &p.sessions[0];
        CHECK(first->kind == SEED_LEADERSHIP && first->capacity == 0 && first->host_id == 2);
        CHECK_STR(first->title, "Lancering programmaplan DNA Dienstverlening");
        for (size_t i = 0; i < p.n_sessions; i++)
            if (p.sessions[i].kind == SEED_LISTENING) {
                CHECK_STR(p.sessions[i].partner, "Haagse Ombudsman");
                CHECK(p.sessions[i].host_id == 2);
                break;
            }
        for (size_t i = 0; i < p.n_sessions; i++)
            if (p.sessions[i].kind == SEED_INSPIRATION) {
                CHECK_STR(p.sessions[i].title, "Inspiratiesessie: de Hagenaar centraal");
                CHECK(p.sessions[i].starts_at > first->starts_at);
                break;
            }
        seed_sessions_counts c;
        seed_sessions_count(&p, &c);
        CHECK(c.sessions == (long long)p.n_sessions && c.registrations == (long long)p.n_regs);
        CHECK(c.registered + c.waitlisted + c.cancelled == c.registrations && c.attended == f.attended);
        CHECK(c.feedback == f.feedback && c.comments == f.comments && c.insights == f.insights);
        seed_sessions_plan_free(&p);
        network_free(&net);
    }
}

/* The same stream and network give the same plan, field by field; another
 * seed another one. */
static int same_plan(const seed_sessions_plan *a, const seed_sessions_plan *b)
{
    if (a->n_sessions != b->n_sessions || a->n_regs != b->n_regs || a->n_feedback != b->n_feedback ||
        a->n_insights != b->n_insights)
        return 0;
    for (size_t i = 0; i < a->n_sessions; i++) {
        const seed_session *x = &a->sessions[i], *y = &b->sessions[i];
        if (x->kind != y->kind || x->title != y->title || x->description != y->description ||
            x->location != y->location || x->partner != y->partner || x->starts_at != y->starts_at ||
            x->ends_at != y->ends_at || x->created_at != y->created_at || x->updated_at != y->updated_at ||
            x->version != y->version || x->capacity != y->capacity || x->host_id != y->host_id ||
            x->reg_n != y->reg_n || x->feedback_n != y->feedback_n || x->insight_n != y->insight_n)
            return 0;
    }
    for (size_t i = 0; i < a->n_regs; i++) {
        const seed_registration *x = &a->regs[i], *y = &b->regs[i];
        if (x->member_id != y->member_id || x->status != y->status || x->created_at != y->created_at ||
            x->registered_at != y->registered_at || x->queued != y->queued ||
            x->updated_at != y->updated_at || x->version != y->version || x->attended != y->attended)
            return 0;
    }
    for (size_t i = 0; i < a->n_feedback; i++) {
        const seed_feedback *x = &a->feedback[i], *y = &b->feedback[i];
        if (x->member_id != y->member_id || x->rating != y->rating || x->comment != y->comment ||
            x->created_at != y->created_at)
            return 0;
    }
    for (size_t i = 0; i < a->n_insights; i++) {
        const seed_insight *x = &a->insights[i], *y = &b->insights[i];
        if (x->text != y->text || x->theme != y->theme || x->author_id != y->author_id ||
            x->created_at != y->created_at)
            return 0;
    }
    return 1;
}

static void test_sessions_deterministic(void)
{
    const long ref_day = seed_days_from_civil(2026, 11, 1);
    network n1, n2, n3;
    seed_sessions_plan a, b, c;
    plan_for(&n1, 450, ref_day, 42, &a);
    plan_for(&n2, 450, ref_day, 42, &b);
    plan_for(&n3, 450, ref_day, 43, &c);
    CHECK(a.n_sessions > 0 && same_plan(&a, &b));
    CHECK(!same_plan(&a, &c));
    seed_sessions_plan_free(&a);
    seed_sessions_plan_free(&b);
    seed_sessions_plan_free(&c);
    network_free(&n1);
    network_free(&n2);
    network_free(&n3);
}

/* Other reference days (mid-month, at New Year, in summer time) and small
 * networks (the test suite's 60 members; the demo logins alone) keep every
 * invariant; the demo member still gets their two upcoming sessions where
 * there are people enough to fill one. */
static void test_sessions_other_shapes(void)
{
    static const struct {
        int y, m, d;
        size_t members;
    } CASES[] = {{2026, 11, 1, 60}, {2027, 3, 15, 450}, {2026, 1, 2, 450},  {2026, 7, 31, 200},
                 {2026, 11, 1, 5},  {2026, 11, 1, 6},   {2030, 2, 28, 2000}};
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        long ref_day = seed_days_from_civil(CASES[k].y, CASES[k].m, CASES[k].d);
        network net;
        seed_sessions_plan p;
        plan_figures f;
        plan_for(&net, CASES[k].members, ref_day, 42 + k, &p);
        check_plan(&p, &net, ref_day, &f);
        CHECK(f.upcoming >= 3 && f.past_listening == 7 && f.inspiration_past >= 22);
        if (CASES[k].members >= 60) {
            CHECK(f.upcoming_full_waitlist >= 1 && f.upcoming_free_seats >= 1);
            CHECK(f.demo_registered_upcoming >= 1 && f.demo_waitlisted_upcoming >= 1);
            CHECK(f.past_full * 2 > f.past);
        }
        seed_sessions_plan_free(&p);
        network_free(&net);
    }
}

static void test_sessions_need_an_organizer(void)
{
    const long ref_day = seed_days_from_civil(2026, 11, 1);
    network net;
    network_make(&net, 50, ref_day, 1);
    seed_people none = {NULL, NULL, 0};
    seed_sessions_input in = {ref_day, &net.active, &none, 1, 0};
    seed_sessions_plan p;
    seed_rng r;
    seed_rng_init(&r, 1);
    CHECK(seed_sessions_plan_make(&r, &in, &p) == -1);
    CHECK(p.n_sessions == 0 && p.sessions == NULL);
    /* Without demo logins: sessions all the same, nobody in particular. */
    in.organizers = &net.organizers;
    in.demo_member = 0;
    seed_rng_init(&r, 1);
    CHECK(seed_sessions_plan_make(&r, &in, &p) == 0);
    CHECK(p.n_sessions > 40);
    for (size_t i = 0; i < p.n_sessions; i++)
        CHECK(net.organizer_by_id[p.sessions[i].host_id]);
    seed_sessions_plan_free(&p);
    network_free(&net);
}

/* --- complaint themes --------------------------------------------------------------- */

static int is_session_title(const char *title)
{
    const seed_words_session *lists[3] = {seed_words_inspiration, seed_words_leadership,
                                          seed_words_workshops};
    size_t counts[3] = {seed_words_inspiration_count, seed_words_leadership_count,
                        seed_words_workshops_count};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < counts[k]; i++)
            if (strcmp(lists[k][i].title, title) == 0)
                return 1;
    for (size_t i = 0; i < seed_words_listening_partners_count; i++)
        if (strcmp(seed_words_listening_partners[i].title, title) == 0)
            return 1;
    return 0;
}

static void check_theme_words(const seed_words_theme *w)
{
    CHECK(is_slug(w->code));
    CHECK(strlen(w->title) > 0 && strlen(w->title) <= 200);
    CHECK(strlen(w->description) > 80 && strlen(w->description) <= 5000);
    CHECK(w->level > 0 && w->level <= 1000 && w->drift_percent > -100 && w->drift_percent <= 200);
    CHECK(w->notes_count > 0);
    for (size_t k = 0; k < w->notes_count; k++)
        CHECK(strlen(w->notes[k]) > 10 && strlen(w->notes[k]) <= 200);
    CHECK((w->peak_months == 0) == (w->peak_note == NULL) && (w->peak_months & 1u) == 0);
    CHECK(w->peak_months == 0 ? w->peak_percent == 0 : w->peak_percent > 0 && w->peak_percent <= 300);
    /* A turn needs a session that exists, a note, and a way down. */
    int turns = w->course != SW_STEADY;
    CHECK((w->turn_sessions[0] != NULL) == turns && (w->turn_note != NULL) == turns);
    for (int k = 0; k < 2; k++)
        CHECK(w->turn_sessions[k] == NULL || is_session_title(w->turn_sessions[k]));
    CHECK(turns ? w->floor_percent > 0 && w->floor_percent < 100 : w->floor_percent == 0);
    CHECK(w->course == SW_RISES_THEN_FALLS ? w->top_percent > 100 : w->top_percent == 0);
}

/* 15 themes, the ten of demo-data.md first; every code the other steps link
 * names one, and each of the five others is reached by some topic's reports. */
static void test_theme_words(void)
{
    size_t quarterly = 0, rising = 0, turning = 0;
    CHECK(seed_words_themes_count == 15);
    for (size_t i = 0; i < seed_words_themes_count; i++) {
        const seed_words_theme *w = &seed_words_themes[i];
        check_theme_words(w);
        quarterly += (size_t)w->quarterly;
        rising += w->course == SW_STEADY && w->drift_percent >= 50;
        turning += w->course != SW_STEADY;
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(seed_words_themes[j].code, w->code) != 0 &&
                  strcmp(seed_words_themes[j].title, w->title) != 0);
        int reached = 0;
        for (size_t t = 0; t < seed_words_topics_count; t++) {
            const seed_words_topic *topic = &seed_words_topics[t];
            reached |= topic->theme != NULL && strcmp(topic->theme, w->code) == 0;
            for (size_t k = 0; k < topic->own_count; k++)
                reached |= topic->own[k].theme != NULL && strcmp(topic->own[k].theme, w->code) == 0;
        }
        for (size_t k = 0; k < seed_words_problems_count; k++)
            reached |=
                seed_words_problems[k].theme != NULL && strcmp(seed_words_problems[k].theme, w->code) == 0;
        CHECK(reached);
    }
    CHECK(quarterly >= 3 && quarterly <= 5 && rising >= 2 && turning >= 2);
    for (size_t t = 0; t < seed_words_topics_count; t++) {
        const seed_words_topic *topic = &seed_words_topics[t];
        CHECK(topic->theme == NULL || is_complaint_theme(topic->theme));
        for (size_t k = 0; k < topic->own_count; k++)
            CHECK(topic->own[k].theme == NULL || is_complaint_theme(topic->own[k].theme));
    }
    for (size_t k = 0; k < seed_words_problems_count; k++)
        CHECK(seed_words_problems[k].theme == NULL || is_complaint_theme(seed_words_problems[k].theme));
    CHECK_STR(seed_words_month_names[0], "januari");
    CHECK_STR(seed_words_month_names[11], "december");
    CHECK_STR(seed_words_quarter_names[3], "vierde");
}

/* Each theme's first turn session, on the day given; the others ignored. */
static void test_themes_note_session(void)
{
    long days[32] = {0};
    int brieven = theme_index("onbegrijpelijke-brieven"), kcc = theme_index("bereikbaarheid-14070");
    CHECK(brieven >= 0 && kcc >= 0 && seed_words_themes_count <= 32);
    seed_themes_note_session("Workshop: brieven herschrijven op B1-niveau", 20300, days);
    seed_themes_note_session("Schrijven op B1-niveau", 20200, days);
    seed_themes_note_session("Workshop: brieven herschrijven op B1-niveau", 20400, days);
    seed_themes_note_session("Inspiratiesessie: de Hagenaar centraal", 20000, days);
    CHECK(days[brieven] == 20200 && days[kcc] == 0);
    seed_themes_note_session("Luistersessie: het Klantcontactcentrum 14070 aan het woord", 20100, days);
    CHECK(days[kcc] == 20100);
    for (size_t i = 0; i < seed_words_themes_count; i++)
        CHECK((int)i == brieven || (int)i == kcc || days[i] == 0);
}

/* A period as 0007 allows it: `20[0-9]{2}-(0[1-9]|1[0-2]|Q[1-4])`. */
static int period_valid(const char *p)
{
    if (strlen(p) != 7 || strncmp(p, "20", 2) != 0 || p[2] < '0' || p[2] > '9' || p[3] < '0' || p[3] > '9' ||
        p[4] != '-')
        return 0;
    if (p[5] == 'Q')
        return p[6] >= '1' && p[6] <= '4';
    int month = (p[5] - '0') * 10 + (p[6] - '0');
    return p[5] >= '0' && p[5] <= '1' && p[6] >= '0' && p[6] <= '9' && month >= 1 && month <= 12;
}

/* Months are counted as year * 12 + (month - 1). */
static long period_month(const char *p)
{
    long year = atol(p);
    return p[5] == 'Q' ? year * 12 + (p[6] - '1') * 3 : year * 12 + atol(p + 5) - 1;
}

/* Figures of a theme's rows, indexed by its months in the window. */
typedef struct {
    long long counts[SEED_THEME_MONTHS];
    int months, quarters;
} theme_rows;

/* One quarter row against its theme's months: a complete quarter of the
 * window, reported after it ended and before the reference day, and never
 * the sum of its months. */
static void check_quarter(const seed_theme_period *p, const theme_rows *rows, long first_month,
                          int64_t ref_end)
{
    long s = period_month(p->period) - first_month;
    CHECK(p->theme->quarterly && s >= 1 && s + 2 < SEED_THEME_MONTHS);
    if (s < 1 || s + 2 >= SEED_THEME_MONTHS)
        return;
    long long sum = rows->counts[s] + rows->counts[s + 1] + rows->counts[s + 2];
    CHECK(p->count != sum && p->count > 0);
    CHECK(p->count * 10 >= sum * 5 && p->count * 10 <= sum * 16 + 30);
    long after =
        seed_days_from_civil((int)((first_month + s + 3) / 12), (int)((first_month + s + 3) % 12) + 1, 1);
    CHECK(p->pushed_at >= seed_local_time(after, 0) && p->pushed_at < ref_end);
    CHECK(strstr(p->summary, "Kwartaalrapportage") == p->summary);
}

/* One month row: in the window, in order, pushed on its last evening. */
static void check_month(const seed_theme_period *p, theme_rows *rows, long first_month, int64_t ref_end)
{
    long t = period_month(p->period) - first_month;
    CHECK(t == rows->months);
    if (t < 0 || t >= SEED_THEME_MONTHS)
        return;
    rows->counts[t] = p->count;
    rows->months++;
    long next = first_month + t + 1;
    long last_day = seed_days_from_civil((int)(next / 12), (int)(next % 12) + 1, 1) - 1;
    CHECK(seed_local_day(p->pushed_at) == last_day && p->pushed_at < ref_end);
    char start[24];
    snprintf(start, sizeof start, "%lld klacht", p->count);
    CHECK(strncmp(p->summary, p->count == 0 ? "Geen klachten" : start, strlen(start)) == 0);
}

/* The invariants of 0007 and of the brief, theme by theme: 24 months without
 * a gap up to the month before the reference day, then the theme's quarters;
 * periods valid, counts and summaries within the schema's bounds. Fills the
 * counts of each theme (24 x seed_words_themes_count). */
static void check_themes_plan(const seed_themes_plan *p, long ref_day, long long *counts)
{
    char ref[11];
    seed_civil_date(ref_day, ref);
    long first_month = atol(ref) * 12 + atol(ref + 5) - 1 - SEED_THEME_MONTHS;
    int64_t ref_end = seed_local_time(ref_day, 0), created = seed_themes_created_at(ref_day);
    size_t i = 0;
    CHECK(created <= seed_local_time(ref_day - SEED_HISTORY_DAYS, 0));
    for (size_t w = 0; w < seed_words_themes_count; w++) {
        theme_rows rows;
        memset(&rows, 0, sizeof rows);
        for (; i < p->n && p->periods[i].theme == &seed_words_themes[w]; i++) {
            const seed_theme_period *row = &p->periods[i];
            CHECK(period_valid(row->period) && row->quarter == (row->period[5] == 'Q'));
            CHECK(row->count >= 0 && row->count <= 1000000 && row->pushed_at > created);
            CHECK(strlen(row->summary) > 20 && strlen(row->summary) <= 5000);
            CHECK(!row->quarter || rows.months == SEED_THEME_MONTHS); /* quarters after the months */
            if (row->quarter) {
                check_quarter(row, &rows, first_month, ref_end);
                rows.quarters++;
            } else {
                check_month(row, &rows, first_month, ref_end);
            }
        }
        CHECK(rows.months == SEED_THEME_MONTHS);
        CHECK(seed_words_themes[w].quarterly ? rows.quarters >= 6 && rows.quarters <= 7 : rows.quarters == 0);
        memcpy(counts + w * SEED_THEME_MONTHS, rows.counts, sizeof rows.counts);
    }
    CHECK(i == p->n); /* nothing out of order or of another theme */
}

static double average(const long long *counts, int from, int n)
{
    long long sum = 0;
    for (int t = from; t < from + n; t++)
        sum += counts[t];
    return (double)sum / n;
}

/* Turn sessions on the days a seed typically has them: the B1 workshop and
 * the KCC's listening session in the window's fifth month, "Terugbellen
 * zoals beloofd" in its ninth. */
static void typical_turns(long ref_day, long *days)
{
    memset(days, 0, seed_words_themes_count * sizeof *days);
    seed_themes_note_session("Workshop: brieven herschrijven op B1-niveau", ref_day - 600, days);
    seed_themes_note_session("Luistersessie: het Klantcontactcentrum 14070 aan het woord", ref_day - 590,
                             days);
    seed_themes_note_session("Terugbellen zoals beloofd", ref_day - 480, days);
}

static void plan_themes(long ref_day, const long *days, unsigned long long seed, seed_themes_plan *p)
{
    seed_themes_input in = {ref_day, days};
    seed_rng r;
    seed_rng_init(&r, seed);
    CHECK(seed_themes_plan_make(&r, &in, p) == 0);
}

/* What a programme manager should see in the counts, for several seeds. */
static void check_theme_stories(const long long *counts)
{
#define THEME(code) (counts + (size_t)theme_index(code) * SEED_THEME_MONTHS)
    const long long *brieven = THEME("onbegrijpelijke-brieven"), *kcc = THEME("bereikbaarheid-14070");
    /* Letters: down to about half after the B1 sessions. */
    CHECK(average(brieven, 18, 6) < 0.7 * average(brieven, 0, 5));
    /* 14070: up until the KCC was heard, down below the start since. */
    long long top = 0;
    for (int t = 3; t < 10; t++)
        top = kcc[t] > top ? kcc[t] : top;
    CHECK(top > 1.6 * average(kcc, 0, 3) && average(kcc, 18, 6) < 0.85 * average(kcc, 0, 3));
    /* Rising themes rise: the second year against the first. */
    static const char *const RISING[] = {"trage-afhandeling-wmo", "digitale-formulieren",
                                         "schuldhulpverlening"};
    for (size_t k = 0; k < 3; k++) {
        const long long *rising = THEME(RISING[k]);
        CHECK(average(rising, 12, 12) > 1.15 * average(rising, 0, 12));
    }
    /* Tax assessments in spring: February-April (the window runs November
     * to October) against the other months. */
    const long long *tax = THEME("kwijtschelding-belastingen");
    double spring = (average(tax, 3, 3) + average(tax, 15, 3)) / 2;
    CHECK(spring > 1.8 * (average(tax, 0, SEED_THEME_MONTHS) * 4 - spring) / 3);
#undef THEME
}

static void test_themes_plan(void)
{
    const long ref_day = seed_days_from_civil(2026, 11, 1);
    long days[32];
    long long counts[32 * SEED_THEME_MONTHS];
    for (unsigned long long seed = 40; seed < 48; seed++) {
        seed_themes_plan p;
        typical_turns(ref_day, days);
        plan_themes(ref_day, days, seed, &p);
        check_themes_plan(&p, ref_day, counts);
        check_theme_stories(counts);
        seed_themes_counts c = {0};
        seed_themes_count(&p, &c);
        CHECK(c.months == 15 * SEED_THEME_MONTHS && c.quarters == 4 * 7 && c.quarterly_themes == 4);
        CHECK_STR(c.first, "2024-11");
        CHECK_STR(c.last, "2026-10");
        seed_themes_plan_free(&p);
    }
}

/* Without its session the letters theme never falls. */
static void test_themes_without_turns(void)
{
    const long ref_day = seed_days_from_civil(2026, 11, 1);
    long days[32] = {0};
    long long counts[32 * SEED_THEME_MONTHS];
    for (unsigned long long seed = 1; seed < 6; seed++) {
        seed_themes_plan p;
        plan_themes(ref_day, days, seed, &p);
        check_themes_plan(&p, ref_day, counts);
        const long long *brieven =
            counts + (size_t)theme_index("onbegrijpelijke-brieven") * SEED_THEME_MONTHS;
        CHECK(average(brieven, 12, 12) > 0.85 * average(brieven, 0, 12));
        for (size_t i = 0; i < p.n; i++)
            CHECK(p.periods[i].theme->turn_note == NULL ||
                  strstr(p.periods[i].summary, p.periods[i].theme->turn_note) == NULL);
        seed_themes_plan_free(&p);
    }
}

/* Other reference days: mid-month, in January, near the ends of what a
 * period may name (months outside 2000-2099 are left out). */
static void test_themes_other_dates(void)
{
    static const struct {
        int y, m, d;
        int months; /* per theme */
    } CASES[] = {{2026, 11, 15, 24}, {2027, 1, 1, 24}, {2028, 3, 31, 24}, {2001, 6, 1, 17}, {2100, 3, 2, 22}};
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        long ref_day = seed_days_from_civil(CASES[k].y, CASES[k].m, CASES[k].d);
        long days[32];
        seed_themes_plan p;
        typical_turns(ref_day, days);
        plan_themes(ref_day, days, 42, &p);
        seed_themes_counts c = {0};
        seed_themes_count(&p, &c);
        CHECK(c.months == 15 * CASES[k].months);
        for (size_t i = 0; i < p.n; i++)
            CHECK(period_valid(p.periods[i].period) && p.periods[i].pushed_at < seed_local_time(ref_day, 0));
        if (CASES[k].months == SEED_THEME_MONTHS) {
            long long counts[32 * SEED_THEME_MONTHS];
            check_themes_plan(&p, ref_day, counts);
        }
        seed_themes_plan_free(&p);
    }
}

static int same_themes_plan(const seed_themes_plan *a, const seed_themes_plan *b, const char *except)
{
    size_t i = 0, j = 0;
    for (; i < a->n && j < b->n; i++, j++) {
        while (except != NULL && i < a->n && strcmp(a->periods[i].theme->code, except) == 0)
            i++;
        while (except != NULL && j < b->n && strcmp(b->periods[j].theme->code, except) == 0)
            j++;
        if (i == a->n || j == b->n)
            break;
        const seed_theme_period *x = &a->periods[i], *y = &b->periods[j];
        if (x->theme != y->theme || strcmp(x->period, y->period) != 0 || x->quarter != y->quarter ||
            x->count != y->count || strcmp(x->summary, y->summary) != 0 || x->pushed_at != y->pushed_at)
            return 0;
    }
    return i >= a->n && j >= b->n;
}

/* The same stream and turns give the same plan; another seed another one;
 * moving one theme's turn changes that theme alone. */
static void test_themes_deterministic(void)
{
    const long ref_day = seed_days_from_civil(2026, 11, 1);
    long days[32], moved[32];
    seed_themes_plan a, b, c, d;
    typical_turns(ref_day, days);
    memcpy(moved, days, sizeof moved);
    moved[theme_index("onbegrijpelijke-brieven")] = ref_day - 300;
    plan_themes(ref_day, days, 42, &a);
    plan_themes(ref_day, days, 42, &b);
    plan_themes(ref_day, days, 43, &c);
    plan_themes(ref_day, moved, 42, &d);
    CHECK(a.n > 0 && same_themes_plan(&a, &b, NULL));
    CHECK(!same_themes_plan(&a, &c, NULL));
    CHECK(!same_themes_plan(&a, &d, NULL) && same_themes_plan(&a, &d, "onbegrijpelijke-brieven"));
    seed_themes_plan_free(&a);
    seed_themes_plan_free(&b);
    seed_themes_plan_free(&c);
    seed_themes_plan_free(&d);
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
    RUN(test_iso_week);
    RUN(test_amsterdam_offset);
    RUN(test_fill_template);
    RUN(test_report_words);
    RUN(test_rule_words);
    RUN(test_timelines);
    RUN(test_session_words);
    RUN(test_sessions_look_real);
    RUN(test_sessions_deterministic);
    RUN(test_sessions_other_shapes);
    RUN(test_sessions_need_an_organizer);
    RUN(test_theme_words);
    RUN(test_themes_note_session);
    RUN(test_themes_plan);
    RUN(test_themes_without_turns);
    RUN(test_themes_other_dates);
    RUN(test_themes_deterministic);
    HARNESS_END();
}
