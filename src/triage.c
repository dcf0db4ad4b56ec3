/* triage.c: the weekly agenda, built by PostgreSQL in one statement.
 *
 * The lists, for week W (ending at `until`) and the moment T = the earlier of
 * now and the end of W:
 *   escalated   still new, filed more than 14 days before T;
 *   overdue     still new, filed more than 7 but at most 14 days before T;
 *   new         every untriaged report filed before the end of W, the
 *               escalated and overdue ones included (api.md: "all
 *               untriaged"), most supported first, then oldest first; the
 *               first two lists are the part of it that tops the agenda;
 *   in_progress every report in progress, most urgent first, then oldest;
 *   closed      reports now resolved, rejected or duplicate whose latest
 *               closing transition happened in W, in the order they closed.
 * escalated and overdue are ordered like new. The open lists show the
 * current state: for a past week they are what is still open now. */
#include "triage.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "reports.h"
#include "text.h"

#define WEEK_REPORTS REPORTS_FROM("$2", "$3", "$4")

static const db_stmt AGENDA = {
    "triage_agenda",
    "WITH w AS (SELECT a.wk, b.monday, local_day_start(b.monday) AS since,"
    "   local_day_start(b.monday + 7) AS until, least(now(), local_day_start(b.monday + 7)) AS t"
    "   FROM (SELECT COALESCE($1::text, iso_week(now())) AS wk) a"
    "   CROSS JOIN LATERAL (SELECT iso_week_monday(a.wk) AS monday) b),"
    " open AS (SELECT " REPORT_JSON " AS j, r.id, r.status, r.created_at, r.supporters_count, r.priority"
    "   " WEEK_REPORTS " CROSS JOIN w"
    "   WHERE r.status IN ('new', 'in_progress') AND r.created_at < w.until),"
    " closed AS (SELECT " REPORT_JSON " AS j, r.id, c.at"
    "   " WEEK_REPORTS " JOIN (SELECT h.report_id, max(h.at) AS at FROM report_history h CROSS JOIN w"
    "     WHERE h.to_status IN ('resolved', 'rejected', 'duplicate') AND h.at >= w.since AND h.at < w.until"
    "     GROUP BY h.report_id) c ON c.report_id = r.id"
    "   WHERE r.status IN ('resolved', 'rejected', 'duplicate'))"
    " SELECT json_build_object('week', w.wk, 'starts_on', w.monday, 'ends_on', w.monday + 6,"
    " 'escalated', COALESCE((SELECT json_agg(o.j ORDER BY o.supporters_count DESC, o.created_at, o.id) FROM "
    "open o"
    "   WHERE o.status = 'new' AND o.created_at < w.t - interval '14 days'), '[]'),"
    " 'overdue', COALESCE((SELECT json_agg(o.j ORDER BY o.supporters_count DESC, o.created_at, o.id) FROM "
    "open o"
    "   WHERE o.status = 'new' AND o.created_at < w.t - interval '7 days'"
    "   AND o.created_at >= w.t - interval '14 days'), '[]'),"
    " 'new', COALESCE((SELECT json_agg(o.j ORDER BY o.supporters_count DESC, o.created_at, o.id) FROM open o"
    "   WHERE o.status = 'new'), '[]'),"
    " 'in_progress', COALESCE((SELECT json_agg(o.j ORDER BY"
    "   array_position(ARRAY['urgent', 'high', 'normal', 'low'], o.priority), o.created_at, o.id) FROM open o"
    "   WHERE o.status = 'in_progress'), '[]'),"
    " 'closed', COALESCE((SELECT json_agg(c.j ORDER BY c.at, c.id) FROM closed c), '[]'))::text FROM w"};

dna_status triage_agenda(const principal *p, const char *week, char **json, dna_err *err)
{
    (void)err;
    db_conn *c = db_acquire();
    if (c == NULL)
        return DNA_UNAVAILABLE;
    report_viewer v;
    reports_viewer(p, &v);
    const char *params[4] = {week, v.member, v.privileged, v.pseudo};
    PGresult *r = db_exec(c, &AGENDA, 4, params);
    dna_status st = DNA_OK;
    if (!db_ok(r) || PQntuples(r) != 1)
        st = db_status_of(r);
    else if ((*json = db_first_value(r)) == NULL)
        st = DNA_ERROR;
    else
        text_json_compact(*json, strlen(*json));
    PQclear(r);
    db_release(c);
    return st;
}
