/* test_seed_db.c: the demo seed as it lies in the database. scripts/test.sh
 * runs the unit tests against the throwaway database (DNA_TEST_DATABASE_URL)
 * right after `dna-api seed --members 60`, before the API tests write
 * anything; the seed's --as-of is read from its line in the audit log. Here SQL counts what may not be there:
 * a session with more registered than seats, a waitlist beside a free seat, feedback from someone who did not
 * come, a complaint theme with a gap in its months, a quarterly figure that is the sum of its months, and so
 * on; the pure plans behind it are checked more closely in test_seed.c. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "seed.h"

static PGconn *pg;
static char ref[64]; /* the reference moment, as SQL */

static long count(const char *sql)
{
    PGresult *r = PQexec(pg, sql);
    long n = -1;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
        n = strtol(PQgetvalue(r, 0, 0), NULL, 10);
    else
        fprintf(stderr, "  sql failed: %s: %s", sql, PQerrorMessage(pg));
    PQclear(r);
    return n;
}

/* Runs a count with the reference moment in place of each %s. */
static long count_at_ref(const char *fmt)
{
    char sql[2048];
    snprintf(sql, sizeof sql, fmt, ref, ref, ref);
    return count(sql);
}

/* How many are registered for session `s` (an alias in the query). */
#define REGISTERED(s)                                                                                        \
    "(SELECT count(*) FROM session_registrations g"                                                          \
    " WHERE g.session_id = " s ".id AND g.status = 'registered')"

/* A rule and the SQL that counts the rows breaking it: 0 when kept. %s
 * stands for the reference moment. */
typedef struct {
    const char *rule;
    const char *sql;
} never_rule;

static void no_rule_broken(const never_rule *rules, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        long broken = count_at_ref(rules[i].sql);
        if (broken != 0)
            fprintf(stderr, "  %s: %ld\n", rules[i].rule, broken);
        CHECK(broken == 0);
    }
}

static const never_rule NEVER[] = {
    {"more registered than seats", "SELECT count(*) FROM sessions s WHERE s.capacity < " REGISTERED("s")},
    {"a waitlist beside a free seat",
     "SELECT count(DISTINCT s.id) FROM sessions s JOIN session_registrations w ON w.session_id = s.id"
     " WHERE w.status = 'waitlisted' AND (s.capacity IS NULL OR s.capacity > " REGISTERED("s") ")"},
    {"waiting in line ahead of someone seated who signed up later",
     "SELECT count(*) FROM session_registrations w JOIN session_registrations g USING (session_id)"
     " WHERE w.status = 'waitlisted' AND g.status = 'registered' AND g.created_at >= w.queued"},
    {"queued without waiting, or waiting without a place in line",
     "SELECT count(*) FROM session_registrations WHERE (status = 'waitlisted') <> (queued IS NOT NULL)"},
    {"attended without a seat",
     "SELECT count(*) FROM session_registrations WHERE attended AND status <> 'registered'"},
    {"attended an upcoming session",
     "SELECT count(*) FROM session_registrations r JOIN sessions s ON s.id = r.session_id"
     " WHERE r.attended AND s.starts_at >= %s"},
    {"attendance outside 70-85% of those registered for a past session",
     "SELECT count(*) FROM (SELECT s.id, count(*) FILTER (WHERE r.status = 'registered') AS reg,"
     "   count(*) FILTER (WHERE r.attended) AS came FROM sessions s JOIN session_registrations r ON "
     "r.session_id = s.id"
     "   WHERE s.starts_at < %s GROUP BY s.id) x"
     " WHERE reg > 0 AND (came * 100 < reg * 70 - 50 OR came * 100 > reg * 85 + 50)"},
    {"feedback from someone who did not attend",
     "SELECT count(*) FROM session_feedback f JOIN session_registrations r USING (session_id, member_id)"
     " WHERE NOT r.attended"},
    {"feedback before the end, before attendance was taken, or after the reference day",
     "SELECT count(*) FROM session_feedback f JOIN sessions s ON s.id = f.session_id"
     " JOIN session_registrations r USING (session_id, member_id)"
     " WHERE f.created_at <= s.ends_at OR f.created_at <= r.updated_at OR f.created_at >= %s"},
    {"a sign-up by an inactive member, or by one who joined on the day or later",
     "SELECT count(*) FROM session_registrations r JOIN sessions s ON s.id = r.session_id"
     " JOIN members m ON m.id = r.member_id"
     " WHERE NOT m.active OR m.joined_at >= (s.starts_at AT TIME ZONE 'Europe/Amsterdam')::date"},
    {"a sign-up before the announcement, after the start or after the reference day",
     "SELECT count(*) FROM session_registrations r JOIN sessions s ON s.id = r.session_id"
     " WHERE r.created_at <= s.created_at OR r.created_at >= s.starts_at OR r.updated_at >= %s"},
    {"a host without the organizer role", "SELECT count(*) FROM sessions s JOIN members m ON m.id = "
                                          "s.host_id WHERE NOT 'organizer' = ANY (m.roles)"},
    {"a session outside working hours, shorter than 1.5 or longer than 3 hours",
     "SELECT count(*) FROM sessions WHERE (starts_at AT TIME ZONE 'Europe/Amsterdam')::time < '08:00'"
     " OR (ends_at AT TIME ZONE 'Europe/Amsterdam')::time > '18:00'"
     " OR ends_at - starts_at NOT BETWEEN interval '90 minutes' AND interval '3 hours'"},
    {"a session announced less than two weeks ahead, or changed after it started",
     "SELECT count(*) FROM sessions WHERE created_at > starts_at - interval '14 days'"
     " OR updated_at < created_at OR updated_at >= starts_at OR updated_at >= %s"},
    {"an insight with a theme that is not one of the Ombudsman's",
     "SELECT count(*) FROM session_insights WHERE theme_code NOT IN (SELECT code FROM complaint_themes)"},
    {"an insight not by the host, or of a session other than a past listening session",
     "SELECT count(*) FROM session_insights i JOIN sessions s ON s.id = i.session_id"
     " WHERE i.author_id IS DISTINCT FROM s.host_id OR s.kind <> 'listening' OR s.starts_at >= %s"
     " OR i.created_at <= s.ends_at"},
    {"a past listening session without 2-5 insights",
     "SELECT count(*) FROM sessions s WHERE s.kind = 'listening' AND s.starts_at < %s"
     " AND (SELECT count(*) FROM session_insights i WHERE i.session_id = s.id) NOT BETWEEN 2 AND 5"},
};

