/* authz.h: the one place that answers "may this principal do this". The
 * route table carries each route's roles (the matrix of api.md); object-level
 * rules (self, owner, reporter) are the functions below. */
#ifndef DNA_AUTHZ_H
#define DNA_AUTHZ_H

#include <stdint.h>

#include "principal.h"

/* Does this principal see member references as pseudonyms only (analysts
 * who are not also program managers)? Set once into principal.pseudonymise. */
int authz_sees_pseudonyms(const principal *p);
/* May the principal name members by id (paths, filters)? Not analysts: an
 * id next to the pseudonym they see would join the two. */
int authz_may_use_member_ids(const principal *p);
/* May the principal call a route open to `roles` at all? */
int authz_route(const principal *p, unsigned roles);
/* Holds any of `roles`. */
int authz_has(const principal *p, unsigned roles);
/* CSV/NDJSON exports: program managers and analysts only. */
int authz_may_export(const principal *p);
/* The principal is the member `member_id`. */
int authz_is_self(const principal *p, int64_t member_id);
/* Writes are refused to analysts (read-only) and the Ombudsman outside themes. */
int authz_may_write(const principal *p);

#endif
