/* seed_words.h: the word lists the demo-data generator draws from.
 *
 * Plain data, kept apart from seed.c so that lists can grow (report titles,
 * complaint themes, session titles for later seeding steps) without touching
 * the generator. Everything here is static, read-only and UTF-8. The order of
 * every list is part of the output: the generator picks by index, so changing
 * a list changes what a given --seed produces (which is fine, but do it on
 * purpose). */
#ifndef DNA_SEED_WORDS_H
#define DNA_SEED_WORDS_H

#include <stddef.h>

/* A department (dienst). `weight` is its share of the generated members, in
 * percent; `titles` are the job titles typical for it; `staff` its
 * headcount (all staff, in or out of the network). */
typedef struct {
    const char *code;
    const char *name;
    unsigned weight;
    unsigned staff;
    const char *const *titles;
    size_t titles_count;
} seed_words_department;

extern const seed_words_department seed_words_departments[];
extern const size_t seed_words_departments_count;

/* Job titles found in any department (teamleider, projectleider, ...). */
extern const char *const seed_words_general_titles[];
extern const size_t seed_words_general_titles_count;

/* Member interests, as stored in members.interests. */
extern const char *const seed_words_interests[];
extern const size_t seed_words_interests_count;

/* One background of names in a diverse city. Surnames carry their particles
 * as written after a first name ("van der Meer", "El Amrani", "'t Hart").
 * `weight` is the group's share of the generated members, in percent. */
typedef struct {
    const char *origin;
    unsigned weight;
    const char *const *first_names;
    size_t first_names_count;
    const char *const *surnames;
    size_t surnames_count;
} seed_words_name_group;

extern const seed_words_name_group seed_words_name_groups[];
extern const size_t seed_words_name_groups_count;

/* --- red-button reports ----------------------------------------------------
 *
 * A report is about a topic (a service or internal process: "parkeervergunning")
 * and a problem with it ("{W} moet voor {s} drie keer dezelfde gegevens
 * invullen"). Texts are templates filled by seed_fill_template (seed.h):
 *   {s} the topic's subject, {S} the same with a capital,
 *   {w}/{W} who runs into it ("bewoner"), {p}/{P} the plural ("bewoners"),
 *   {n} a number drawn for the text.
 * A problem fits a topic when the topic has every trait the problem needs. */
enum {
    SW_RESIDENT = 1u << 0, /* serves residents or businesses */
    SW_INTERNAL = 1u << 1, /* an internal process: staff are the ones who suffer */
    SW_FORM = 1u << 2,     /* has an application form */
    SW_LETTER = 1u << 3,   /* the municipality writes letters or decisions about it */
    SW_DECISION = 1u << 4, /* an application that is assessed and decided on */
    SW_INCOME = 1u << 5,   /* means-tested: income, assets, proof */
    SW_COUNTER = 1u << 6,  /* involves a visit to the counter (balie, stadsdeelkantoor) */
    SW_PERMIT = 1u << 7,   /* a permit (vergunning) */
    SW_OWN_ONLY = 1u << 8, /* only the topic's own problems fit it */
    SW_SPRING = 1u << 9,   /* peaks in February-April (tax assessments) */
};

typedef struct {
    const char *category;    /* reports.category */
    unsigned needs;          /* SW_* traits the topic must have */
    const char *theme;       /* a complaint theme slug, or NULL */
    const char *title;       /* template, at most 200 characters once filled */
    const char *description; /* template */
    const char *resolution;  /* template: how the team solved it */
} seed_words_problem;

typedef struct {
    const char *key;        /* referenced by rules */
    const char *department; /* the code of the department that owns it */
    unsigned weight;        /* relative share of the reports */
    unsigned traits;        /* SW_* */
    const char *subject;
    const char *who, *who_plural;
    const char *procedure;         /* reports.procedure */
    const char *theme;             /* a complaint theme slug, or NULL */
    const seed_words_problem *own; /* problems only this topic has */
    size_t own_count;
} seed_words_topic;

extern const seed_words_topic seed_words_topics[];
extern const size_t seed_words_topics_count;

/* 1 when a generic problem suits a topic: the topic takes generic problems
 * (no SW_OWN_ONLY) and has every trait the problem needs. */
int seed_words_problem_fits(const seed_words_topic *t, const seed_words_problem *p);
/* Problems any topic with the right traits can have. */
extern const seed_words_problem seed_words_problems[];
extern const size_t seed_words_problems_count;

/* The categories of reports.category, in the schema's order. */
extern const char *const seed_words_categories[];
extern const size_t seed_words_categories_count;

/* What reporters add to a description: an observation, and a suggestion per
 * category (parallel to seed_words_categories). */
extern const char *const seed_words_observations[];
extern const size_t seed_words_observations_count;
typedef struct {
    const char *const *texts;
    size_t count;
} seed_words_list;
extern const seed_words_list seed_words_suggestions[]; /* per category */
/* Further resolutions per category, used beside the problem's own. */
extern const seed_words_list seed_words_resolutions[];

/* reports.impact: a template with {n} drawn from [min, max]. */
typedef struct {
    const char *text;
    unsigned min, max;
} seed_words_impact;
extern const seed_words_impact seed_words_impacts[];
extern const size_t seed_words_impacts_count;

/* The team's notes on transitions, and the members' comments. */
extern const char *const seed_words_triage_notes[];
extern const size_t seed_words_triage_notes_count;
extern const char *const seed_words_progress_notes[];
extern const size_t seed_words_progress_notes_count;
extern const char *const seed_words_reject_notes[];
extern const size_t seed_words_reject_notes_count;
extern const char *const seed_words_duplicate_note;
extern const char *const seed_words_reopen_note;
extern const char *const seed_words_comments[];
extern const size_t seed_words_comments_count;
extern const char *const seed_words_team_comments[];
extern const size_t seed_words_team_comments_count;
extern const char *const seed_words_thanks_comments[];
extern const size_t seed_words_thanks_comments_count;

