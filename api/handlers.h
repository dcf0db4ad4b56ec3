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

#endif
