/* stats.c: the statistics as listings: one statement each, built by
 * PostgreSQL, gaps filled with zeros, the small-group rule applied in SQL. */
#include "stats.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "params.h"
#include "text.h"

/* ---- the parts every statistic shares -------------------------------------
 * {from} and {to} are dates (both inclusive, Amsterdam days); {suppress} is
 * true for analysts. */

#define LOCAL_DAY(ts) "((" ts ") AT TIME ZONE 'Europe/Amsterdam')::date"
#define IN_RANGE(ts)                                                                                         \
    "(" ts " >= ({from}::timestamp AT TIME ZONE 'Europe/Amsterdam')"                                         \
    " AND " ts " < (({to} + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'))"

/* The groups a statistic reports on, every one of them (k: its name, o: its
 * order, day: a period's first day). */
#define WEEKS                                                                                                \
    "SELECT d::date AS day, to_char(d, 'IYYY-\"W\"IW') AS k, d AS o FROM generate_series("                   \
    "date_trunc('week', {from}::timestamp), {to}::timestamp, interval '1 week') AS d"
#define MONTHS                                                                                               \
    "SELECT d::date AS day, to_char(d, 'YYYY-MM') AS k, d AS o FROM generate_series("                        \
    "date_trunc('month', {from}::timestamp), {to}::timestamp, interval '1 month') AS d"
#define DEPARTMENTS "SELECT NULL::date AS day, code AS k, code AS o, name, staff_count, id FROM departments"
#define VALUES(list)                                                                                         \
    "SELECT NULL::date AS day, v AS k, n AS o FROM unnest(ARRAY[" list "]) WITH ORDINALITY AS u(v, n)"

/* Which groupings a listing accepts as ?group_by=, and the context. */
#define STATS_FILTERS(groupings)                                                                             \
    {                                                                                                        \
        {"from", LISTING_DATE, .where = NULL}, {"to", LISTING_DATE, .where = NULL},                          \
            {"group_by", LISTING_ENUM, .values = groupings, .where = NULL},                                  \
            {"suppress", LISTING_CONTEXT, .type = "boolean", .where = NULL},                                 \
        {                                                                                                    \
            NULL                                                                                             \
        }                                                                                                    \
    }

static const char *const NO_GROUPING[] = {NULL};

/* Rows come in the order of their groups; sort=-<group> reverses it. */
#define STATS_LIST(list_name, key, row_sql, columns_sql, from_sql, header, groupings)                        \
    static const listing_filter list_name##_FILTERS[] = STATS_FILTERS(groupings);                            \
    static const listing_sort list_name##_SORTS[] = {{key, "s.id", "bigint"}, {NULL}};                       \
    static const listing_def list_name = {                                                                   \
        .name = "stats_" #list_name,                                                                         \
        .row = row_sql "::text",                                                                             \
        .columns = columns_sql,                                                                              \
        .from = from_sql,                                                                                    \
        .id = "s.id",                                                                                        \
        .updated_at = "now()",                                                                               \
        .csv_header = header,                                                                                \
        .default_sort = key,                                                                                 \
        .filters = list_name##_FILTERS,                                                                      \
        .sorts = list_name##_SORTS,                                                                          \
        .aggregates = 1,                                                                                     \
    }

#define SUPPRESSED(names, counts)                                                                            \
    "stats_suppressed({suppress}, ARRAY[" names "], ARRAY[" counts "]::bigint[])"
#define PEOPLE(n) "stats_people(" n ", {suppress})"
#define FIGURE(x, n) "stats_people_figure(" x ", " n ", {suppress})"

// clang-format off

/* ---- /stats/reports ---------------------------------------------------------
 * Filed in the range (by when they were filed), resolved in the range (by
 * when they were resolved), the median days from filing to leaving `new`
 * and to resolution. */

#define REPORTS_FROM(groups, filed_key, resolved_key)                                                        \
    " FROM (SELECT row_number() OVER (ORDER BY g.o)::bigint AS id, g.k,"                                     \
    "   COALESCE(f.filed, 0) AS filed, COALESCE(f.triaged, 0) AS triaged, f.median_triage,"                  \
    "   COALESCE(z.resolved, 0) AS resolved, z.median_resolve"                                               \
    " FROM (" groups ") g"                                                                                   \
    " LEFT JOIN (SELECT " filed_key " AS k, count(*) AS filed, count(t.days) AS triaged,"                    \
    "   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days)::numeric, 1) AS median_triage"             \
    "   FROM reports r JOIN departments d ON d.id = r.department_id"                                         \
    "   LEFT JOIN LATERAL (SELECT extract(epoch FROM min(h.at) - r.created_at) / 86400 AS days"              \
    "     FROM report_history h WHERE h.report_id = r.id AND h.from_status = 'new') t ON true"               \
    "   WHERE " IN_RANGE("r.created_at") " GROUP BY 1) f ON f.k = g.k"                                       \
    " LEFT JOIN (SELECT " resolved_key " AS k, count(*) AS resolved,"                                        \
    "   round(percentile_cont(0.5) WITHIN GROUP"                                                             \
    "     (ORDER BY extract(epoch FROM r.closed_at - r.created_at) / 86400)::numeric, 1) AS median_resolve"  \
    "   FROM reports r JOIN departments d ON d.id = r.department_id"                                         \
    "   WHERE r.status = 'resolved' AND " IN_RANGE("r.closed_at") " GROUP BY 1) z ON z.k = g.k) s"

