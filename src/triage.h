/* triage.h: the deregulation team's weekly agenda (GET /triage): what is
 * escalated, overdue, new and in progress, and what the week closed. */
#ifndef DNA_TRIAGE_H
#define DNA_TRIAGE_H

#include "principal.h"
#include "result.h"

/* The agenda of ISO week `week` (YYYY-Www, already checked; NULL: the
 * current week in The Hague) as JSON text, malloc'd into *json:
 *   {week, starts_on, ends_on, escalated, overdue, new, in_progress, closed}
 * Reports are shown as principal p may see them (see reports.h). */
dna_status triage_agenda(const principal *p, const char *week, char **json, dna_err *err);

#endif