static void sessions_keep_the_rules(void)
{
    no_rule_broken(NEVER, sizeof NEVER / sizeof NEVER[0]);
}

/* What the front end's first screen and the demo logins need. */
static void sessions_give_the_demo_something(void)
{
    CHECK(count("SELECT count(*) FROM sessions") >= 40);
    CHECK(count_at_ref("SELECT count(*) FROM sessions s WHERE s.starts_at >= %s AND s.capacity = " REGISTERED(
              "s") " AND EXISTS (SELECT 1 FROM session_registrations w WHERE w.session_id = s.id"
                   " AND w.status = 'waitlisted')") >= 1);
    CHECK(count_at_ref("SELECT count(*) FROM sessions s WHERE s.starts_at >= %s"
                       " AND (s.capacity IS NULL OR s.capacity > " REGISTERED("s") ")") >= 1);
    static const char *const DEMO =
        "SELECT count(*) FROM session_registrations r JOIN sessions s ON s.id = r.session_id"
        " JOIN members m ON m.id = r.member_id WHERE m.email = 'demo.member@" SEED_EMAIL_DOMAIN "'"
        " AND s.starts_at >= %%s AND r.status = '%s'";
    char sql[512];
    snprintf(sql, sizeof sql, DEMO, "registered");
    CHECK(count_at_ref(sql) >= 1);
    snprintf(sql, sizeof sql, DEMO, "waitlisted");
    CHECK(count_at_ref(sql) >= 1);
    /* The programme's story: the launch first, the Ombudsman heard first. */
    CHECK(count("SELECT count(*) FROM (SELECT title FROM sessions ORDER BY starts_at LIMIT 1) x"
                " WHERE title = 'Lancering programmaplan DNA Dienstverlening'") == 1);
    CHECK(count("SELECT count(*) FROM (SELECT partner FROM sessions WHERE kind = 'listening'"
                " ORDER BY starts_at LIMIT 1) x WHERE partner = 'Haagse Ombudsman'") == 1);
    CHECK(count("SELECT count(*) FROM session_feedback") > 0);
    CHECK(count("SELECT count(*) FROM session_registrations WHERE status = 'cancelled'") > 0);
    /* The seed's line in the audit log counts them. */
    CHECK(count("SELECT count(*) FROM audit_log WHERE entity = 'seed'"
                " AND (changes->>'sessions')::bigint = (SELECT count(*) FROM sessions)") == 1);
}

