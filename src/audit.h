/* audit.h: who changed what and when, written inside the caller's
 * transaction so the entry exists exactly when the change does. */
#ifndef DNA_AUDIT_H
#define DNA_AUDIT_H

#include <jansson.h>

#include "db.h"
#include "principal.h"

/* The actor text for a principal: "member:<id>", "client:<sub>" or "system". */
void audit_actor(const principal *p, char out[160]);
/* Records one entry; `changes` (may be NULL) is borrowed. Personal fields
 * (name, email, job_title, password, client_secret) are redacted. Returns 0. */
int audit_record(db_conn *c, const principal *p, const char *action, const char *entity,
                 const char *entity_id, const json_t *changes);

/* The listing statements for GET /audit (filters: entity, actor, from, to). */
extern const list_sort AUDIT_SORTS[];

#endif
