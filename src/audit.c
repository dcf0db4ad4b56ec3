/* audit.c: audit entries, with personal data redacted before it is stored. */
#include "audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const db_stmt INSERT = {
    "audit_insert",
    "INSERT INTO audit_log (actor, action, entity, entity_id, changes) VALUES ($1, $2, $3, $4, $5::jsonb)"};

static const char *const PERSONAL[] = {"name",     "email",         "job_title", "interests",
                                       "password", "client_secret", "comment",   NULL};

void audit_actor(const principal *p, char out[160])
{
    if (p == NULL || p->sub[0] == '\0')
        snprintf(out, 160, "system");
    else if (p->member_id > 0)
        snprintf(out, 160, "member:%lld", (long long)p->member_id);
    else {
        char sub[121];
        snprintf(out, 160, "client:%s", text_clip(sub, sizeof sub, p->sub));
    }
}

char *audit_changes_text(const json_t *changes)
{
    json_t *copy = changes ? json_deep_copy(changes) : json_object();
    for (const char *const *k = PERSONAL; *k; k++)
        if (json_object_get(copy, *k) != NULL)
            json_object_set_new(copy, *k, json_string("[redacted]"));
    char *text = json_dumps(copy, JSON_COMPACT);
    json_decref(copy);
    return text;
}

int audit_record(db_conn *c, const principal *p, const char *action, const char *entity,
                 const char *entity_id, const json_t *changes)
{
    char actor[160];
    audit_actor(p, actor);
    char *text = audit_changes_text(changes);
    const char *params[5] = {actor, action, entity, entity_id, text ? text : "{}"};
    PGresult *r = db_exec(c, &INSERT, 5, params);
    int ok = db_ok(r);
    PQclear(r);
    free(text);
    return ok ? 0 : -1;
}

static const listing_filter FILTERS[] = {
    {"entity", LISTING_TEXT, .maxlen = 64, .where = "a.entity = {}"},
    {"actor", LISTING_TEXT, .maxlen = 160, .where = "a.actor = {}"},
    {"from", LISTING_DATETIME, .where = "a.at >= {}"},
    {"to", LISTING_DATETIME, .where = "a.at < {}"},
    {NULL},
};

static const listing_sort SORTS[] = {{"at", "a.at", "timestamptz"}, {NULL}};

const listing_def AUDIT_LIST = {
    .name = "audit",
    .row = "json_build_object('id', a.id, 'at', rfc3339(a.at), 'actor', a.actor, 'action', a.action,"
           " 'entity', a.entity, 'entity_id', a.entity_id, 'changes', a.changes)::text",
    .from = " FROM audit_log a",
    .id = "a.id",
    .updated_at = "a.at",
    .csv_header = "id,at,actor,action,entity,entity_id,changes",
    .default_sort = "-at",
    .filters = FILTERS,
    .sorts = SORTS,
};
