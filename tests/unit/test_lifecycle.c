/* Unit test: the report lifecycle (src/lifecycle.c) against the table in
 * domain.md: every from -> to pair, allowed and forbidden, the 409 details,
 * and the fields each target needs or refuses; and the initiatives' status
 * moves (src/initiatives.c), every pair. */
#include "harness.h"
#include "initiatives.h"
#include "lifecycle.h"
#include "text.h"

/* domain.md's table, written out pair by pair independently of the code:
 *   new -> triaged, rejected, duplicate
 *   triaged -> in_progress, rejected, duplicate
 *   in_progress -> resolved, rejected
 *   resolved, rejected, duplicate -> triaged (reopen) */
static const char *const ALLOWED_PAIRS[] = {
    "new>triaged",      "new>rejected",      "new>duplicate",        "triaged>in_progress",
    "triaged>rejected", "triaged>duplicate", "in_progress>resolved", "in_progress>rejected",
    "resolved>triaged", "rejected>triaged",  "duplicate>triaged",    NULL,
};

static int drawn(lc_status from, lc_status to)
{
    char pair[64];
    snprintf(pair, sizeof pair, "%s>%s", lifecycle_name(from), lifecycle_name(to));
    for (const char *const *p = ALLOWED_PAIRS; *p; p++)
        if (strcmp(*p, pair) == 0)
            return 1;
    return 0;
}

/* The fields a valid request into `to` must carry. */
static unsigned minimal_fields(lc_status to)
{
    return to == LC_RESOLVED    ? LC_RESOLUTION
           : to == LC_REJECTED  ? LC_NOTE
           : to == LC_DUPLICATE ? LC_DUPLICATE_OF
                                : 0;
}

static void names_round_trip(void)
{
    CHECK(LC_COUNT == 6);
    for (int i = 0; i < LC_COUNT; i++) {
        lc_status s;
        CHECK(lifecycle_parse(LIFECYCLE_STATUSES[i], &s) == 0 && s == (lc_status)i);
        CHECK_STR(lifecycle_name((lc_status)i), LIFECYCLE_STATUSES[i]);
    }
    CHECK(LIFECYCLE_STATUSES[LC_COUNT] == NULL);
    lc_status s;
    CHECK(lifecycle_parse("closed", &s) == -1);
    CHECK(lifecycle_parse("", &s) == -1);
    CHECK(lifecycle_parse("New", &s) == -1);
    CHECK(lifecycle_parse(NULL, &s) == -1);
    CHECK_STR(lifecycle_name((lc_status)99), "unknown");
}

/* All 36 pairs: the table says exactly what the drawing says. */
static void every_pair_matches_the_drawing(void)
{
    int allowed = 0;
    for (int f = 0; f < LC_COUNT; f++)
        for (int t = 0; t < LC_COUNT; t++) {
            lc_status from = (lc_status)f, to = (lc_status)t;
            int want = drawn(from, to);
            if (lifecycle_allowed(from, to) != want) {
                fprintf(stderr, "  %s -> %s: table says %d, drawing says %d\n", lifecycle_name(from),
                        lifecycle_name(to), lifecycle_allowed(from, to), want);
                CHECK(0);
            }
            allowed += want;
        }
    CHECK(allowed == 11);
}

/* Every forbidden pair is a conflict naming the current status and the
 * allowed targets; every allowed pair with its required fields passes. */
static void every_pair_checks(void)
{
    for (int f = 0; f < LC_COUNT; f++)
        for (int t = 0; t < LC_COUNT; t++) {
            lc_status from = (lc_status)f, to = (lc_status)t;
            dna_err e;
            dna_err_init(&e);
            dna_status st = lifecycle_check(from, to, minimal_fields(to), &e);
            if (drawn(from, to)) {
                CHECK(st == DNA_OK);
                CHECK(e.errors == NULL && e.extra == NULL);
            } else {
                CHECK(st == DNA_CONFLICT);
                CHECK(e.extra != NULL);
                CHECK_STR(json_string_value(json_object_get(e.extra, "current_status")),
                          lifecycle_name(from));
                json_t *list = json_object_get(e.extra, "allowed");
                CHECK(json_is_array(list));
                size_t i;
                json_t *v;
                size_t n = 0;
                for (int k = 0; k < LC_COUNT; k++)
                    n += (size_t)drawn(from, (lc_status)k);
                CHECK(json_array_size(list) == n);
                json_array_foreach(list, i, v)
                {
                    lc_status s;
                    CHECK(lifecycle_parse(json_string_value(v), &s) == 0 && drawn(from, s));
                }
                CHECK(strstr(e.detail, lifecycle_name(to)) != NULL);
            }
            dna_err_clear(&e);
        }
}

