/* authz.c: role and object checks. */
#include "authz.h"

int authz_has(const principal *p, unsigned roles)
{
    return (p->roles & roles) != 0;
}

int authz_sees_pseudonyms(const principal *p)
{
    return authz_has(p, ROLE_ANALYST) && !authz_has(p, ROLE_PROGRAM_MANAGER);
}

int authz_may_use_member_ids(const principal *p)
{
    return !p->pseudonymise;
}

int authz_route(const principal *p, unsigned roles)
{
    return authz_has(p, roles);
}

int authz_may_export(const principal *p)
{
    return authz_has(p, ROLE_PROGRAM_MANAGER | ROLE_ANALYST);
}

int authz_is_self(const principal *p, int64_t member_id)
{
    return p->member_id > 0 && p->member_id == member_id;
}

int authz_may_write(const principal *p)
{
    /* An analyst who is only an analyst (and its implied member) writes nothing. */
    unsigned writers = ROLE_ORGANIZER | ROLE_DEREGULATION_TEAM | ROLE_PROGRAM_MANAGER;
    if (authz_has(p, ROLE_ANALYST) && !authz_has(p, writers))
        return 0;
    return authz_has(p, ROLE_MEMBER | writers);
}