#define REPORTS_SUPPRESSED                                                                                   \
    SUPPRESSED("'reports_filed', 'reports_resolved', 'median_days_to_resolve', 'median_days_to_triage'",     \
               "s.filed, s.resolved, s.resolved, s.triaged")

#define REPORTS_ROW(key)                                                                                     \
    "json_build_object('" key "', s.k, 'reports_filed', " PEOPLE("s.filed") ","                              \
    " 'reports_resolved', " PEOPLE("s.resolved") ","                                                         \
    " 'median_days_to_resolve', " FIGURE("s.median_resolve", "s.resolved") ","                               \
    " 'median_days_to_triage', " FIGURE("s.median_triage", "s.triaged") ","                                  \
    " 'suppressed', " REPORTS_SUPPRESSED ")"

#define REPORTS_COLUMNS(key)                                                                                 \
    "s.k AS " key ", " PEOPLE("s.filed") " AS reports_filed, " PEOPLE("s.resolved") " AS reports_resolved, " \
    FIGURE("s.median_resolve", "s.resolved") " AS median_days_to_resolve, "                                 \
    FIGURE("s.median_triage", "s.triaged") " AS median_days_to_triage, "                                    \
    "array_to_string(" REPORTS_SUPPRESSED ", ';') AS suppressed"

#define REPORTS_HEADER(key) key ",reports_filed,reports_resolved,median_days_to_resolve,median_days_to_triage,suppressed"

#define WEEK_OF(ts) "to_char(date_trunc('week', " LOCAL_DAY(ts) "), 'IYYY-\"W\"IW')"
#define MONTH_OF(ts) "to_char(" LOCAL_DAY(ts) ", 'YYYY-MM')"

static const char *const REPORT_GROUPINGS[] = {"week", "month", "department", "category", "status", NULL};

STATS_LIST(REPORTS_WEEK, "week", REPORTS_ROW("week"), REPORTS_COLUMNS("week"),
           REPORTS_FROM(WEEKS, WEEK_OF("r.created_at"), WEEK_OF("r.closed_at")), REPORTS_HEADER("week"),
           REPORT_GROUPINGS);
STATS_LIST(REPORTS_MONTH, "month", REPORTS_ROW("month"), REPORTS_COLUMNS("month"),
           REPORTS_FROM(MONTHS, MONTH_OF("r.created_at"), MONTH_OF("r.closed_at")), REPORTS_HEADER("month"),
           REPORT_GROUPINGS);
STATS_LIST(REPORTS_DEPARTMENT, "department", REPORTS_ROW("department"), REPORTS_COLUMNS("department"),
           REPORTS_FROM(DEPARTMENTS, "d.code", "d.code"), REPORTS_HEADER("department"), REPORT_GROUPINGS);
STATS_LIST(REPORTS_CATEGORY, "category", REPORTS_ROW("category"), REPORTS_COLUMNS("category"),
           REPORTS_FROM(VALUES("'procedure', 'regulation', 'it_system', 'form', 'communication', 'other'"),
                        "r.category", "r.category"),
           REPORTS_HEADER("category"), REPORT_GROUPINGS);
STATS_LIST(REPORTS_STATUS, "status", REPORTS_ROW("status"), REPORTS_COLUMNS("status"),
           REPORTS_FROM(VALUES("'new', 'triaged', 'in_progress', 'resolved', 'rejected', 'duplicate'"),
                        "r.status", "r.status"),
           REPORTS_HEADER("status"), REPORT_GROUPINGS);

static const listing_def *const REPORT_LISTS[] = {&REPORTS_WEEK, &REPORTS_MONTH, &REPORTS_DEPARTMENT,
                                                  &REPORTS_CATEGORY, &REPORTS_STATUS};
const stats_def STATS_REPORTS = {"reports", REPORT_GROUPINGS, REPORT_LISTS};

