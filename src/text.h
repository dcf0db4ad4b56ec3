/* text.h: small facts about strings that every layer needs: UTF-8 validity,
 * cutting client text without splitting a character, blank text, membership
 * in a NULL-terminated list, slugs. No allocation. */
#ifndef DNA_TEXT_H
#define DNA_TEXT_H

#include <stddef.h>

/* 1 when s[0..len-1] is valid UTF-8 without NUL bytes or surrogates. */
int text_valid_utf8(const char *s, size_t len);

/* The length in bytes (1-4) of the valid UTF-8 character at s, reading at
 * most `left` bytes, or 0 when the bytes there are not one (or are NUL). */
size_t text_char_len(const char *s, size_t left);

/* Copies at most cap - 1 bytes of `src` into dst and NUL-terminates it,
 * cutting only between UTF-8 characters; invalid bytes become '?', so the
 * copy is always valid UTF-8 (safe to put into JSON). Returns dst. */
char *text_clip(char *dst, size_t cap, const char *src);
/* The same for src[0..len-1]. */
char *text_clip_n(char *dst, size_t cap, const char *src, size_t len);

/* Copies src into dst (cap bytes, NUL-terminated) as valid UTF-8 that
 * shows every byte: an invalid byte becomes the four characters \xNN.
 * Cut between characters when it does not fit. Returns dst. */
char *text_escape_invalid(char *dst, size_t cap, const char *src);

/* Makes a NUL-terminated string valid UTF-8 in place: invalid bytes become
 * '?' and a character cut short at the end (by a byte-wise truncation such
 * as vsnprintf's) is dropped. */
void text_make_valid(char *s);

/* 1 for NULL, "" and text of spaces, tabs and line breaks only. */
int text_blank(const char *s);

/* 1 when `s` is one of the NULL-terminated `list`. */
int text_in_list(const char *s, const char *const *list);

/* "must be one of a, b, c" for a field error, cut to cap bytes. */
void text_one_of(char *msg, size_t cap, const char *const *values);

/* 1 for a lowercase slug of 1-64 characters: a-z, 0-9 and single inner
 * hyphens ("wachttijd-telefoon"). */
int text_is_slug(const char *s);

/* JSON text as PostgreSQL writes it ({"a" : 1, "b" : [1, 2]}) without the
 * whitespace between tokens, so every answer has one compact style. Works
 * in place on s[0..len-1] and returns the new length (NUL-terminated). */
size_t text_json_compact(char *s, size_t len);

#endif
