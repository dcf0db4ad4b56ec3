/* reports.h: red-button reports (rode-knopmeldingen): filing (optionally
 * anonymous, with Idempotency-Key replay), reading, merge-patch changes,
 * lifecycle transitions (the rules are in lifecycle.h), supports, comments
 * and history. Services take plain values and a principal; the JSON they
 * answer is built by PostgreSQL (REPORT_JSON below) and handed
 * back as text. */
#ifndef DNA_REPORTS_H
#define DNA_REPORTS_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "json_in.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

/* How a report is shown, for statements of any module that answer reports
 * (triage, rules, themes, initiatives): select REPORT_JSON from
 * REPORTS_FROM(viewer, privileged, pseudo) (aliases r, d, rm, am, rj), whose
 * three arguments are SQL expressions, usually parameters: the viewer's
 * member id (bigint or NULL), `privileged` (deregulation team or program
 * manager) and `pseudo` (analysts). Fill them with reports_viewer(). A
 * statement whose reports come from elsewhere (a CTE) uses REPORT_JOINS
 * after its own "FROM x r". The rules it keeps:
 *   - reporter_id and reporter_name only for the reporter, the team and
 *     program managers; never for anonymous reports (there is no reporter);
 *   - analysts see member references only as pseudonyms, and nobody else
 *     receives a pseudonym (it would join the two views);
 *   - overdue: still new 7 days after filing; escalated: after 14 days;
 *   - supported: the viewer's own +1 (a scalar sub-select with LIMIT, not
 *     EXISTS: the planner would hash all of the viewer's supports for a
 *     page of 50, ~100x slower than 50 primary-key probes).
 * Written out here rather than as a SQL function: PostgreSQL parses an
 * inlined function's body again at every planning (~0.9 ms per listing page,
 * which gets a custom plan), and one it cannot inline costs per row. The
 * columns of `rj` are the fields; row_to_json of it is ~40% cheaper than
 * json_build_object, which matters for exports. Pseudonyms come from the
 * joined member row (stored since 0003), not an HMAC per row. */
#define REPORT_JOINS(viewer, privileged, pseudo)                                                             \
    " JOIN departments d ON d.id = r.department_id"                                                          \
    " LEFT JOIN members rm ON rm.id = r.reporter_id LEFT JOIN members am ON am.id = r.assignee_id"           \
    " CROSS JOIN LATERAL (SELECT r.id, r.title, r.description, r.procedure, r.impact,"                       \
    "   d.code AS department, r.category, r.anonymous,"                                                      \
    "   CASE WHEN (" privileged "::boolean OR r.reporter_id = " viewer "::bigint)"                           \
    "     AND NOT " pseudo "::boolean THEN r.reporter_id END AS reporter_id,"                                \
    "   CASE WHEN (" privileged "::boolean OR r.reporter_id = " viewer "::bigint)"                           \
    "     AND NOT " pseudo "::boolean THEN rm.name END AS reporter_name,"                                    \
    "   r.status, r.priority, r.triage_week,"                                                                \
    "   CASE WHEN NOT " pseudo "::boolean THEN r.assignee_id END AS assignee_id,"                            \
    "   CASE WHEN NOT " pseudo "::boolean THEN am.name END AS assignee_name,"                                \
    "   CASE WHEN " pseudo "::boolean THEN am.pseudonym END AS assignee_pseudonym,"                          \
    "   r.theme_code, r.rule_id, r.resolution, r.duplicate_of, r.supporters_count,"                          \
    "   r.comments_count,"                                                                                   \
    "   COALESCE((SELECT true FROM report_supports s WHERE s.report_id = r.id"                               \
    "     AND s.member_id = " viewer "::bigint LIMIT 1), false) AS supported,"                               \
    "   r.status = 'new' AND r.created_at < now() - interval '7 days' AS overdue,"                           \
    "   r.status = 'new' AND r.created_at < now() - interval '14 days' AS escalated,"                        \
    "   rfc3339(r.closed_at) AS closed_at, rfc3339(r.created_at) AS created_at,"                             \
    "   rfc3339(r.updated_at) AS updated_at) rj"
#define REPORTS_FROM(viewer, privileged, pseudo) " FROM reports r" REPORT_JOINS(viewer, privileged, pseudo)
#define REPORT_JSON "row_to_json(rj)"

/* The three viewer parameters as text: member id (NULL when the caller is
 * no member), privileged and pseudo ("true"/"false"). */
typedef struct {
    char member_text[24];
    const char *member; /* member_text or NULL */
    const char *privileged;
    const char *pseudo;
} report_viewer;

void reports_viewer(const principal *p, report_viewer *v);

extern const char *const REPORT_CATEGORIES[];
extern const char *const REPORT_PRIORITIES[];

extern const field_spec REPORTS_CREATE_FIELDS[];
extern const field_spec REPORTS_PATCH_FIELDS[];
extern const field_spec REPORTS_TRANSITION_FIELDS[];
extern const field_spec REPORTS_COMMENT_FIELDS[];

/* GET /reports: filters status (repeatable), department, category,
 * triage_week, assignee_id, theme_code, q, created_from, created_to,
 * overdue; contexts viewer, privileged, pseudo (reports_viewer); sorts
 * created_at, supporters_count. */
extern const listing_def REPORTS_LIST;
/* A report's history and comments: contexts report (its id) and pseudo. */
extern const listing_def REPORTS_HISTORY_LIST;
extern const listing_def REPORTS_COMMENTS_LIST;

/* Files a report for the caller (a member). With an idempotency key (may be
 * NULL): the same key and body replay the first answer (*replayed = 1); the
 * same key with another body is DNA_INVALID. Returns DNA_CREATED. An
 * anonymous filing stores no link to the caller: not in the report, the
 * history, the audit log (actor "anonymous") or the key's hash. */
dna_status reports_file(const principal *p, const json_t *body, const char *idempotency_key, db_doc *out,
                        int *replayed, dna_err *err);
dna_status reports_get(const principal *p, int64_t id, db_doc *out, dna_err *err);
/* DNA_OK when the report exists (for its sub-collections), else DNA_NOT_FOUND. */
dna_status reports_exists(int64_t id, dna_err *err);
/* Merge patch: the reporter changes the text fields while the report is
 * new; the deregulation team and program managers change priority,
 * assignee_id, department, category, theme_code and rule_id. Any other
 * field or caller is DNA_FORBIDDEN. if_match < 0: no precondition. */
dna_status reports_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                          db_doc *out, dna_err *err);
/* A lifecycle transition {to, note?, resolution?, duplicate_of?,
 * triage_week?, priority?}: DNA_CONFLICT (with the allowed targets) when the
 * lifecycle forbids it. Writes the history row and the audit entry. */
dna_status reports_transition(const principal *p, int64_t id, const json_t *body, long long if_match,
                              db_doc *out, dna_err *err);
/* The caller's +1 on (on = 1) or off (on = 0); idempotent. *count receives
 * the report's supporters_count. */
dna_status reports_support(const principal *p, int64_t id, int on, long long *count, dna_err *err);
/* Adds a signed comment; *json (malloc'd) is the comment. DNA_CREATED. */
dna_status reports_comment(const principal *p, int64_t id, const json_t *body, char **json, dna_err *err);

/* The SQL of the hot statements ("get", "list", "file"), so that `make
 * bench` runs exactly these in pgbench as the ceiling. */
const char *reports_bench_sql(const char *which);

#endif