/* ---- /stats/sessions ----------------------------------------------------------
 * Sessions that start in the range and were not cancelled; attendance is
 * counted for the ones held already (started before now). */

#define SESSIONS_FROM(groups, key)                                                                           \
    " FROM (SELECT row_number() OVER (ORDER BY g.o)::bigint AS id, g.k,"                                     \
    "   COALESCE(a.sessions, 0) AS sessions, COALESCE(a.held, 0) AS held,"                                   \
    "   COALESCE(a.registrations, 0)::bigint AS registrations,"                                              \
    "   COALESCE(a.registered_held, 0)::bigint AS registered_held, COALESCE(a.attended, 0)::bigint AS attended," \
    "   COALESCE(a.feedback, 0)::bigint AS feedback, a.rating"                                               \
    " FROM (" groups ") g"                                                                                   \
    " LEFT JOIN (SELECT " key " AS k, count(*) AS sessions, count(*) FILTER (WHERE x.held) AS held,"        \
    "   sum(x.registered) AS registrations, sum(x.registered) FILTER (WHERE x.held) AS registered_held,"     \
    "   sum(x.attended) AS attended, sum(x.feedback) AS feedback,"                                           \
    "   round(sum(x.ratings)::numeric / NULLIF(sum(x.feedback), 0), 2) AS rating"                            \
    "   FROM (SELECT e.kind, e.starts_at, e.starts_at < now() AS held,"                                      \
    "     count(r.member_id) FILTER (WHERE r.status = 'registered') AS registered,"                          \
    "     count(r.member_id) FILTER (WHERE r.attended) AS attended,"                                         \
    "     (SELECT count(*) FROM session_feedback f WHERE f.session_id = e.id) AS feedback,"                  \
    "     (SELECT COALESCE(sum(f.rating), 0) FROM session_feedback f WHERE f.session_id = e.id) AS ratings"  \
    "     FROM sessions e LEFT JOIN session_registrations r ON r.session_id = e.id"                          \
    "     WHERE e.cancelled_at IS NULL AND " IN_RANGE("e.starts_at") " GROUP BY e.id) x"                     \
    "   GROUP BY 1) a ON a.k = g.k) s"

#define SESSIONS_SUPPRESSED                                                                                  \
    SUPPRESSED("'registrations', 'attended', 'attendance_rate_percent', 'feedback_count', 'average_rating'", \
               "s.registrations, s.attended, s.registered_held, s.feedback, s.feedback")
#define ATTENDANCE_RATE "round(100.0 * s.attended / NULLIF(s.registered_held, 0), 1)"

#define SESSIONS_ROW(key)                                                                                    \
    "json_build_object('" key "', s.k, 'sessions', s.sessions, 'sessions_held', s.held,"                     \
    " 'registrations', " PEOPLE("s.registrations") ", 'attended', " PEOPLE("s.attended") ","                 \
    " 'attendance_rate_percent', " FIGURE(ATTENDANCE_RATE, "s.registered_held") ","                         \
    " 'feedback_count', " PEOPLE("s.feedback") ", 'average_rating', " FIGURE("s.rating", "s.feedback") ","   \
    " 'suppressed', " SESSIONS_SUPPRESSED ")"

#define SESSIONS_COLUMNS(key)                                                                                \
    "s.k AS " key ", s.sessions, s.held AS sessions_held, " PEOPLE("s.registrations") " AS registrations, " \
    PEOPLE("s.attended") " AS attended, " FIGURE(ATTENDANCE_RATE, "s.registered_held")                      \
    " AS attendance_rate_percent, " PEOPLE("s.feedback") " AS feedback_count, "                             \
    FIGURE("s.rating", "s.feedback") " AS average_rating, array_to_string(" SESSIONS_SUPPRESSED ", ';') AS suppressed"

#define SESSIONS_HEADER(key)                                                                                 \
    key ",sessions,sessions_held,registrations,attended,attendance_rate_percent,feedback_count,average_rating,suppressed"

static const char *const SESSION_GROUPINGS[] = {"month", "kind", NULL};

STATS_LIST(SESSIONS_MONTH, "month", SESSIONS_ROW("month"), SESSIONS_COLUMNS("month"),
           SESSIONS_FROM(MONTHS, MONTH_OF("x.starts_at")), SESSIONS_HEADER("month"), SESSION_GROUPINGS);
STATS_LIST(SESSIONS_KIND, "kind", SESSIONS_ROW("kind"), SESSIONS_COLUMNS("kind"),
           SESSIONS_FROM(VALUES("'inspiration', 'listening', 'leadership', 'workshop'"), "x.kind"),
           SESSIONS_HEADER("kind"), SESSION_GROUPINGS);

