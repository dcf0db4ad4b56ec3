/* handlers.h: every route handler, grouped by the api/<resource>.c file
 * that holds it. */
#ifndef DNA_HANDLERS_H
#define DNA_HANDLERS_H

#include "config.h"
#include "context.h"

/* api/ops.c */
void api_ops_healthz(req_ctx *ctx);
void api_ops_readyz(req_ctx *ctx);
void api_ops_metrics(req_ctx *ctx);
void api_ops_openapi(req_ctx *ctx);

/* api/docs.c */
void api_docs_init(const dna_config *cfg);
void api_docs_page(req_ctx *ctx);
void api_docs_file(req_ctx *ctx);

/* api/auth.c */
void api_auth_token(req_ctx *ctx);
void api_auth_me(req_ctx *ctx);
void api_auth_init(const dna_config *cfg);

/* api/departments.c */
void api_departments_list(req_ctx *ctx);
void api_departments_create(req_ctx *ctx);
void api_departments_get(req_ctx *ctx);

/* api/members.c */
void api_members_list(req_ctx *ctx);
void api_members_create(req_ctx *ctx);
void api_members_me(req_ctx *ctx);
void api_members_get(req_ctx *ctx);
void api_members_update(req_ctx *ctx);
void api_members_erase(req_ctx *ctx);

/* api/audit.c */
void api_audit_list(req_ctx *ctx);

/* api/reports.c */
void api_reports_list(req_ctx *ctx);
void api_reports_create(req_ctx *ctx);
void api_reports_get(req_ctx *ctx);
void api_reports_update(req_ctx *ctx);
void api_reports_transition(req_ctx *ctx);
void api_reports_history(req_ctx *ctx);
void api_reports_support_put(req_ctx *ctx);
void api_reports_support_delete(req_ctx *ctx);
void api_reports_comments_list(req_ctx *ctx);
void api_reports_comments_create(req_ctx *ctx);

/* api/triage.c */
void api_triage_agenda(req_ctx *ctx);

/* api/sessions.c */
void api_sessions_list(req_ctx *ctx);
void api_sessions_create(req_ctx *ctx);
void api_sessions_get(req_ctx *ctx);
void api_sessions_update(req_ctx *ctx);
void api_sessions_cancel(req_ctx *ctx);
void api_sessions_registrations(req_ctx *ctx);
void api_sessions_register(req_ctx *ctx);
void api_sessions_unregister(req_ctx *ctx);
void api_sessions_attendance(req_ctx *ctx);
void api_sessions_feedback(req_ctx *ctx);
void api_sessions_feedback_create(req_ctx *ctx);
void api_sessions_insights(req_ctx *ctx);
void api_sessions_insights_create(req_ctx *ctx);

/* api/calendar.c */
void api_calendar_init(const dna_config *cfg);
void api_calendar_feed_create(req_ctx *ctx);
void api_calendar_feed_delete(req_ctx *ctx);
void api_calendar_feed(req_ctx *ctx);

/* api/rules.c */
void api_rules_list(req_ctx *ctx);
void api_rules_create(req_ctx *ctx);
void api_rules_get(req_ctx *ctx);
void api_rules_update(req_ctx *ctx);

/* api/themes.c */
void api_themes_list(req_ctx *ctx);
void api_themes_batch(req_ctx *ctx);
void api_themes_get(req_ctx *ctx);
void api_themes_put(req_ctx *ctx);
void api_themes_put_period(req_ctx *ctx);

/* api/initiatives.c */
void api_initiatives_list(req_ctx *ctx);
void api_initiatives_create(req_ctx *ctx);
void api_initiatives_get(req_ctx *ctx);
void api_initiatives_update(req_ctx *ctx);
void api_initiatives_updates(req_ctx *ctx);
void api_initiatives_updates_create(req_ctx *ctx);
void api_initiatives_participant_put(req_ctx *ctx);
void api_initiatives_participant_delete(req_ctx *ctx);
void api_initiatives_report_put(req_ctx *ctx);
void api_initiatives_report_delete(req_ctx *ctx);
void api_initiatives_theme_put(req_ctx *ctx);
void api_initiatives_theme_delete(req_ctx *ctx);

/* api/stats.c: every /api/v1/stats/<name> */
void api_stats(req_ctx *ctx);

#endif
