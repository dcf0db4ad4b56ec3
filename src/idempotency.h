/* idempotency.h: exactly once under retries, for the writes that take an
 * Idempotency-Key through the write skeleton (db_write.h: set w.idem).
 * Filing a report keeps its own one-statement form (reports.c).
 *
 * A key belongs to one caller (a member or an API client) and names one
 * request: its method, path and body (in any key order or spacing). Inside
 * the write's transaction, before anything else, idem_claim inserts the
 * key's row. Until that transaction ends nobody else sees the row, and a
 * second request with the same key waits on it:
 *   - the first commits: the second finds the stored answer and replays it
 *     (the same status and body), whatever the order they arrived in;
 *   - the first rolls back (a 4xx, a lost connection): nothing was stored,
 *     and the second runs as if it were the first;
 *   - the first is still running after IDEM_WAIT: 409 with Retry-After.
 * A key sent again with another request is 422. Keys live IDEM_KEEP, and
 * the janitor purges them after; an erased member's keys go with them. */
#ifndef DNA_IDEMPOTENCY_H
#define DNA_IDEMPOTENCY_H

#include "db.h"
#include "principal.h"
#include "result.h"

#define IDEM_WAIT "2s"
#define IDEM_KEEP "24 hours"

typedef struct {
    const char *key; /* the Idempotency-Key header; NULL: the request has none */
    char *request;   /* "PUT /api/v1/complaint-themes/x" and the canonical body (owned) */
    int replayed;    /* set by the write: answered from the stored answer */
} idem_key;

typedef enum {
    IDEM_CLAIMED, /* first with this key: run the write, then idem_store before COMMIT */
    IDEM_REPLAY,  /* answered before: *answer and *status are that answer */
} idem_outcome;

/* Claims the key, or reads its stored answer (a malloc'd document in
 * *answer, db_doc_free). DNA_OK with *outcome set, DNA_INVALID when the key
 * was used with another request, DNA_CONFLICT (err->retry_after set) when
 * that request is still running; the transaction must then be rolled back. */
dna_status idem_claim(db_conn *c, const idem_key *k, const principal *p, idem_outcome *outcome,
                      db_doc *answer, dna_status *status, dna_err *err);

/* Stores the answer of a claimed key (status: DNA_OK, DNA_CREATED or
 * DNA_NO_CONTENT; doc may be NULL), in the same transaction. */
dna_status idem_store(db_conn *c, const idem_key *k, const principal *p, dna_status status,
                      const db_doc *doc);

#endif