static const listing_def *const SESSION_LISTS[] = {&SESSIONS_MONTH, &SESSIONS_KIND};
const stats_def STATS_SESSIONS = {"sessions", SESSION_GROUPINGS, SESSION_LISTS};

/* ---- /stats/members -------------------------------------------------------------
 * Members who joined in the range (erased ones left out), and the network's
 * size: members by the end of each month (or now, per department), and how
 * many of them are active today. */

#define MEMBERS_JOINED(cond)                                                                                 \
    "(SELECT count(*) FROM members m WHERE m.erased_at IS NULL AND m.joined_at BETWEEN {from} AND {to}"      \
    " AND " cond ")"
#define MEMBERS_UNTIL(cond, extra)                                                                           \
    "(SELECT count(*) FROM members m WHERE m.erased_at IS NULL" extra " AND " cond ")"

#define MEMBERS_MONTH_FROM                                                                                   \
    " FROM (SELECT row_number() OVER (ORDER BY g.o)::bigint AS id, g.k,"                                     \
    MEMBERS_JOINED("m.joined_at >= g.day AND m.joined_at < g.day + interval '1 month'") " AS joined, "      \
    MEMBERS_UNTIL("m.joined_at < g.day + interval '1 month'", "") " AS total, "                              \
    MEMBERS_UNTIL("m.joined_at < g.day + interval '1 month'", " AND m.active") " AS active"                 \
    " FROM (" MONTHS ") g) s"

#define MEMBERS_DEPARTMENT_FROM                                                                              \
    " FROM (SELECT row_number() OVER (ORDER BY g.o)::bigint AS id, g.k,"                                     \
    MEMBERS_JOINED("m.department_id = g.id") " AS joined, "                                                  \
    MEMBERS_UNTIL("m.department_id = g.id", "") " AS total, "                                                \
    MEMBERS_UNTIL("m.department_id = g.id", " AND m.active") " AS active"                                    \
    " FROM (" DEPARTMENTS ") g) s"

#define MEMBERS_SUPPRESSED SUPPRESSED("'joined', 'members_total', 'active_total'", "s.joined, s.total, s.active")
#define MEMBERS_ROW(key)                                                                                     \
    "json_build_object('" key "', s.k, 'joined', " PEOPLE("s.joined") ", 'members_total', " PEOPLE("s.total") \
    ", 'active_total', " PEOPLE("s.active") ", 'suppressed', " MEMBERS_SUPPRESSED ")"
#define MEMBERS_COLUMNS(key)                                                                                 \
    "s.k AS " key ", " PEOPLE("s.joined") " AS joined, " PEOPLE("s.total") " AS members_total, "             \
    PEOPLE("s.active") " AS active_total, array_to_string(" MEMBERS_SUPPRESSED ", ';') AS suppressed"
#define MEMBERS_HEADER(key) key ",joined,members_total,active_total,suppressed"

static const char *const MEMBER_GROUPINGS[] = {"month", "department", NULL};

STATS_LIST(MEMBERS_MONTH, "month", MEMBERS_ROW("month"), MEMBERS_COLUMNS("month"), MEMBERS_MONTH_FROM,
           MEMBERS_HEADER("month"), MEMBER_GROUPINGS);
STATS_LIST(MEMBERS_DEPARTMENT, "department", MEMBERS_ROW("department"), MEMBERS_COLUMNS("department"),
           MEMBERS_DEPARTMENT_FROM, MEMBERS_HEADER("department"), MEMBER_GROUPINGS);

static const listing_def *const MEMBER_LISTS[] = {&MEMBERS_MONTH, &MEMBERS_DEPARTMENT};
const stats_def STATS_MEMBERS = {"members", MEMBER_GROUPINGS, MEMBER_LISTS};

/* ---- /stats/network ----------------------------------------------------------
 * Per department: how far the network reaches and what it does there. Every
 * department is a row, those with none of it too: the blind spots. */