/* The first day of the last month with counts: the one before the reference day's. */
#define LAST_MONTH "(date_trunc('month', %s AT TIME ZONE 'Europe/Amsterdam') - interval '1 month')::date"

static const never_rule THEMES_NEVER[] = {
    {"a theme without exactly 24 monthly counts",
     "SELECT count(*) FROM complaint_themes t WHERE (SELECT count(*) FROM complaint_theme_periods p"
     " WHERE p.theme_code = t.code AND p.kind = 'month') <> 24"},
    {"monthly counts not spanning the 24 months up to the month before the reference day",
     "SELECT count(*) FROM (SELECT min(starts_on) AS lo, max(starts_on) AS hi FROM complaint_theme_periods"
     " WHERE kind = 'month' GROUP BY theme_code) x WHERE hi <> " LAST_MONTH
     " OR lo <> hi - interval '23 months'"},
    {"a report linked to a theme that is not the office's",
     "SELECT count(*) FROM reports WHERE theme_code NOT IN (SELECT code FROM complaint_themes)"},
    {"a quarterly figure that is the sum of its months",
     "SELECT count(*) FROM complaint_theme_periods q WHERE q.kind = 'quarter' AND q.complaint_count ="
     " (SELECT sum(m.complaint_count) FROM complaint_theme_periods m WHERE m.theme_code = q.theme_code"
     "  AND m.kind = 'month' AND m.starts_on >= q.starts_on"
     "  AND m.starts_on < q.starts_on + interval '3 months')"},
    {"a quarterly figure for a quarter without all three months counted",
     "SELECT count(*) FROM complaint_theme_periods q WHERE q.kind = 'quarter' AND (SELECT count(*)"
     " FROM complaint_theme_periods m WHERE m.theme_code = q.theme_code AND m.kind = 'month'"
     "  AND m.starts_on >= q.starts_on AND m.starts_on < q.starts_on + interval '3 months') <> 3"},
    {"a figure pushed before its period's last evening, or on or after the reference day",
     "SELECT count(*) FROM complaint_theme_periods WHERE created_at >= %s OR updated_at <> created_at"
     " OR created_at AT TIME ZONE 'Europe/Amsterdam' < starts_on + CASE kind WHEN 'month'"
     "  THEN interval '1 month' - interval '2 hours' ELSE interval '3 months' END"},
    {"a theme registered after a report linked to it was filed, or after its first figure",
     "SELECT (SELECT count(*) FROM reports r JOIN complaint_themes t ON t.code = r.theme_code"
     "  WHERE r.created_at < t.created_at)"
     " + (SELECT count(*) FROM complaint_theme_periods p JOIN complaint_themes t ON t.code = p.theme_code"
     "  WHERE p.created_at < t.created_at)"},
    {"a negative count, or a summary that says nothing",
     "SELECT count(*) FROM complaint_theme_periods WHERE complaint_count < 0 OR summary IS NULL"
     " OR length(summary) < 20"},
    /* The programme's stories, where the sessions behind them took place
     * early enough to be seen in the counts. */
    {"letters not down by a third in the last half year against the months before the first B1 session",
     "WITH s AS (SELECT date_trunc('month', min(starts_at) AT TIME ZONE 'Europe/Amsterdam')::date AS m"
     "  FROM sessions WHERE starts_at < %s"
     "  AND title IN ('Schrijven op B1-niveau', 'Workshop: brieven herschrijven op B1-niveau')),"
     " p AS (SELECT starts_on, complaint_count AS n FROM complaint_theme_periods"
     "  WHERE theme_code = 'onbegrijpelijke-brieven' AND kind = 'month'),"
     " w AS (SELECT min(starts_on) AS first, max(starts_on) AS last FROM p)"
     " SELECT count(*) FROM s, w WHERE s.m >= w.first + interval '3 months'"
     "  AND s.m <= w.last - interval '9 months'"
     "  AND (SELECT avg(n) FROM p WHERE starts_on < s.m AND starts_on >= s.m - interval '6 months')"
     "   <= 1.5 * (SELECT avg(n) FROM p WHERE starts_on > w.last - interval '6 months')"},
    /* (Where the window opens on 14070's spring peak, its first months are
     * high too: the rise itself is test_seed's to check.) */
    {"14070 not high around the KCC's listening session against the last half year, or not below its start",
     "WITH s AS (SELECT date_trunc('month', min(starts_at) AT TIME ZONE 'Europe/Amsterdam')::date AS m"
     "  FROM sessions WHERE starts_at < %s"
     "  AND title = 'Luistersessie: het Klantcontactcentrum 14070 aan het woord'),"
     " p AS (SELECT starts_on, complaint_count AS n FROM complaint_theme_periods"
     "  WHERE theme_code = 'bereikbaarheid-14070' AND kind = 'month'),"
     " f AS (SELECT avg(n) AS f FROM (SELECT n FROM p ORDER BY starts_on LIMIT 3) x),"
     " l AS (SELECT avg(n) AS l FROM (SELECT n FROM p ORDER BY starts_on DESC LIMIT 6) x)"
     " SELECT count(*) FROM s, f, l WHERE s.m IS NOT NULL AND ((SELECT max(n) FROM p"
     "  WHERE starts_on BETWEEN s.m - interval '3 months' AND s.m + interval '3 months') < 2.5 * l.l"
     "  OR l.l >= f.f)"},
};

