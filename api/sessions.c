/* sessions.c: /api/v1/sessions: the register of sessions, registrations
 * (with a waitlist), attendance, feedback and insights. */
#include "sessions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "authz.h"
#include "handlers.h"
#include "list.h"
#include "request.h"
#include "respond.h"

#define SESSIONS "/api/v1/sessions"

void api_sessions_list(req_ctx *ctx)
{
    session_viewer v;
    sessions_viewer(&ctx->who, &v);
    const list_binding view[] = {{"viewer", v.member}, {"pseudo", v.pseudo}, {NULL}};
    list_answer(ctx, &SESSIONS_LIST, view);
}

void api_sessions_get(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "session", NULL) == 0)
        req_end(ctx, &r, sessions_get(&ctx->who, r.id, &r.doc, &r.err), SESSIONS);
}

void api_sessions_create(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, 0, NULL, SESSIONS_CREATE_FIELDS) == 0)
        req_end(ctx, &r, sessions_create(&ctx->who, r.body, &r.doc, &r.err), SESSIONS);
}

void api_sessions_update(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID | REQ_IF_MATCH | REQ_PATCH, "session", SESSIONS_PATCH_FIELDS) == 0)
        req_end(ctx, &r, sessions_update(&ctx->who, r.id, r.body, r.if_match, &r.doc, &r.err), SESSIONS);
}

void api_sessions_cancel(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "session", NULL) == 0)
        req_end(ctx, &r, sessions_cancel(&ctx->who, r.id, &r.doc, &r.err), SESSIONS);
}

void api_sessions_registrations(req_ctx *ctx)
{
    list_answer_children(ctx, &SESSION_REGISTRATIONS_LIST, "session", sessions_exists);
}

void api_sessions_insights(req_ctx *ctx)
{
    list_answer_children(ctx, &SESSION_INSIGHTS_LIST, "session", sessions_exists);
}

/* Members register themselves; organizers and program managers anyone. */
static int may_act_for(req_ctx *ctx, int64_t member_id)
{
    return authz_is_self(&ctx->who, member_id) || authz_has(&ctx->who, ROLE_ORGANIZER | ROLE_PROGRAM_MANAGER);
}

void api_sessions_register(req_ctx *ctx)
{
    req_one r;
    if (req_writer(ctx, "sessions") != 0 ||
        req_begin(ctx, &r, REQ_ID | REQ_BODY_OPTIONAL, "session", SESSIONS_REGISTER_FIELDS) != 0)
        return;
    const json_t *given = json_object_get(r.body, "member_id");
    int64_t member_id = json_is_integer(given) ? (int64_t)json_integer_value(given) : ctx->who.member_id;
    dna_status st;
    if (member_id <= 0)
        st = dna_err_field(&r.err, "member_id", "is required: this token belongs to no member");
    else if (!may_act_for(ctx, member_id))
        st = dna_err_set(&r.err, DNA_FORBIDDEN, "members register themselves; organizers register others");
    else
        st = sessions_register(&ctx->who, r.id, member_id, &r.doc, &r.err);
    if (st == DNA_CREATED) {
        respond_location(ctx->resp, "%s/%lld/registrations/%lld", SESSIONS, (long long)r.id,
                         (long long)member_id);
        respond_json_text(ctx->resp, 201, r.doc.json, strlen(r.doc.json));
        json_decref(r.body);
        db_doc_free(&r.doc);
        return;
    }
    req_end(ctx, &r, st, NULL);
}

void api_sessions_unregister(req_ctx *ctx)
{
    req_one r;
    int64_t member_id;
    if (req_writer(ctx, "sessions") != 0 || req_begin(ctx, &r, REQ_ID, "session", NULL) != 0)
        return;
    const char *m = req_path_text(ctx, 1);
    char *end = NULL;
    member_id = m ? strtoll(m, &end, 10) : 0;
    dna_status st;
    if (m == NULL || end == m || *end != '\0' || member_id <= 0)
        st = dna_err_set(&r.err, DNA_NOT_FOUND, "no such registration");
    else if (!may_act_for(ctx, member_id))
        st = dna_err_set(&r.err, DNA_FORBIDDEN, "members cancel their own registration only");
    else
        st = sessions_unregister(&ctx->who, r.id, member_id, &r.err);
    req_end(ctx, &r, st, NULL);
}

void api_sessions_attendance(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "session", SESSIONS_ATTENDANCE_FIELDS) == 0)
        req_end(ctx, &r, sessions_attendance(&ctx->who, r.id, r.body, &r.doc, &r.err), NULL);
}

void api_sessions_feedback_create(req_ctx *ctx)
{
    req_one r;
    if (req_writer(ctx, "sessions") == 0 &&
        req_begin(ctx, &r, REQ_ID, "session", SESSIONS_FEEDBACK_FIELDS) == 0)
        req_end(ctx, &r, sessions_feedback(&ctx->who, r.id, r.body, &r.doc, &r.err), NULL);
}

void api_sessions_insights_create(req_ctx *ctx)
{
    req_one r;
    if (req_begin(ctx, &r, REQ_ID, "session", SESSIONS_INSIGHT_FIELDS) == 0)
        req_end(ctx, &r, sessions_insight(&ctx->who, r.id, r.body, &r.doc, &r.err), NULL);
}

/* JSON: {average_rating, count, items}; CSV/NDJSON: the items, streamed
 * (analysts: no comment text). */
void api_sessions_feedback(req_ctx *ctx)
{
    req_format format;
    if (req_format_of(ctx, &format, 0) != 0)
        return;
    if (format != FORMAT_JSON) {
        list_answer_children(ctx, &SESSION_FEEDBACK_LIST, "session", sessions_exists);
        return;
    }
    static const char *const ONLY[] = {"format", NULL};
    req_one r;
    int64_t id;
    dna_err e;
    dna_err_init(&e);
    if (params_only(&ctx->query, ONLY, 0, &e) != 0) {
        req_bad_query(ctx, &e);
        return;
    }
    if (req_path_id(ctx, 0, &id, "session") != 0)
        return;
    memset(&r, 0, sizeof r);
    dna_err_init(&r.err);
    r.id = id;
    req_end(ctx, &r, sessions_feedback_summary(&ctx->who, r.id, &r.doc, &r.err), NULL);
}