#define NETWORK_FROM                                                                                         \
    " FROM (SELECT row_number() OVER (ORDER BY g.o)::bigint AS id, g.k, g.name, g.staff_count,"              \
    "   (SELECT count(*) FROM members m WHERE m.department_id = g.id AND m.erased_at IS NULL) AS members,"   \
    "   (SELECT count(*) FROM members m WHERE m.department_id = g.id AND m.erased_at IS NULL"                \
    "     AND m.active) AS active,"                                                                          \
    "   (SELECT count(*) FROM session_registrations r JOIN sessions e ON e.id = r.session_id"                \
    "     JOIN members m ON m.id = r.member_id WHERE m.department_id = g.id AND r.attended"                  \
    "     AND " IN_RANGE("e.starts_at") ") AS attended,"                                                     \
    "   (SELECT count(DISTINCT r.member_id) FROM session_registrations r JOIN sessions e ON e.id = r.session_id" \
    "     JOIN members m ON m.id = r.member_id WHERE m.department_id = g.id AND r.attended"                  \
    "     AND " IN_RANGE("e.starts_at") ") AS attendees,"                                                    \
    "   (SELECT count(*) FROM reports p JOIN members m ON m.id = p.reporter_id"                              \
    "     WHERE m.department_id = g.id AND " IN_RANGE("p.created_at") ") AS filed,"                          \
    "   (SELECT count(*) FROM reports p WHERE p.department_id = g.id AND " IN_RANGE("p.created_at") ") AS about," \
    "   (SELECT count(*) FROM initiatives i WHERE i.department_id = g.id) AS initiatives"                    \
    " FROM (" DEPARTMENTS ") g) s"

#define NETWORK_SHARE "round(100.0 * s.members / NULLIF(s.staff_count, 0), 1)"
#define NETWORK_SUPPRESSED                                                                                   \
    SUPPRESSED("'members', 'active_members', 'share_of_staff_reached_percent', 'sessions_attended',"         \
               " 'members_attending', 'reports_filed_by_members', 'reports_about_department', 'initiatives_owned'", \
               "s.members, s.active, s.members, s.attended, s.attendees, s.filed, s.about, s.initiatives")

#define NETWORK_ROW                                                                                          \
    "json_build_object('department', s.k, 'department_name', s.name, 'staff_count', s.staff_count,"          \
    " 'members', " PEOPLE("s.members") ", 'active_members', " PEOPLE("s.active") ","                         \
    " 'share_of_staff_reached_percent', " FIGURE(NETWORK_SHARE, "s.members") ","                             \
    " 'sessions_attended', " PEOPLE("s.attended") ", 'members_attending', " PEOPLE("s.attendees") ","        \
    " 'reports_filed_by_members', " PEOPLE("s.filed") ", 'reports_about_department', " PEOPLE("s.about") "," \
    " 'initiatives_owned', " PEOPLE("s.initiatives") ", 'suppressed', " NETWORK_SUPPRESSED ")"

#define NETWORK_COLUMNS                                                                                      \
    "s.k AS department, s.name AS department_name, s.staff_count, " PEOPLE("s.members") " AS members, "      \
    PEOPLE("s.active") " AS active_members, " FIGURE(NETWORK_SHARE, "s.members")                             \
    " AS share_of_staff_reached_percent, " PEOPLE("s.attended") " AS sessions_attended, "                   \
    PEOPLE("s.attendees") " AS members_attending, " PEOPLE("s.filed") " AS reports_filed_by_members, "       \
    PEOPLE("s.about") " AS reports_about_department, " PEOPLE("s.initiatives") " AS initiatives_owned, "     \
    "array_to_string(" NETWORK_SUPPRESSED ", ';') AS suppressed"

static const char *const NETWORK_GROUPINGS[] = {"department", NULL};

STATS_LIST(NETWORK_DEPARTMENT, "department", NETWORK_ROW, NETWORK_COLUMNS, NETWORK_FROM,
           "department,department_name,staff_count,members,active_members,share_of_staff_reached_percent,"
           "sessions_attended,members_attending,reports_filed_by_members,reports_about_department,"
           "initiatives_owned,suppressed",
           NETWORK_GROUPINGS);

static const listing_def *const NETWORK_LISTS[] = {&NETWORK_DEPARTMENT};
const stats_def STATS_NETWORK = {"network", NETWORK_GROUPINGS, NETWORK_LISTS};

/* ---- /stats/themes -------------------------------------------------------------
 * Per complaint theme: the complaints of the months in the range (the
 * monthly series only), and what the programme linked to it. */

#define THEMES_FROM                                                                                          \
    " FROM (SELECT row_number() OVER (ORDER BY c.total DESC, t.code)::bigint AS id, t.code AS k, t.title,"   \
    "   c.total, c.months,"                                                                                  \
    "   (SELECT count(*) FROM reports r WHERE r.theme_code = t.code) AS reports,"                            \
    "   (SELECT count(*) FROM reports r WHERE r.theme_code = t.code AND r.status = 'resolved') AS resolved," \
    "   (SELECT count(*) FROM session_insights i WHERE i.theme_code = t.code) AS insights,"                  \
    "   (SELECT count(*) FROM initiative_themes it WHERE it.theme_code = t.code) AS initiatives,"            \
    "   (SELECT count(*) FROM initiative_themes it JOIN initiatives n ON n.id = it.initiative_id"            \
    "     WHERE it.theme_code = t.code AND n.status IN ('active', 'completed')) AS initiatives_acting"       \
    " FROM complaint_themes t CROSS JOIN LATERAL (SELECT COALESCE(sum(p.complaint_count), 0) AS total,"      \
    "   count(*) AS months FROM complaint_theme_periods p WHERE p.theme_code = t.code AND p.kind = 'month'"  \
    "   AND p.starts_on BETWEEN date_trunc('month', {from}::timestamp) AND {to}) c) s"