static void targets_are_listed_in_order(void)
{
    lc_status out[LC_COUNT];
    CHECK(lifecycle_targets(LC_NEW, out) == 3 && out[0] == LC_TRIAGED && out[1] == LC_REJECTED &&
          out[2] == LC_DUPLICATE);
    CHECK(lifecycle_targets(LC_TRIAGED, out) == 3 && out[0] == LC_IN_PROGRESS && out[1] == LC_REJECTED &&
          out[2] == LC_DUPLICATE);
    CHECK(lifecycle_targets(LC_IN_PROGRESS, out) == 2 && out[0] == LC_RESOLVED && out[1] == LC_REJECTED);
    CHECK(lifecycle_targets(LC_RESOLVED, out) == 1 && out[0] == LC_TRIAGED);
    CHECK(lifecycle_targets(LC_REJECTED, out) == 1 && out[0] == LC_TRIAGED);
    CHECK(lifecycle_targets(LC_DUPLICATE, out) == 1 && out[0] == LC_TRIAGED);
    CHECK(lifecycle_targets((lc_status)42, out) == 0);
}

static void staying_put_is_no_transition(void)
{
    for (int s = 0; s < LC_COUNT; s++)
        CHECK(!lifecycle_allowed((lc_status)s, (lc_status)s));
    CHECK(!lifecycle_allowed((lc_status)-1, LC_NEW));
    CHECK(!lifecycle_allowed(LC_NEW, LC_COUNT));
}

/* Checks one request and returns the field named in its only error ("" when none). */
static const char *only_error(lc_status from, lc_status to, unsigned given, dna_status *st)
{
    static char field[32];
    dna_err e;
    dna_err_init(&e);
    *st = lifecycle_check(from, to, given, &e);
    field[0] = '\0';
    if (e.errors && json_array_size(e.errors) == 1)
        snprintf(field, sizeof field, "%s",
                 json_string_value(json_object_get(json_array_get(e.errors, 0), "field")));
    else if (e.errors)
        snprintf(field, sizeof field, "many");
    dna_err_clear(&e);
    return field;
}

static void required_fields(void)
{
    dna_status st;
    CHECK_STR(only_error(LC_IN_PROGRESS, LC_RESOLVED, 0, &st), "resolution");
    CHECK(st == DNA_INVALID);
    CHECK_STR(only_error(LC_IN_PROGRESS, LC_RESOLVED, LC_NOTE, &st), "resolution");
    CHECK_STR(only_error(LC_NEW, LC_REJECTED, 0, &st), "note");
    CHECK(st == DNA_INVALID);
    CHECK_STR(only_error(LC_TRIAGED, LC_REJECTED, 0, &st), "note");
    CHECK_STR(only_error(LC_IN_PROGRESS, LC_REJECTED, 0, &st), "note");
    CHECK_STR(only_error(LC_NEW, LC_DUPLICATE, 0, &st), "duplicate_of");
    CHECK(st == DNA_INVALID);
    CHECK_STR(only_error(LC_TRIAGED, LC_DUPLICATE, LC_NOTE, &st), "duplicate_of");
    /* Triage and the other moves need nothing. */
    CHECK_STR(only_error(LC_NEW, LC_TRIAGED, 0, &st), "");
    CHECK(st == DNA_OK);
    CHECK_STR(only_error(LC_TRIAGED, LC_IN_PROGRESS, 0, &st), "");
    CHECK_STR(only_error(LC_REJECTED, LC_TRIAGED, 0, &st), "");
    CHECK(lifecycle_required(LC_RESOLVED) == LC_RESOLUTION);
    CHECK(lifecycle_required(LC_REJECTED) == LC_NOTE);
    CHECK(lifecycle_required(LC_DUPLICATE) == LC_DUPLICATE_OF);
    CHECK(lifecycle_required(LC_TRIAGED) == 0 && lifecycle_required(LC_IN_PROGRESS) == 0);
}

