/* lifecycle.c: the report lifecycle, enforced in this one place.
 *
 * domain.md gives it as a table:
 *
 *   from                              allowed moves
 *   new                               triaged, rejected, duplicate
 *   triaged                           in_progress, rejected, duplicate
 *   in_progress                       resolved, rejected
 *   resolved, rejected, duplicate     triaged (reopen)
 *
 * The team marks a duplicate straight from `new` in its weekly meeting (its
 * most common move after triage). Staying put (from == to) is not a move.
 */
#include "lifecycle.h"

#include <stdio.h>
#include <string.h>

const char *const LIFECYCLE_STATUSES[] = {"new",      "triaged",   "in_progress", "resolved",
                                          "rejected", "duplicate", NULL};

/* ARROWS[from][to] */
// clang-format off
static const unsigned char ARROWS[LC_COUNT][LC_COUNT] = {
    /*                 new triaged in_progress resolved rejected duplicate */
    [LC_NEW] =         {0,  1,      0,          0,       1,       1},
    [LC_TRIAGED] =     {0,  0,      1,          0,       1,       1},
    [LC_IN_PROGRESS] = {0,  0,      0,          1,       1,       0},
    [LC_RESOLVED] =    {0,  1,      0,          0,       0,       0},
    [LC_REJECTED] =    {0,  1,      0,          0,       0,       0},
    [LC_DUPLICATE] =   {0,  1,      0,          0,       0,       0},
};
// clang-format on

/* What a transition into each status needs, and may carry besides. A note
 * is welcome everywhere; triaging sets the week and the priority. */
static const struct {
    unsigned required, accepted;
} FIELDS[LC_COUNT] = {
    [LC_NEW] = {0, LC_NOTE},
    [LC_TRIAGED] = {0, LC_NOTE | LC_TRIAGE_WEEK | LC_PRIORITY},
    [LC_IN_PROGRESS] = {0, LC_NOTE},
    [LC_RESOLVED] = {LC_RESOLUTION, LC_NOTE | LC_RESOLUTION},
    [LC_REJECTED] = {LC_NOTE, LC_NOTE},
    [LC_DUPLICATE] = {LC_DUPLICATE_OF, LC_NOTE | LC_DUPLICATE_OF},
};

static const struct {
    unsigned bit;
    const char *name;
} FIELD_NAMES[] = {
    {LC_NOTE, "note"},
    {LC_RESOLUTION, "resolution"},
    {LC_DUPLICATE_OF, "duplicate_of"},
    {LC_TRIAGE_WEEK, "triage_week"},
    {LC_PRIORITY, "priority"},
};

int lifecycle_parse(const char *name, lc_status *out)
{
    for (int i = 0; name && i < LC_COUNT; i++)
        if (strcmp(LIFECYCLE_STATUSES[i], name) == 0) {
            *out = (lc_status)i;
            return 0;
        }
    return -1;
}

static int valid(lc_status s)
{
    return (unsigned)s < (unsigned)LC_COUNT;
}

const char *lifecycle_name(lc_status s)
{
    return valid(s) ? LIFECYCLE_STATUSES[s] : "unknown";
}

int lifecycle_allowed(lc_status from, lc_status to)
{
    return valid(from) && valid(to) && ARROWS[from][to];
}

int lifecycle_targets(lc_status from, lc_status out[LC_COUNT])
{
    int n = 0;
    for (int to = 0; valid(from) && to < LC_COUNT; to++)
        if (ARROWS[from][to])
            out[n++] = (lc_status)to;
    return n;
}

unsigned lifecycle_required(lc_status to)
{
    return valid(to) ? FIELDS[to].required : 0;
}

unsigned lifecycle_accepted(lc_status to)
{
    return valid(to) ? FIELDS[to].accepted : 0;
}

int lifecycle_is_closed(lc_status s)
{
    return s == LC_RESOLVED || s == LC_REJECTED || s == LC_DUPLICATE;
}

dna_status lifecycle_refuse(dna_err *err, const char *noun, const char *from, const char *to,
                            const char *const *allowed)
{
    json_t *list = json_array();
    for (int i = 0; list && allowed && allowed[i]; i++)
        json_array_append_new(list, json_string(allowed[i]));
    json_decref(err->extra);
    err->extra = json_pack("{s:s, s:o}", "current_status", from, "allowed", list);
    return dna_err_set(err, DNA_CONFLICT, "cannot move this %s from %s to %s", noun, from, to);
}

dna_status lifecycle_check(lc_status from, lc_status to, unsigned given, dna_err *err)
{
    if (!lifecycle_allowed(from, to)) {
        lc_status targets[LC_COUNT];
        const char *allowed[LC_COUNT + 1];
        int n = lifecycle_targets(from, targets);
        for (int i = 0; i < n; i++)
            allowed[i] = lifecycle_name(targets[i]);
        allowed[n] = NULL;
        return lifecycle_refuse(err, "report", lifecycle_name(from), lifecycle_name(to), allowed);
    }
    unsigned required = FIELDS[to].required, accepted = FIELDS[to].accepted;
    char msg[96];
    for (size_t i = 0; i < sizeof FIELD_NAMES / sizeof FIELD_NAMES[0]; i++) {
        unsigned bit = FIELD_NAMES[i].bit;
        if ((required & bit) && !(given & bit)) {
            snprintf(msg, sizeof msg, "is required to make a report %s", lifecycle_name(to));
            dna_err_field(err, FIELD_NAMES[i].name, msg);
        } else if ((given & bit) && !(accepted & bit)) {
            snprintf(msg, sizeof msg, "does not apply when a report becomes %s", lifecycle_name(to));
            dna_err_field(err, FIELD_NAMES[i].name, msg);
        }
    }
    return err->errors ? DNA_INVALID : DNA_OK;
}