#define THEMES_SUPPRESSED SUPPRESSED("'reports_linked', 'reports_resolved'", "s.reports, s.resolved")
#define THEMES_ROW                                                                                           \
    "json_build_object('code', s.k, 'title', s.title, 'complaints', s.total, 'months_reported', s.months,"   \
    " 'reports_linked', " PEOPLE("s.reports") ", 'reports_resolved', " PEOPLE("s.resolved") ","              \
    " 'insights', s.insights, 'initiatives_linked', s.initiatives,"                                          \
    " 'initiatives_active_or_completed', s.initiatives_acting, 'suppressed', " THEMES_SUPPRESSED ")"
#define THEMES_COLUMNS                                                                                       \
    "s.k AS code, s.title, s.total AS complaints, s.months AS months_reported, " PEOPLE("s.reports")        \
    " AS reports_linked, " PEOPLE("s.resolved") " AS reports_resolved, s.insights,"                          \
    " s.initiatives AS initiatives_linked, s.initiatives_acting AS initiatives_active_or_completed,"         \
    " array_to_string(" THEMES_SUPPRESSED ", ';') AS suppressed"

STATS_LIST(THEMES_ALL, "rank", THEMES_ROW, THEMES_COLUMNS, THEMES_FROM,
           "code,title,complaints,months_reported,reports_linked,reports_resolved,insights,initiatives_linked,"
           "initiatives_active_or_completed,suppressed",
           NO_GROUPING);

static const listing_def *const THEME_LISTS[] = {&THEMES_ALL};
const stats_def STATS_THEMES = {"themes", NO_GROUPING, THEME_LISTS};

/* ---- /stats/rules ----------------------------------------------------------------
 * The register by outcome, or rule by rule (most reports first), with the
 * reports filed in the range that point at them: resolved and still open. */

#define RULE_REPORTS(cond)                                                                                   \
    "(SELECT count(*) FROM reports r JOIN rules u ON u.id = r.rule_id WHERE " cond                           \
    " AND " IN_RANGE("r.created_at")
#define OPEN_STATUS "r.status IN ('new', 'triaged', 'in_progress')"

#define RULES_OUTCOME_FROM                                                                                   \
    " FROM (SELECT row_number() OVER (ORDER BY g.o)::bigint AS id, g.k,"                                     \
    "   (SELECT count(*) FROM rules u WHERE u.outcome = g.k) AS rules,"                                      \
    RULE_REPORTS("u.outcome = g.k") ") AS reports,"                                                          \
    RULE_REPORTS("u.outcome = g.k") " AND r.status = 'resolved') AS resolved,"                               \
    RULE_REPORTS("u.outcome = g.k") " AND " OPEN_STATUS ") AS open"                                          \
    " FROM (" VALUES("'open', 'abolished', 'simplified', 'clarified', 'retained'") ") g) s"

#define RULES_RULE_FROM                                                                                      \
    " FROM (SELECT row_number() OVER (ORDER BY x.reports DESC, x.rule_id)::bigint AS id, x.* FROM"           \
    " (SELECT w.id AS rule_id, w.title, w.outcome,"                                                          \
    RULE_REPORTS("u.id = w.id") ") AS reports,"                                                              \
    RULE_REPORTS("u.id = w.id") " AND r.status = 'resolved') AS resolved,"                                   \
    RULE_REPORTS("u.id = w.id") " AND " OPEN_STATUS ") AS open"                                              \
    " FROM rules w) x) s"

#define RULES_SUPPRESSED                                                                                     \
    SUPPRESSED("'reports', 'reports_resolved', 'reports_open'", "s.reports, s.resolved, s.open")
#define RULES_COUNTS                                                                                         \
    " 'reports', " PEOPLE("s.reports") ", 'reports_resolved', " PEOPLE("s.resolved") ","                     \
    " 'reports_open', " PEOPLE("s.open") ", 'suppressed', " RULES_SUPPRESSED ")"
#define RULES_COUNT_COLUMNS                                                                                  \
    PEOPLE("s.reports") " AS reports, " PEOPLE("s.resolved") " AS reports_resolved, " PEOPLE("s.open")       \
    " AS reports_open, array_to_string(" RULES_SUPPRESSED ", ';') AS suppressed"

