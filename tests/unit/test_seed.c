/* test_seed.c: the pure parts of the demo-data generator; no database. */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "lifecycle.h"
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
    HARNESS_END();
}