/* The city's districts (stadsdelen), for titles about a counter. */
extern const char *const seed_words_districts[];
extern const size_t seed_words_districts_count;

/* --- the rule register -------------------------------------------------------- */

typedef struct {
    const char *topic; /* key of the topic whose reports link to it */
    unsigned weight;   /* its share among that topic's rules */
    const char *title;
    const char *source_type; /* law, regulation, policy, work_instruction, it_system */
    const char *reference;
    const char *department; /* code */
    const char *description;
    const char *outcome;      /* open, abolished, simplified, clarified, retained */
    const char *outcome_note; /* NULL exactly when open */
} seed_words_rule;

extern const seed_words_rule seed_words_rules[];
extern const size_t seed_words_rules_count;

/* --- sessions ------------------------------------------------------------------ */

/* A session as it is announced: title (at most 200 characters) and
 * description. */
typedef struct {
    const char *title;
    const char *description;
} seed_words_session;

/* Monthly inspiration sessions; the first opens the series, the others come
 * in an order drawn for the seed. */
extern const seed_words_session seed_words_inspiration[];
extern const size_t seed_words_inspiration_count;
/* Leadership meetings; the first is the launch of the programme plan. */
extern const seed_words_session seed_words_leadership[];
extern const size_t seed_words_leadership_count;
/* Workshops; the first is the one on B1 letters the demo member signs up for. */
extern const seed_words_session seed_words_workshops[];
extern const size_t seed_words_workshops_count;

/* A listening session: who tells their story (sessions.partner), where
 * (NULL: a meeting room like any other), and the complaint themes their
 * stories are mostly about (NULL-padded). The first two are the first two
 * listening sessions, in that order: the Ombudsman, then the KCC. */
typedef struct {
    const char *partner;
    const char *title;
    const char *description;
    const char *location;
    const char *themes[3];
} seed_words_listening;

extern const seed_words_listening seed_words_listening_partners[];
extern const size_t seed_words_listening_partners_count;

/* A room: its weight among its list and the capacities organizers give it
 * (lo..hi, 0 for an online meeting without a limit). */
typedef struct {
    const char *name;
    unsigned weight;
    unsigned capacity_lo, capacity_hi;
} seed_words_place;

/* Halls for inspiration sessions and leadership meetings. */
extern const seed_words_place seed_words_places_large[];
extern const size_t seed_words_places_large_count;
/* Meeting rooms for listening sessions and workshops. */
extern const seed_words_place seed_words_places_small[];
extern const size_t seed_words_places_small_count;

/* What a listening session learned (session_insights): a finding and the
 * complaint theme it belongs to (NULL: none in particular). */
typedef struct {
    const char *theme;
    const char *text;
} seed_words_insight;

extern const seed_words_insight seed_words_insights[];
extern const size_t seed_words_insights_count;

/* Feedback comments, by how the session was rated: 4-5, 3, 1-2. */
extern const char *const seed_words_feedback_praise[];
extern const size_t seed_words_feedback_praise_count;
extern const char *const seed_words_feedback_mixed[];
extern const size_t seed_words_feedback_mixed_count;
extern const char *const seed_words_feedback_critical[];
extern const size_t seed_words_feedback_critical_count;

/* --- complaint themes (the Haagse Ombudsman) ----------------------------------- */

/* How a theme's monthly count runs over the two years, seasons apart:
 * STEADY drifts by drift_percent; FALLS_AFTER drifts too, until the
 * programme did something about it (the first of its turn_sessions), and
 * then falls to floor_percent; RISES_THEN_FALLS climbs towards top_percent
 * until then, and falls after. Where the turn never came, neither does the
 * fall. */
typedef enum { SW_STEADY, SW_FALLS_AFTER, SW_RISES_THEN_FALLS } seed_words_course;

/* Bit m (1..12) of peak_months: a month of the theme's seasonal peak. */
#define SW_MONTH(m) (1u << (m))

/* A theme as the office defines it, and how its complaints run. */
typedef struct {
    const char *code;        /* the office's slug, stable */
    const char *title;       /* at most 200 characters */
    const char *description; /* what the office counts under it */
    unsigned level;          /* complaints in an ordinary month at the start of the history */
    int drift_percent;       /* how the level changes over the two years, turns apart */
    unsigned peak_months;    /* SW_MONTH bits */
    unsigned peak_percent;   /* how many more complaints there are in a peak month */
    seed_words_course course;
    /* Sessions (by title) after the first of which the theme turns; NULL-padded. */
    const char *turn_sessions[2];
    unsigned top_percent;   /* RISES_THEN_FALLS: the level at the turn, in percent of `level` */
    unsigned floor_percent; /* where it ends up some months after the turn, in percent of `level` */
    int quarterly;          /* the office also publishes its own quarterly figures */
    /* What a month's summary says the complaints were about. */
    const char *const *notes;
    size_t notes_count;
    const char *peak_note;  /* in a peak month (NULL: no peak) */
    const char *trend_note; /* while the level is well above the start (NULL: none) */
    const char *turn_note;  /* in the months after the turn (NULL: no turn) */
} seed_words_theme;

/* The office's themes: the ten of shared/spec/demo-data.md first (reports
 * and insights link to them), then five more. */
extern const seed_words_theme seed_words_themes[];
extern const size_t seed_words_themes_count;

/* Dutch month names, "januari" .. "december" (index 0 .. 11). */
extern const char *const seed_words_month_names[12];
/* "eerste" .. "vierde", for the quarters. */
extern const char *const seed_words_quarter_names[4];

#endif
