/* sessions.h: the programme's sessions (inspiration, listening, leadership,
 * workshop): their register, registrations with a waitlist, attendance,
 * feedback and insights.
 *
 * A second worked example after rules: listings declared once (listing.h),
 * every write through the skeleton (db_write.h). Everything that changes a
 * session's registrations locks the session row first, so registrations,
 * cancellations and capacity changes are serialised per session: never more
 * registered than seats, the waitlist promoted in order. Waitlist positions
 * are computed from the order members joined it (1..n, no gaps). */
#ifndef DNA_SESSIONS_H
#define DNA_SESSIONS_H

#include <jansson.h>
#include <stdint.h>

#include "db.h"
#include "json_in.h"
#include "listing.h"
#include "principal.h"
#include "result.h"

extern const char *const SESSION_KINDS[];
extern const field_spec SESSIONS_CREATE_FIELDS[];
extern const field_spec SESSIONS_PATCH_FIELDS[];
extern const field_spec SESSIONS_REGISTER_FIELDS[];
extern const field_spec SESSIONS_ATTENDANCE_FIELDS[];
extern const field_spec SESSIONS_FEEDBACK_FIELDS[];
extern const field_spec SESSIONS_INSIGHT_FIELDS[];

/* GET /sessions: filters kind, from, to, status (upcoming, past, cancelled),
 * host_id, q, registered (the caller's); contexts viewer, pseudo; sorts
 * starts_at (default), title. */
extern const listing_def SESSIONS_LIST;
/* A session's registrations, insights and (for exports) feedback: context
 * session, pseudo. */
extern const listing_def SESSION_REGISTRATIONS_LIST;
extern const listing_def SESSION_INSIGHTS_LIST;
extern const listing_def SESSION_FEEDBACK_LIST;

/* The viewer parameters of every session statement: the member id (or NULL)
 * and "true"/"false" for the analysts' pseudonymised view. */
typedef struct {
    char member_text[24];
    const char *member;
    const char *pseudo;
} session_viewer;
void sessions_viewer(const principal *p, session_viewer *v);

/* One session with its counts and the caller's registration. */
dna_status sessions_get(const principal *p, int64_t id, db_doc *out, dna_err *err);
dna_status sessions_create(const principal *p, const json_t *body, db_doc *out, dna_err *err);
/* Merge patch; a larger capacity moves the first waitlisted up, a smaller
 * one unregisters nobody. if_match < 0: no precondition. */
dna_status sessions_update(const principal *p, int64_t id, const json_t *patch, long long if_match,
                           db_doc *out, dna_err *err);
/* Cancels (registrations kept); cancelling again changes nothing. */
dna_status sessions_cancel(const principal *p, int64_t id, db_doc *out, dna_err *err);
/* DNA_OK when the session exists (for its sub-collections). */
dna_status sessions_exists(int64_t id, dna_err *err);

/* Registers `member_id` (the caller themself, or anyone for organizers and
 * program managers): DNA_CREATED with the registration {session_id,
 * member_id, status, position} as JSON in out; registered or waitlisted by
 * the seats left. DNA_CONFLICT: registered already, the session cancelled,
 * or (for others than organizers and program managers) already started. */
dna_status sessions_register(const principal *p, int64_t session_id, int64_t member_id, db_doc *out,
                             dna_err *err);
/* Cancels a registration (DNA_NO_CONTENT); the first waitlisted moves up. */
dna_status sessions_unregister(const principal *p, int64_t session_id, int64_t member_id, dna_err *err);
/* Records who attended (registered members only, from the start on): the
 * answer {session_id, attended: [ids], count} as JSON in out. */
dna_status sessions_attendance(const principal *p, int64_t session_id, const json_t *body, db_doc *out,
                               dna_err *err);
/* An attendee's feedback, once: DNA_CREATED. */
dna_status sessions_feedback(const principal *p, int64_t session_id, const json_t *body, db_doc *out,
                             dna_err *err);
/* {average_rating, count, items}: analysts see ratings and comments without who wrote them. */
dna_status sessions_feedback_summary(const principal *p, int64_t session_id, db_doc *out, dna_err *err);
/* A finding of the session, optionally tied to a complaint theme: DNA_CREATED. */
dna_status sessions_insight(const principal *p, int64_t session_id, const json_t *body, db_doc *out,
                            dna_err *err);

#endif
