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
 * percent; `titles` are the job titles typical for it. */
typedef struct {
    const char *code;
    const char *name;
    unsigned weight;
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

#endif
