/* principal.h: who is calling, as established once by authentication. */
#ifndef DNA_PRINCIPAL_H
#define DNA_PRINCIPAL_H

#include <stdint.h>

enum {
    ROLE_MEMBER = 1u << 0,
    ROLE_ORGANIZER = 1u << 1,
    ROLE_DEREGULATION_TEAM = 1u << 2,
    ROLE_PROGRAM_MANAGER = 1u << 3,
    ROLE_ANALYST = 1u << 4,
    ROLE_OMBUDSMAN = 1u << 5,
};
#define ROLE_ANY_STAFF                                                                                       \
    (ROLE_MEMBER | ROLE_ORGANIZER | ROLE_DEREGULATION_TEAM | ROLE_PROGRAM_MANAGER | ROLE_ANALYST)

typedef struct {
    char sub[128];     /* the token's sub: member id as text, or client id */
    int64_t member_id; /* > 0 when the caller is a member, else 0 */
    unsigned roles;    /* ROLE_* bits */
    int pseudonymise;  /* 1 when names and emails must be hidden (analysts) */
} principal;

/* Role names <-> bits. principal_role_bit answers 0 for an unknown name. */
unsigned principal_role_bit(const char *name);
const char *principal_role_name(unsigned bit);
/* Staff roles are cumulative: any staff role implies ROLE_MEMBER. */
unsigned principal_roles_normalise(unsigned roles);

#endif
