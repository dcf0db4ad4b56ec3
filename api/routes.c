/* routes.c: the one table of all routes, with who may call each (the role
 * matrix of api.md), and the matcher. tests/api checks this table against
 * openapi.yaml. Literal segments come before parameters ("me" before {id}). */
#include "routes.h"

#include <stdio.h>
#include <string.h>

#include "handlers.h"
#include "principal.h"

#define M ROLE_MEMBER
#define O ROLE_ORGANIZER
#define D ROLE_DEREGULATION_TEAM
#define P ROLE_PROGRAM_MANAGER
#define A ROLE_ANALYST
#define U ROLE_OMBUDSMAN
#define STAFF (M | O | D | P | A)
#define ANYONE 0u

const route ROUTES[] = {
    /* operations */
    {"GET", "/healthz", api_ops_healthz, ANYONE, ROUTE_PUBLIC},
    {"GET", "/readyz", api_ops_readyz, ANYONE, ROUTE_PUBLIC},
    {"GET", "/metrics", api_ops_metrics, ANYONE, ROUTE_PUBLIC},
    {"GET", "/openapi.yaml", api_ops_openapi, ANYONE, ROUTE_PUBLIC},
    {"GET", "/docs", api_docs_page, ANYONE, ROUTE_PUBLIC},
    {"GET", "/docs/{file}", api_docs_file, ANYONE, ROUTE_PUBLIC},

    /* authentication */
    {"POST", "/api/v1/auth/token", api_auth_token, ANYONE, ROUTE_PUBLIC},
    {"GET", "/api/v1/auth/me", api_auth_me, STAFF | U, 0},

    /* departments and members */
    {"GET", "/api/v1/departments", api_departments_list, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/departments", api_departments_create, P, 0},
    {"GET", "/api/v1/departments/{code}", api_departments_get, STAFF, 0},
    {"GET", "/api/v1/members", api_members_list, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/members", api_members_create, P, 0},
    {"GET", "/api/v1/members/me", api_members_me, STAFF, 0},
    {"GET", "/api/v1/members/{id}", api_members_get, STAFF, 0},
    {"PATCH", "/api/v1/members/{id}", api_members_update, STAFF, 0},
    {"DELETE", "/api/v1/members/{id}", api_members_erase, P, 0},
    {"POST", "/api/v1/members/me/calendar-feed", api_calendar_feed_create, M | O | D | P, 0},
    {"DELETE", "/api/v1/members/me/calendar-feed", api_calendar_feed_delete, M | O | D | P, 0},
    {"GET", "/api/v1/calendar/{key}", api_calendar_feed, ANYONE, ROUTE_PUBLIC},

    /* red-button reports, the weekly triage, the rule register */
    {"GET", "/api/v1/reports", api_reports_list, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/reports", api_reports_create, M, 0},
    {"GET", "/api/v1/reports/{id}", api_reports_get, STAFF, 0},
    {"PATCH", "/api/v1/reports/{id}", api_reports_update, STAFF, 0},
    {"POST", "/api/v1/reports/{id}/transitions", api_reports_transition, D | P, 0},
    {"GET", "/api/v1/reports/{id}/history", api_reports_history, STAFF, ROUTE_COLLECTION},
    {"PUT", "/api/v1/reports/{id}/support", api_reports_support_put, M, 0},
    {"DELETE", "/api/v1/reports/{id}/support", api_reports_support_delete, M, 0},
    {"GET", "/api/v1/reports/{id}/comments", api_reports_comments_list, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/reports/{id}/comments", api_reports_comments_create, M, 0},
    {"GET", "/api/v1/triage", api_triage_agenda, D | P | A, 0},
    {"GET", "/api/v1/rules", api_rules_list, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/rules", api_rules_create, D | P, 0},
    {"GET", "/api/v1/rules/{id}", api_rules_get, STAFF, 0},
    {"PATCH", "/api/v1/rules/{id}", api_rules_update, D | P, 0},

    /* sessions: the register, registrations with a waitlist, attendance, feedback, insights */
    {"GET", "/api/v1/sessions", api_sessions_list, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/sessions", api_sessions_create, O | P, 0},
    {"GET", "/api/v1/sessions/{id}", api_sessions_get, STAFF, 0},
    {"PATCH", "/api/v1/sessions/{id}", api_sessions_update, O | P, 0},
    {"POST", "/api/v1/sessions/{id}/cancel", api_sessions_cancel, O | P, 0},
    {"GET", "/api/v1/sessions/{id}/registrations", api_sessions_registrations, O | P | A, ROUTE_COLLECTION},
    {"POST", "/api/v1/sessions/{id}/registrations", api_sessions_register, M, 0},
    {"DELETE", "/api/v1/sessions/{id}/registrations/{member_id}", api_sessions_unregister, M, 0},
    {"PUT", "/api/v1/sessions/{id}/attendance", api_sessions_attendance, O | P, 0},
    {"GET", "/api/v1/sessions/{id}/feedback", api_sessions_feedback, O | P | A, 0},
    {"POST", "/api/v1/sessions/{id}/feedback", api_sessions_feedback_create, M, 0},
    {"GET", "/api/v1/sessions/{id}/insights", api_sessions_insights, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/sessions/{id}/insights", api_sessions_insights_create, O | P, 0},

    /* complaint themes: pushed by the Ombudsman's office, and the thread from complaint to change */
    {"GET", "/api/v1/complaint-themes", api_themes_list, STAFF | U, ROUTE_COLLECTION},
    {"POST", "/api/v1/complaint-themes/batch", api_themes_batch, U | P, 0},
    {"GET", "/api/v1/complaint-themes/{code}", api_themes_get, STAFF | U, 0},
    {"PUT", "/api/v1/complaint-themes/{code}", api_themes_put, U | P, 0},
    {"PUT", "/api/v1/complaint-themes/{code}/periods/{period}", api_themes_put_period, U | P, 0},

    /* initiatives: the inventory, progress updates, participants, links to reports and themes */
    {"GET", "/api/v1/initiatives", api_initiatives_list, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/initiatives", api_initiatives_create, M, 0},
    {"GET", "/api/v1/initiatives/{id}", api_initiatives_get, STAFF, 0},
    {"PATCH", "/api/v1/initiatives/{id}", api_initiatives_update, M, 0},
    {"GET", "/api/v1/initiatives/{id}/updates", api_initiatives_updates, STAFF, ROUTE_COLLECTION},
    {"POST", "/api/v1/initiatives/{id}/updates", api_initiatives_updates_create, M, 0},
    {"PUT", "/api/v1/initiatives/{id}/participants/{member_id}", api_initiatives_participant_put, M, 0},
    {"DELETE", "/api/v1/initiatives/{id}/participants/{member_id}", api_initiatives_participant_delete, M, 0},
    {"PUT", "/api/v1/initiatives/{id}/reports/{report_id}", api_initiatives_report_put, M, 0},
    {"DELETE", "/api/v1/initiatives/{id}/reports/{report_id}", api_initiatives_report_delete, M, 0},
    {"PUT", "/api/v1/initiatives/{id}/themes/{code}", api_initiatives_theme_put, M, 0},
    {"DELETE", "/api/v1/initiatives/{id}/themes/{code}", api_initiatives_theme_delete, M, 0},

    /* statistics: figures over a range; analysts see no group of fewer than five people */
    {"GET", "/api/v1/stats/overview", api_stats, P | A, 0},
    {"GET", "/api/v1/stats/reports", api_stats, P | A | D, 0},
    {"GET", "/api/v1/stats/sessions", api_stats, P | A | O, 0},
    {"GET", "/api/v1/stats/members", api_stats, P | A, 0},
    {"GET", "/api/v1/stats/themes", api_stats, P | A | D, 0},
    {"GET", "/api/v1/stats/rules", api_stats, P | A | D, 0},
    {"GET", "/api/v1/stats/network", api_stats, P | A, 0},

    /* audit */
    {"GET", "/api/v1/audit", api_audit_list, P, ROUTE_COLLECTION},
};
const size_t ROUTES_COUNT = sizeof ROUTES / sizeof ROUTES[0];

/* Matches a pattern against segments; captures {params}. */
static int pattern_matches(const char *pattern, char **segments, int nsegments, char **captures, int *nparams)
{
    const char *p = pattern + 1;
    int i = 0;
    *nparams = 0;
    for (;;) {
        size_t len = strcspn(p, "/");
        if (i >= nsegments)
            return 0;
        if (p[0] == '{') {
            if (segments[i][0] == '\0' || *nparams >= CTX_MAX_PATH_PARAMS)
                return 0;
            captures[(*nparams)++] = segments[i];
        } else if (strlen(segments[i]) != len || strncmp(segments[i], p, len) != 0) {
            return 0;
        }
        i++;
        if (p[len] == '\0')
            return i == nsegments;
        p += len + 1;
    }
}

const route *routes_match(const char *method, char **segments, int nsegments, char **captures, int *nparams,
                          int *path_known, char *allow, size_t allow_len, size_t *index)
{
    *path_known = 0;
    allow[0] = '\0';
    size_t used = 0;
    for (size_t r = 0; r < ROUTES_COUNT; r++) {
        char *captured[CTX_MAX_PATH_PARAMS];
        int n = 0;
        if (!pattern_matches(ROUTES[r].pattern, segments, nsegments, captured, &n))
            continue;
        if (strcmp(ROUTES[r].method, method) == 0 ||
            (strcmp(method, "HEAD") == 0 && strcmp(ROUTES[r].method, "GET") == 0)) {
            memcpy(captures, captured, sizeof captured[0] * (size_t)n);
            *nparams = n;
            *index = r + 1;
            return &ROUTES[r];
        }
        if (!strstr(allow, ROUTES[r].method)) {
            int w = snprintf(allow + used, allow_len - used, "%s%s", used ? ", " : "", ROUTES[r].method);
            if (w > 0 && (size_t)w < allow_len - used)
                used += (size_t)w;
        }
        *path_known = 1;
    }
    return NULL;
}

const char *const *routes_metric_names(size_t *n)
{
    static const char *names[sizeof ROUTES / sizeof ROUTES[0] + 1];
    names[0] = "unmatched";
    for (size_t r = 0; r < ROUTES_COUNT; r++)
        names[r + 1] = ROUTES[r].pattern;
    *n = ROUTES_COUNT + 1;
    return names;
}