static const char *const RULE_GROUPINGS[] = {"outcome", "rule", NULL};

STATS_LIST(RULES_OUTCOME, "outcome", "json_build_object('outcome', s.k, 'rules', s.rules," RULES_COUNTS,
           "s.k AS outcome, s.rules, " RULES_COUNT_COLUMNS, RULES_OUTCOME_FROM,
           "outcome,rules,reports,reports_resolved,reports_open,suppressed", RULE_GROUPINGS);
STATS_LIST(RULES_RULE, "rank",
           "json_build_object('rule_id', s.rule_id, 'title', s.title, 'outcome', s.outcome," RULES_COUNTS,
           "s.rule_id, s.title, s.outcome, " RULES_COUNT_COLUMNS, RULES_RULE_FROM,
           "rule_id,title,outcome,reports,reports_resolved,reports_open,suppressed", RULE_GROUPINGS);

static const listing_def *const RULE_LISTS[] = {&RULES_OUTCOME, &RULES_RULE};
const stats_def STATS_RULES = {"rules", RULE_GROUPINGS, RULE_LISTS};

/* ---- /stats/overview ----------------------------------------------------------------
 * One row: the network, sessions held and their attendance, reports filed in
 * the range by status and how fast they move, initiatives by status. */

#define BY_STATUS(table, cond, values)                                                                       \
    "(SELECT json_object_agg(v, " PEOPLE("(SELECT count(*) FROM " table " WHERE status = v" cond ")")        \
    " ORDER BY n) FROM unnest(ARRAY[" values "]) WITH ORDINALITY AS u(v, n))"

#define OVERVIEW_FROM                                                                                        \
    " FROM (SELECT 1::bigint AS id,"                                                                         \
    "   (SELECT count(*) FROM members m WHERE m.erased_at IS NULL) AS members,"                              \
    "   (SELECT count(*) FROM members m WHERE m.erased_at IS NULL AND m.active) AS active,"                  \
    "   a.held, a.registered, a.attended, f.filed, z.resolved, z.median_resolve, t.triaged, t.median_triage" \
    " FROM (SELECT count(DISTINCT e.id) AS held,"                                                            \
    "     count(r.member_id) FILTER (WHERE r.status = 'registered') AS registered,"                          \
    "     count(r.member_id) FILTER (WHERE r.attended) AS attended"                                          \
    "     FROM sessions e LEFT JOIN session_registrations r ON r.session_id = e.id"                          \
    "     WHERE e.cancelled_at IS NULL AND e.starts_at < now() AND " IN_RANGE("e.starts_at") ") a,"          \
    " (SELECT count(*) AS filed FROM reports r WHERE " IN_RANGE("r.created_at") ") f,"                       \
    " (SELECT count(*) AS resolved, round(percentile_cont(0.5) WITHIN GROUP"                                 \
    "     (ORDER BY extract(epoch FROM r.closed_at - r.created_at) / 86400)::numeric, 1) AS median_resolve"  \
    "     FROM reports r WHERE r.status = 'resolved' AND " IN_RANGE("r.closed_at") ") z,"                    \
    " (SELECT count(*) AS triaged, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY x.days)::numeric, 1)"   \
    "     AS median_triage FROM (SELECT extract(epoch FROM min(h.at) - min(r.created_at)) / 86400 AS days"   \
    "     FROM reports r JOIN report_history h ON h.report_id = r.id AND h.from_status = 'new'"              \
    "     WHERE " IN_RANGE("r.created_at") " GROUP BY r.id) x) t) s"

#define OVERVIEW_RATE "round(100.0 * s.attended / NULLIF(s.registered, 0), 1)"
#define REPORTS_IN_RANGE "reports WHERE " IN_RANGE("created_at")
#define OVERVIEW_SUPPRESSED                                                                                  \
    SUPPRESSED("'members_total', 'members_active', 'attendance_rate_percent', 'reports_filed',"              \
               " 'reports_resolved', 'median_days_to_resolve', 'median_days_to_triage'",                     \
               "s.members, s.active, s.registered, s.filed, s.resolved, s.resolved, s.triaged")

#define OVERVIEW_ROW                                                                                         \
    "json_build_object('from', {from}, 'to', {to}, 'members_total', " PEOPLE("s.members") ","                \
    " 'members_active', " PEOPLE("s.active") ", 'sessions_held', s.held,"                                    \
    " 'attendance_rate_percent', " FIGURE(OVERVIEW_RATE, "s.registered") ","                                \
    " 'reports_filed', " PEOPLE("s.filed") ","                                                               \
    " 'reports_by_status', " REPORTS_BY_STATUS ","                                                           \
    " 'reports_resolved', " PEOPLE("s.resolved") ","                                                         \
    " 'median_days_to_resolve', " FIGURE("s.median_resolve", "s.resolved") ","                               \
    " 'median_days_to_triage', " FIGURE("s.median_triage", "s.triaged") ","                                  \
    " 'initiatives_by_status', " INITIATIVES_BY_STATUS ","                                                   \
    " 'suppressed', " OVERVIEW_SUPPRESSED ")"

