/* themes.h: the Ombudsman's complaint themes: the themes and their counts
 * per period, pushed by the office's systems (an API client with role
 * ombudsman), and the thread from complaint to change.
 *
 * Pushing the same data again changes nothing (no new version, no audit
 * entry); with an Idempotency-Key a retry is answered exactly as the first
 * request was (idempotency.h). A month and a quarter are separate series:
 * nothing here adds one to the other. */
#ifndef DNA_THEMES_H
#define DNA_THEMES_H

#include <jansson.h>

#include "db.h"
#include "idempotency.h"
#include "json_in.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

/* At most this many themes in one batch. */
#define THEMES_BATCH_MAX 500

extern const field_spec THEME_PUT_FIELDS[];
extern const field_spec THEME_PERIOD_FIELDS[];
extern const field_spec THEME_BATCH_FIELDS[];

/* GET /complaint-themes: each theme with its total over period_from ..
 * period_to and the trend against the equally long range before; sorts
 * total, code; filter q (code or title). */
extern const listing_def THEMES_LIST;

/* period_from and period_to, when both are given: the same kind, in order
 * (DNA_BAD_REQUEST naming the field otherwise). */
dna_status themes_check_range(const char *from, const char *to, dna_err *err);

/* The thread: the theme, its counts over time (`periods`), the linked
 * `reports` (with status), `insights` (with their session) and
 * `initiatives` (with status), built by one statement. */
dna_status themes_thread(const char *code, db_doc *out, dna_err *err);

/* PUT /complaint-themes/{code} {title, description}: DNA_CREATED for a new
 * theme, DNA_OK for a changed or unchanged one. */
dna_status themes_put(const principal *p, const char *code, const json_t *body, idem_key *idem, db_doc *out,
                      dna_err *err);

/* PUT /complaint-themes/{code}/periods/{period} {complaint_count, summary}:
 * DNA_CREATED for a new period, DNA_OK otherwise; DNA_NOT_FOUND for an
 * unknown theme. */
dna_status themes_put_period(const principal *p, const char *code, const char *period, const json_t *body,
                             idem_key *idem, db_doc *out, dna_err *err);

/* POST /complaint-themes/batch {period, themes: [...]}: all or nothing; the
 * answer says per theme what became of it. */
dna_status themes_batch(const principal *p, const json_t *body, idem_key *idem, db_doc *out, dna_err *err);

#endif
