/* reports.c: /api/v1/reports: filing (Idempotency-Key), the listing with
 * its filters and exports, one report, its merge-patch changes, lifecycle
 * transitions, history, supports and comments. */
#include "reports.h"

#include <stdio.h>
#include <string.h>

#include "authz.h"
#include "handlers.h"
#include "lifecycle.h"
#include "list.h"
#include "request.h"
#include "respond.h"

#define MAX_STATUS_FILTERS 16
#define STATUS_LITERAL_MAX 96 /* all six names, commas and braces fit */

/* Analysts read everything and write nothing. */
static int require_writer(req_ctx *ctx)
{
    if (authz_may_write(&ctx->who))
        return 0;
    dna_err e;
    dna_err_init(&e);
    dna_err_set(&e, DNA_FORBIDDEN, "your roles read reports but do not change them");
    req_fail(ctx, DNA_FORBIDDEN, &e);
    return -1;
}

/* The report id in the path and nothing in the query. */
static int report_id(req_ctx *ctx, int64_t *id)
{
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, id, "report") != 0)
        return -1;
    return 0;
}

/* ?status=new&status=triaged (or status=new,triaged) as a text[] literal
 * such as {new,triaged}: 1 when given, 0 when not, -1 on a bad value (field
 * error in e). Only lifecycle names get through, so nothing needs quoting. */
static int status_filter(req_ctx *ctx, char out[STATUS_LITERAL_MAX], dna_err *e)
{
    const char *values[MAX_STATUS_FILTERS];
    int n = params_all(&ctx->query, "status", values, MAX_STATUS_FILTERS);
    unsigned chosen = 0;
    for (int i = 0; i < n; i++) {
        for (const char *v = values[i]; *v;) {
            size_t len = strcspn(v, ",");
            char name[32];
            lc_status st;
            snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), v);
            if (len >= sizeof name || lifecycle_parse(name, &st) != 0) {
                dna_err_field(e, "status",
                              "must be one of new, triaged, in_progress, resolved, rejected, duplicate");
                return -1;
            }
            chosen |= 1u << st;
            v += len + (v[len] == ',');
        }
    }
    if (chosen == 0)
        return 0;
    size_t used = (size_t)snprintf(out, STATUS_LITERAL_MAX, "{");
    for (int s = 0; s < LC_COUNT; s++)
        if (chosen & (1u << s))
            used += (size_t)snprintf(out + used, STATUS_LITERAL_MAX - used, "%s%s", used > 1 ? "," : "",
                                     lifecycle_name((lc_status)s));
    snprintf(out + used, STATUS_LITERAL_MAX - used, "}");
    return 1;
}

