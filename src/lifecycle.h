/* lifecycle.h: the red-button report lifecycle of domain.md as a pure table:
 * which transitions exist, and which fields each target needs or accepts.
 * No database and no HTTP: reports.c asks before it writes, and
 * tests/unit/test_lifecycle.c checks every pair. */
#ifndef DNA_LIFECYCLE_H
#define DNA_LIFECYCLE_H

#include "result.h"

typedef enum {
    LC_NEW = 0,
    LC_TRIAGED,
    LC_IN_PROGRESS,
    LC_RESOLVED,
    LC_REJECTED,
    LC_DUPLICATE,
    LC_COUNT
} lc_status;

/* The optional fields of a transition request, as bits. */
enum {
    LC_NOTE = 1u << 0,
    LC_RESOLUTION = 1u << 1,
    LC_DUPLICATE_OF = 1u << 2,
    LC_TRIAGE_WEEK = 1u << 3,
    LC_PRIORITY = 1u << 4,
};

/* The status names, indexed by lc_status and NULL-terminated (a field_spec
 * enum). */
extern const char *const LIFECYCLE_STATUSES[];

/* Name -> status: 0, or -1 for an unknown name. */
int lifecycle_parse(const char *name, lc_status *out);
const char *lifecycle_name(lc_status s);

/* 1 when the lifecycle has an arrow from -> to. */
int lifecycle_allowed(lc_status from, lc_status to);
/* The statuses reachable from `from`, in status order; returns how many. */
int lifecycle_targets(lc_status from, lc_status out[LC_COUNT]);
/* The fields a transition into `to` must carry, and those it may carry. */
unsigned lifecycle_required(lc_status to);
unsigned lifecycle_accepted(lc_status to);
/* resolved, rejected and duplicate: the statuses that close a report. */
int lifecycle_is_closed(lc_status s);

/* A move a lifecycle forbids, for any resource that has one (reports here,
 * initiatives in initiatives.c): DNA_CONFLICT with the detail "cannot move
 * this <noun> from <from> to <to>" and err's extra {"current_status": from,
 * "allowed": [the NULL-terminated `allowed`]} for the 409 problem. */
dna_status lifecycle_refuse(dna_err *err, const char *noun, const char *from, const char *to,
                            const char *const *allowed);

/* Checks a transition request from -> to that carries the fields `given`:
 *   DNA_CONFLICT when the lifecycle has no such arrow; err's extra then holds
 *     {"current_status": from, "allowed": [targets]} for the 409 problem;
 *   DNA_INVALID with a field error per missing or inapplicable field;
 *   DNA_OK otherwise. */
dna_status lifecycle_check(lc_status from, lc_status to, unsigned given, dna_err *err);

#endif
