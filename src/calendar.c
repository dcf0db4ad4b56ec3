/* calendar.c: session rows as events; the feeds' keys. */
#include "calendar.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "db_write.h"
#include "text.h"

#define UID_DOMAIN "dna-api.denhaag.example"
#define FEED_HISTORY_DAYS 30

/* "2026-11-29T09:30:00Z" (rfc3339() in SQL) as a time; -1 otherwise. */
static time_t utc_time(const char *s)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (s == NULL || strlen(s) != 20 || s[19] != 'Z' ||
        sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
               &tm.tm_sec) != 6)
        return -1;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

int calendar_session_event(const json_t *row, ical_event_data *e, char *scratch, size_t cap)
{
    json_int_t id = json_integer_value(json_object_get(row, "id"));
    snprintf(scratch, cap, "session-%lld@" UID_DOMAIN, (long long)id);
    e->uid = scratch;
    e->summary = json_string_value(json_object_get(row, "title"));
    e->description = json_string_value(json_object_get(row, "description"));
    e->location = json_string_value(json_object_get(row, "location"));
    e->dtstart = utc_time(json_string_value(json_object_get(row, "starts_at")));
    e->dtend = utc_time(json_string_value(json_object_get(row, "ends_at")));
    /* The session's last change: the same calendar gives the same bytes. */
    e->last_modified = utc_time(json_string_value(json_object_get(row, "updated_at")));
    e->dtstamp = e->last_modified;
    e->sequence = (int)json_integer_value(json_object_get(row, "version"));
    const char *status = json_string_value(json_object_get(row, "status"));
    e->status_cancelled = status != NULL && strcmp(status, "cancelled") == 0;
    return id > 0 && e->summary && e->dtstart >= 0 && e->dtend > e->dtstart && e->dtstamp >= 0 ? 0 : -1;
}

/* ---- feeds ------------------------------------------------------------------ */

static const db_stmt FEED_SET = {
    "calendar_feed_set",
    "INSERT INTO calendar_feeds (member_id, key_hash)"
    " VALUES ($1::bigint, sha256(convert_to($2::text, 'UTF8')))"
    " ON CONFLICT (member_id) DO UPDATE SET key_hash = excluded.key_hash, created_at = now()"};
static const db_stmt FEED_DELETE = {"calendar_feed_delete",
                                    "DELETE FROM calendar_feeds WHERE member_id = $1::bigint RETURNING 1"};
static const db_stmt FEED_MEMBER = {
    "calendar_feed_member",
    "SELECT f.member_id FROM calendar_feeds f JOIN members m ON m.id = f.member_id"
    " WHERE f.key_hash = sha256(convert_to($1::text, 'UTF8')) AND m.active AND m.erased_at IS NULL"};

static const db_resource FEED = {.entity = "calendar_feed"};

static dna_status set_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const char *params[2] = {w->key, w->arg};
    dna_status st = db_write_exec(c, w, &FEED_SET, 2, params, NULL, err);
    return st == DNA_OK ? DNA_CREATED : st;
}

static dna_status delete_step(db_conn *c, const PGresult *row, db_write *w, dna_err *err)
{
    (void)row;
    const char *params[1] = {w->key};
    PGresult *r;
    dna_status st = db_write_exec(c, w, &FEED_DELETE, 1, params, &r, err);
    if (st != DNA_OK)
        return st;
    if (PQntuples(r) == 0)
        w->action = NULL; /* there was none: nothing to record */
    PQclear(r);
    return DNA_NO_CONTENT;
}

dna_status calendar_feed_create(const principal *p, char key[CALENDAR_KEY_LEN + 1], dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "calendar feeds are for members");
    if (auth_random_string(key, CALENDAR_KEY_LEN + 1) != 0)
        return dna_err_set(err, DNA_ERROR, "no randomness for the key");
    /* The audit entry names the member, never the key. */
    db_write w = {.res = &FEED, .who = p, .action = "create", .if_match = -1, .step = set_step, .arg = key};
    db_write_key(&w, p->member_id);
    return db_write_run(&w, NULL, err);
}

dna_status calendar_feed_delete(const principal *p, dna_err *err)
{
    if (p->member_id <= 0)
        return dna_err_set(err, DNA_FORBIDDEN, "calendar feeds are for members");
    db_write w = {.res = &FEED, .who = p, .action = "delete", .if_match = -1, .step = delete_step};
    db_write_key(&w, p->member_id);
    return db_write_run(&w, NULL, err);
}

dna_status calendar_feed_query(const char *key, listing_query *q, char member_text[24], char since[40],
                               dna_err *err)
{
    size_t n = key ? strlen(key) : 0;
    if (n != CALENDAR_KEY_LEN)
        return dna_err_set(err, DNA_NOT_FOUND, "no such calendar feed");
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    const char *params[1] = {key};
    PGresult *r = db_exec(c, &FEED_MEMBER, 1, params);
    dna_status st = db_ok(r) ? (PQntuples(r) == 1 ? DNA_OK : DNA_NOT_FOUND) : db_status_of(r);
    if (st == DNA_OK)
        text_clip(member_text, 24, PQgetvalue(r, 0, 0));
    PQclear(r);
    db_release(c);
    if (st == DNA_NOT_FOUND)
        return dna_err_set(err, st, "no such calendar feed");
    if (st != DNA_OK)
        return st;
    time_t from = time(NULL) - (time_t)FEED_HISTORY_DAYS * 24 * 3600;
    struct tm tm;
    gmtime_r(&from, &tm);
    strftime(since, 40, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (listing_bind(q, "viewer", member_text) != 0 || listing_bind(q, "pseudo", "false") != 0 ||
        listing_bind(q, "registered", "true") != 0 || listing_bind(q, "from", since) != 0)
        return DNA_ERROR;
    return DNA_OK;
}
