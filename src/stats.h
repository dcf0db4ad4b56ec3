/* stats.h: the programme's figures (/api/v1/stats/...). Each statistic and
 * grouping is a listing (listing.h) whose rows PostgreSQL computes in one
 * statement: every period of the range or every department, category,
 * status present (zeros where nothing happened), so a chart has no gaps.
 * The same declaration answers JSON and streams CSV/NDJSON.
 *
 * Every figure says its unit in its name (`median_days_to_resolve`,
 * `attendance_rate_percent`). For analysts a count of 1 to 4 people, and a
 * figure computed from so few, is null, and the row's `suppressed` names it
 * (migration 0010, stats_people). Program managers see every count. */
#ifndef DNA_STATS_H
#define DNA_STATS_H

#include "listing.h"
#include "result.h"

/* One statistic: its groupings, each a listing. `group_by[i]` names the
 * listing `lists[i]`; the first is the default. */
typedef struct {
    const char *name; /* "reports": /api/v1/stats/reports */
    const char *const *group_by;
    const listing_def *const *lists;
} stats_def;

extern const stats_def STATS_OVERVIEW, STATS_REPORTS, STATS_SESSIONS, STATS_MEMBERS, STATS_THEMES,
    STATS_RULES, STATS_NETWORK;

/* The listing for ?group_by= (NULL: the default); NULL with a field error
 * for a grouping the statistic does not have. */
const listing_def *stats_grouping(const stats_def *s, const char *group_by, dna_err *err);

/* The range from..to (YYYY-MM-DD, both inclusive) with its defaults: to is
 * today (UTC), from the first day of the month eleven months before to's.
 * DNA_BAD_REQUEST for from after to or a range over ten years. */
dna_status stats_range(const char *from, const char *to, char from_out[11], char to_out[11], dna_err *err);

#endif
