/* calendar.h: sessions as calendars (RFC 5545), and the members' personal
 * calendar feeds. Calendar programs subscribe by URL and cannot send a bearer
 * header, so a member may make a feed: a random key, shown once in the URL
 * and stored only as its SHA-256; it reads that member's sessions (the ones
 * they registered or are waitlisted for, from 30 days back, cancelled ones
 * marked so) and nothing else; making a new one or deleting it revokes the
 * old key. */
#ifndef DNA_CALENDAR_H
#define DNA_CALENDAR_H

#include <jansson.h>
#include <stdint.h>

#include "ical.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

#define CALENDAR_KEY_LEN 43 /* 256 bits of base64url */

/* A session's JSON row as an event (SESSIONS_LIST's calendar_event). */
int calendar_session_event(const json_t *row, ical_event_data *e, char *scratch, size_t cap);

/* Makes (or replaces) the caller's feed: *key (CALENDAR_KEY_LEN + 1 bytes)
 * receives the key to show once. DNA_CREATED. */
dna_status calendar_feed_create(const principal *p, char key[CALENDAR_KEY_LEN + 1], dna_err *err);
/* Revokes the caller's feed (DNA_NO_CONTENT, also when there was none). */
dna_status calendar_feed_delete(const principal *p, dna_err *err);
/* The query of a feed: the member the key belongs to, bound into q (a
 * parsed SESSIONS_LIST query). DNA_NOT_FOUND for an unknown or revoked key. */
dna_status calendar_feed_query(const char *key, listing_query *q, char member_text[24], char since[40],
                               dna_err *err);

#endif