static void themes_keep_the_rules(void)
{
    no_rule_broken(THEMES_NEVER, sizeof THEMES_NEVER / sizeof THEMES_NEVER[0]);
}

/* The thread of issue 9 for several themes: what residents complained
 * about, what staff reported, what was learned. */
static void themes_tell_a_story(void)
{
    CHECK(count("SELECT count(*) FROM complaint_themes") == 15);
    CHECK(count("SELECT count(DISTINCT theme_code) FROM complaint_theme_periods WHERE kind = 'quarter'") >=
          3);
    CHECK(count("SELECT count(*) FROM complaint_themes t WHERE EXISTS (SELECT 1 FROM reports r"
                " WHERE r.theme_code = t.code)") >= 12);
    CHECK(count("SELECT count(*) FROM complaint_themes t"
                " WHERE (SELECT count(*) FROM reports r WHERE r.theme_code = t.code) >= 3"
                " AND EXISTS (SELECT 1 FROM session_insights i WHERE i.theme_code = t.code)") >= 5);
    /* The seed's line in the audit log counts them. */
    CHECK(
        count("SELECT count(*) FROM audit_log WHERE entity = 'seed'"
              " AND (changes->>'themes')::bigint = (SELECT count(*) FROM complaint_themes)"
              " AND (changes->>'theme_periods')::bigint = (SELECT count(*) FROM complaint_theme_periods)") ==
        1);
}

int main(void)
{
    const char *url = getenv("DNA_TEST_DATABASE_URL");
    if (url == NULL || url[0] == '\0') {
        printf("%s: 0 passed, 1 failed (DNA_TEST_DATABASE_URL is not set)\n", __FILE__);
        return 1;
    }
    pg = PQconnectdb(url);
    if (PQstatus(pg) != CONNECTION_OK) {
        printf("%s: 0 passed, 1 failed (no database: %s)\n", __FILE__, PQerrorMessage(pg));
        PQfinish(pg);
        return 1;
    }
    /* The seed's --as-of, from its line in the audit log. */
    PGresult *r =
        PQexec(pg, "SELECT changes->>'as_of' FROM audit_log WHERE entity = 'seed' ORDER BY id DESC LIMIT 1");
    int known = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0) &&
                strlen(PQgetvalue(r, 0, 0)) == 10;
    if (known)
        snprintf(ref, sizeof ref, "'%s 00:00 Europe/Amsterdam'::timestamptz", PQgetvalue(r, 0, 0));
    PQclear(r);
    if (!known) {
        printf("%s: 0 passed, 1 failed (no seed's line with as_of in the audit log)\n", __FILE__);
        PQfinish(pg);
        return 1;
    }
    RUN(sessions_keep_the_rules);
    RUN(sessions_give_the_demo_something);
    RUN(themes_keep_the_rules);
    RUN(themes_tell_a_story);
    PQfinish(pg);
    HARNESS_END();
}