#define REPORTS_BY_STATUS                                                                                    \
    BY_STATUS("reports", " AND " IN_RANGE("created_at"),                                                     \
              "'new', 'triaged', 'in_progress', 'resolved', 'rejected', 'duplicate'")
#define INITIATIVES_BY_STATUS BY_STATUS("initiatives", "", "'idea', 'active', 'completed', 'stopped'")

/* The same fields as the JSON object, in its order; the two maps as JSON text. */
#define OVERVIEW_COLUMNS                                                                                     \
    "{from} AS \"from\", {to} AS \"to\", " PEOPLE("s.members") " AS members_total, " PEOPLE("s.active")     \
    " AS members_active, s.held AS sessions_held, " FIGURE(OVERVIEW_RATE, "s.registered")                    \
    " AS attendance_rate_percent, " PEOPLE("s.filed") " AS reports_filed, " REPORTS_BY_STATUS                \
    "::text AS reports_by_status, " PEOPLE("s.resolved") " AS reports_resolved, "                            \
    FIGURE("s.median_resolve", "s.resolved") " AS median_days_to_resolve, "                                 \
    FIGURE("s.median_triage", "s.triaged") " AS median_days_to_triage, " INITIATIVES_BY_STATUS              \
    "::text AS initiatives_by_status, array_to_string(" OVERVIEW_SUPPRESSED ", ';') AS suppressed"

STATS_LIST(OVERVIEW, "overview", OVERVIEW_ROW, OVERVIEW_COLUMNS, OVERVIEW_FROM,
           "from,to,members_total,members_active,sessions_held,attendance_rate_percent,reports_filed,"
           "reports_by_status,reports_resolved,median_days_to_resolve,median_days_to_triage,initiatives_by_status,"
           "suppressed",
           NO_GROUPING);

// clang-format on

static const listing_def *const OVERVIEW_LISTS[] = {&OVERVIEW};
const stats_def STATS_OVERVIEW = {"overview", NO_GROUPING, OVERVIEW_LISTS};

/* ---- choosing and ranging -------------------------------------------------------------- */

const listing_def *stats_grouping(const stats_def *s, const char *group_by, dna_err *err)
{
    if (group_by == NULL)
        return s->lists[0];
    if (s->group_by[0] == NULL) {
        dna_err_field(err, "group_by", "this statistic has no groupings");
        return NULL;
    }
    for (int i = 0; s->group_by[i]; i++)
        if (strcmp(s->group_by[i], group_by) == 0)
            return s->lists[i];
    char msg[256];
    text_one_of(msg, sizeof msg, s->group_by);
    dna_err_field(err, "group_by", msg);
    return NULL;
}

#define MAX_RANGE_DAYS (10 * 366)

static long day_number(const char *date)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        return 0;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return (long)(timegm(&tm) / 86400);
}

dna_status stats_range(const char *from, const char *to, char from_out[11], char to_out[11], dna_err *err)
{
    time_t now = time(NULL);
    struct tm today;
    gmtime_r(&now, &today);
    if (to != NULL)
        text_clip(to_out, 11, to);
    else
        strftime(to_out, 11, "%Y-%m-%d", &today);
    if (from != NULL) {
        text_clip(from_out, 11, from);
    } else {
        struct tm first;
        memset(&first, 0, sizeof first);
        if (sscanf(to_out, "%4d-%2d", &first.tm_year, &first.tm_mon) != 2)
            first.tm_year = today.tm_year + 1900, first.tm_mon = today.tm_mon + 1;
        first.tm_year -= 1900;
        first.tm_mon -= 1 + 11; /* normalised by timegm */
        first.tm_mday = 1;
        time_t t = timegm(&first);
        gmtime_r(&t, &first);
        strftime(from_out, 11, "%Y-%m-%d", &first);
    }
    long span = day_number(to_out) - day_number(from_out);
    if (span < 0) {
        dna_err_field(err, from ? "from" : "to",
                      "must not be after to (the range is from..to, both included)");
        return DNA_BAD_REQUEST;
    }
    if (span > MAX_RANGE_DAYS) {
        dna_err_field(err, "from", "the range is at most ten years");
        return DNA_BAD_REQUEST;
    }
    return DNA_OK;
}