void api_reports_list(req_ctx *ctx)
{
    static const char *const ALLOWED[] = {"status",      "department", "category", "triage_week",
                                          "assignee_id", "theme_code", "q",        "created_from",
                                          "created_to",  "overdue",    NULL};
    if (req_query_only(ctx, ALLOWED) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    char statuses[STATUS_LITERAL_MAX];
    const char *department = NULL, *category = NULL, *week = NULL, *theme = NULL, *q = NULL, *from = NULL,
               *to = NULL;
    long long assignee = 0;
    int has_assignee = 0, overdue = 0, has_overdue = 0;
    int has_status = status_filter(ctx, statuses, &e);
    if (has_status < 0 || params_text(&ctx->query, "department", 16, &department, &e) != 0 ||
        params_enum(&ctx->query, "category", REPORT_CATEGORIES, &category, &e) != 0 ||
        params_text(&ctx->query, "triage_week", 8, &week, &e) != 0 ||
        params_int(&ctx->query, "assignee_id", 1, 9007199254740991LL, &assignee, &has_assignee, &e) != 0 ||
        params_text(&ctx->query, "theme_code", 64, &theme, &e) != 0 ||
        params_text(&ctx->query, "q", 200, &q, &e) != 0 ||
        params_date(&ctx->query, "created_from", &from, &e) != 0 ||
        params_date(&ctx->query, "created_to", &to, &e) != 0 ||
        params_bool(&ctx->query, "overdue", &overdue, &has_overdue, &e) != 0) {
        req_bad_query(ctx, &e);
        return;
    }
    if (week != NULL && !valid_iso_week(week)) {
        dna_err_field(&e, "triage_week", "must be an ISO week YYYY-Www");
        req_bad_query(ctx, &e);
        return;
    }
    char assignee_text[24];
    snprintf(assignee_text, sizeof assignee_text, "%lld", assignee);
    report_viewer v;
    reports_viewer(&ctx->who, &v);
    list_request lr = {.name = "reports", .sorts = REPORTS_SORTS};
    list_param(&lr, has_status ? statuses : NULL);
    list_param(&lr, department);
    list_param(&lr, category);
    list_param(&lr, week);
    list_param(&lr, has_assignee ? assignee_text : NULL);
    list_param(&lr, theme);
    list_param(&lr, q);
    list_param(&lr, from);
    list_param(&lr, to);
    list_param(&lr, has_overdue ? (overdue ? "true" : "false") : NULL);
    list_param(&lr, v.member);
    list_param(&lr, v.privileged);
    list_param(&lr, v.pseudo);
    list_answer(ctx, &lr);
}

/* Idempotency-Key: 1 to 255 visible ASCII characters. 0 absent, 1 read,
 * -1 malformed (400 answered). */
static int idempotency_key(req_ctx *ctx, const char **out)
{
    const char *k = req_header(ctx, "Idempotency-Key");
    *out = NULL;
    if (k == NULL)
        return 0;
    size_t n = strlen(k);
    int ok = n >= 1 && n <= 255;
    for (size_t i = 0; ok && i < n; i++)
        ok = k[i] > 0x20 && k[i] < 0x7f;
    if (!ok) {
        dna_err e;
        dna_err_init(&e);
        dna_err_field(&e, "Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        req_bad_query(ctx, &e);
        return -1;
    }
    *out = k;
    return 1;
}

void api_reports_create(req_ctx *ctx)
{
    const char *key;
    if (req_query_only(ctx, NULL) != 0 || require_writer(ctx) != 0 || idempotency_key(ctx, &key) < 0)
        return;
    json_t *body;
    if (req_json_body(ctx, REPORTS_CREATE_FIELDS, 0, &body) != 0)
        return;
    /* An anonymous filer is named nowhere, the request log included. */
    ctx->hide_caller = json_is_true(json_object_get(body, "anonymous"));
    dna_err e;
    dna_err_init(&e);
    report_doc doc = {0};
    int replayed = 0;
    dna_status st = reports_file(&ctx->who, body, key, &doc, &replayed, &e);
    json_decref(body);
    if (st == DNA_CREATED && replayed)
        respond_header(ctx->resp, "Idempotent-Replayed", "true");
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/reports");
}

void api_reports_get(req_ctx *ctx)
{
    int64_t id;
    if (report_id(ctx, &id) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    report_doc doc = {0};
    dna_status st = reports_get(&ctx->who, id, &doc, &e);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/reports");
}

void api_reports_update(req_ctx *ctx)
{
    int64_t id;
    if (report_id(ctx, &id) != 0 || require_writer(ctx) != 0)
        return;
    long long version;
    if (req_if_match(ctx, &version) != 0)
        return;
    json_t *patch;
    if (req_json_body(ctx, REPORTS_PATCH_FIELDS, 1, &patch) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    report_doc doc = {0};
    dna_status st = reports_update(&ctx->who, id, patch, version, &doc, &e);
    json_decref(patch);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/reports");
}

void api_reports_transition(req_ctx *ctx)
{
    int64_t id;
    if (report_id(ctx, &id) != 0)
        return;
    long long version;
    if (req_if_match(ctx, &version) != 0)
        return;
    json_t *body;
    if (req_json_body(ctx, REPORTS_TRANSITION_FIELDS, 0, &body) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    report_doc doc = {0};
    dna_status st = reports_transition(&ctx->who, id, body, version, &doc, &e);
    json_decref(body);
    req_answer_doc(ctx, st, &doc, &e, "/api/v1/reports");
}

/* A sub-collection of one report: 404 for a report that does not exist. */
static void answer_sub_collection(req_ctx *ctx, const char *name, const list_sort *sorts)
{
    int64_t id;
    if (req_query_only(ctx, NULL) != 0 || req_path_id(ctx, 0, &id, "report") != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    dna_status st = reports_exists(id, &e);
    if (st != DNA_OK) {
        req_fail(ctx, st, &e);
        return;
    }
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    list_request lr = {.name = name, .sorts = sorts};
    list_param(&lr, idtext);
    list_param(&lr, ctx->who.pseudonymise ? "true" : "false");
    list_answer(ctx, &lr);
}

void api_reports_history(req_ctx *ctx)
{
    answer_sub_collection(ctx, "report-history", REPORTS_HISTORY_SORTS);
}

void api_reports_comments_list(req_ctx *ctx)
{
    answer_sub_collection(ctx, "report-comments", REPORTS_COMMENTS_SORTS);
}

void api_reports_comments_create(req_ctx *ctx)
{
    int64_t id;
    if (report_id(ctx, &id) != 0 || require_writer(ctx) != 0)
        return;
    json_t *body;
    if (req_json_body(ctx, REPORTS_COMMENT_FIELDS, 0, &body) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    char *json = NULL;
    dna_status st = reports_comment(&ctx->who, id, body, &json, &e);
    json_decref(body);
    if (st != DNA_CREATED) {
        req_fail(ctx, st, &e);
        return;
    }
    respond_json_text(ctx->resp, 201, json, strlen(json));
    free(json);
}

static void support(req_ctx *ctx, int on)
{
    int64_t id;
    if (report_id(ctx, &id) != 0 || require_writer(ctx) != 0)
        return;
    dna_err e;
    dna_err_init(&e);
    long long count = 0;
    dna_status st = reports_support(&ctx->who, id, on, &count, &e);
    if (st != DNA_OK) {
        req_fail(ctx, st, &e);
        return;
    }
    respond_json(ctx->resp, 200, json_pack("{s:I}", "supporters_count", (json_int_t)count));
}

void api_reports_support_put(req_ctx *ctx)
{
    support(ctx, 1);
}

void api_reports_support_delete(req_ctx *ctx)
{
    support(ctx, 0);
}
