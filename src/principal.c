/* principal.c: role names and their bits. */
#include "principal.h"

#include <string.h>

static const struct {
    const char *name;
    unsigned bit;
} ROLES[] = {
    {"member", ROLE_MEMBER},
    {"organizer", ROLE_ORGANIZER},
    {"deregulation_team", ROLE_DEREGULATION_TEAM},
    {"program_manager", ROLE_PROGRAM_MANAGER},
    {"analyst", ROLE_ANALYST},
    {"ombudsman", ROLE_OMBUDSMAN},
};

unsigned principal_role_bit(const char *name)
{
    for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++)
        if (strcmp(ROLES[i].name, name) == 0)
            return ROLES[i].bit;
    return 0;
}

const char *principal_role_name(unsigned bit)
{
    for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++)
        if (ROLES[i].bit == bit)
            return ROLES[i].name;
    return NULL;
}

unsigned principal_roles_normalise(unsigned roles)
{
    if (roles & (ROLE_ORGANIZER | ROLE_DEREGULATION_TEAM | ROLE_PROGRAM_MANAGER | ROLE_ANALYST))
        roles |= ROLE_MEMBER;
    return roles;
}