static void fields_that_do_not_apply(void)
{
    dna_status st;
    /* Week and priority belong to triage only. */
    CHECK_STR(only_error(LC_NEW, LC_TRIAGED, LC_TRIAGE_WEEK | LC_PRIORITY | LC_NOTE, &st), "");
    CHECK(st == DNA_OK);
    CHECK_STR(only_error(LC_TRIAGED, LC_IN_PROGRESS, LC_PRIORITY, &st), "priority");
    CHECK(st == DNA_INVALID);
    CHECK_STR(only_error(LC_TRIAGED, LC_IN_PROGRESS, LC_TRIAGE_WEEK, &st), "triage_week");
    CHECK_STR(only_error(LC_NEW, LC_REJECTED, LC_NOTE | LC_RESOLUTION, &st), "resolution");
    CHECK_STR(only_error(LC_NEW, LC_TRIAGED, LC_DUPLICATE_OF, &st), "duplicate_of");
    CHECK_STR(only_error(LC_IN_PROGRESS, LC_RESOLVED, LC_RESOLUTION | LC_DUPLICATE_OF, &st), "duplicate_of");
    CHECK_STR(only_error(LC_NEW, LC_DUPLICATE, LC_DUPLICATE_OF | LC_RESOLUTION, &st), "resolution");
    /* A missing and a misplaced field are both reported. */
    CHECK_STR(only_error(LC_IN_PROGRESS, LC_RESOLVED, LC_PRIORITY, &st), "many");
    /* A note is welcome on every arrow. */
    for (int f = 0; f < LC_COUNT; f++)
        for (int t = 0; t < LC_COUNT; t++)
            if (drawn((lc_status)f, (lc_status)t)) {
                CHECK_STR(only_error((lc_status)f, (lc_status)t, minimal_fields((lc_status)t) | LC_NOTE, &st),
                          "");
                CHECK(st == DNA_OK);
            }
    /* A forbidden arrow is a conflict before any field is looked at. */
    CHECK_STR(only_error(LC_NEW, LC_RESOLVED, 0, &st), "");
    CHECK(st == DNA_CONFLICT);
}

static void closing_statuses(void)
{
    CHECK(lifecycle_is_closed(LC_RESOLVED) && lifecycle_is_closed(LC_REJECTED) &&
          lifecycle_is_closed(LC_DUPLICATE));
    CHECK(!lifecycle_is_closed(LC_NEW) && !lifecycle_is_closed(LC_TRIAGED) &&
          !lifecycle_is_closed(LC_IN_PROGRESS));
    /* Every closed status can be reopened, and nothing else leads back. */
    for (int s = 0; s < LC_COUNT; s++)
        CHECK(lifecycle_allowed((lc_status)s, LC_TRIAGED) ==
              (s == LC_NEW || lifecycle_is_closed((lc_status)s)));
}

/* domain.md, read strictly: idea -> active -> completed | stopped. */
static void initiative_moves(void)
{
    static const char *const ALLOWED[] = {"idea>active", "active>completed", "active>stopped", NULL};
    for (int f = 0; INITIATIVE_STATUSES[f]; f++)
        for (int t = 0; INITIATIVE_STATUSES[t]; t++) {
            char pair[64];
            snprintf(pair, sizeof pair, "%s>%s", INITIATIVE_STATUSES[f], INITIATIVE_STATUSES[t]);
            CHECK(text_in_list(INITIATIVE_STATUSES[t], initiatives_moves(INITIATIVE_STATUSES[f])) ==
                  text_in_list(pair, ALLOWED));
        }
    CHECK(initiatives_moves("unknown")[0] == NULL);
    CHECK(initiatives_moves(NULL)[0] == NULL);
    /* The 409 names where it is and where it may go. */
    dna_err e;
    dna_err_init(&e);
    CHECK(lifecycle_refuse(&e, "initiative", "idea", "completed", initiatives_moves("idea")) == DNA_CONFLICT);
    CHECK(strcmp(json_string_value(json_object_get(e.extra, "current_status")), "idea") == 0);
    CHECK(json_array_size(json_object_get(e.extra, "allowed")) == 1);
    CHECK(strstr(e.detail, "from idea to completed") != NULL);
    dna_err_clear(&e);
}

int main(void)
{
    RUN(names_round_trip);
    RUN(every_pair_matches_the_drawing);
    RUN(every_pair_checks);
    RUN(targets_are_listed_in_order);
    RUN(staying_put_is_no_transition);
    RUN(required_fields);
    RUN(fields_that_do_not_apply);
    RUN(closing_statuses);
    RUN(initiative_moves);
    HARNESS_END();
}
