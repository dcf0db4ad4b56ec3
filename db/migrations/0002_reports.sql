-- 0002_reports: red-button reports (rode-knopmeldingen), their lifecycle
-- history, supports and comments, the rule register (regelregister), and the
-- idempotency keys of filing.
--
-- Invariants the database keeps (a seed must respect them too):
--   * an anonymous report has no reporter at all; a named one always has one;
--   * status 'duplicate' exactly when duplicate_of is set (never itself);
--     'resolved' has a resolution; every status past triage has a triage week
--     and a priority; closed_at is set exactly for closed statuses;
--   * supporters_count and comments_count equal the rows in report_supports
--     and report_comments (kept by the statements that write those rows);
--   * every status a report went through has a report_history row.

-- ---- time in the municipality's zone -------------------------------------
-- ISO weeks and calendar dates mean The Hague's local time, so that a
-- transition on Monday 00:30 belongs to that Monday's week.

CREATE FUNCTION local_day_start(d date) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT d::timestamp AT TIME ZONE 'Europe/Amsterdam'
$$;

-- The ISO week (2026-W48) a moment falls in.
CREATE FUNCTION iso_week(t timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(t AT TIME ZONE 'Europe/Amsterdam', 'IYYY-"W"IW')
$$;

-- The Monday of an ISO week given as 2026-W48.
CREATE FUNCTION iso_week_monday(week text) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_date(week, 'IYYY-"W"IW')
$$;

-- ---- the rule register ----------------------------------------------------

CREATE TABLE rules (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title         text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    source_type   text NOT NULL
                  CHECK (source_type IN ('law', 'regulation', 'policy', 'work_instruction', 'it_system')),
    reference     text CHECK (reference IS NULL OR length(reference) <= 500),
    department_id bigint REFERENCES departments (id),
    description   text CHECK (description IS NULL OR length(description) <= 10000),
    outcome       text NOT NULL DEFAULT 'open'
                  CHECK (outcome IN ('open', 'abolished', 'simplified', 'clarified', 'retained')),
    outcome_note  text CHECK (outcome_note IS NULL OR length(outcome_note) <= 10000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 1,
    -- What became of a rule needs its reasons.
    CONSTRAINT rules_outcome_note CHECK (outcome = 'open' OR length(btrim(outcome_note)) > 0)
);
CREATE TRIGGER rules_touch BEFORE UPDATE ON rules
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX rules_title ON rules (title, id);
CREATE INDEX rules_updated ON rules (updated_at, id);
CREATE INDEX rules_department ON rules (department_id);

-- ---- reports ----------------------------------------------------------------

CREATE TABLE reports (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title            text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    description      text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 10000),
    procedure        text NOT NULL CHECK (length(btrim(procedure)) BETWEEN 1 AND 500),
    impact           text CHECK (impact IS NULL OR length(impact) <= 5000),
    department_id    bigint NOT NULL REFERENCES departments (id),
    category         text NOT NULL
                     CHECK (category IN ('procedure', 'regulation', 'it_system', 'form', 'communication', 'other')),
    anonymous        boolean NOT NULL DEFAULT false,
    -- NULL exactly for anonymous reports: no link to the filer is kept.
    reporter_id      bigint REFERENCES members (id),
    status           text NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'triaged', 'in_progress', 'resolved', 'rejected', 'duplicate')),
    priority         text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    triage_week      text CHECK (triage_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
    assignee_id      bigint REFERENCES members (id),
    -- A complaint theme's code (a slug); the themes table comes later.
    theme_code       text CHECK (length(theme_code) <= 64 AND theme_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    rule_id          bigint REFERENCES rules (id),
    resolution       text CHECK (resolution IS NULL OR length(btrim(resolution)) BETWEEN 1 AND 10000),
    duplicate_of     bigint REFERENCES reports (id),
    -- Counters, changed in the same statement as the rows they count.
    supporters_count integer NOT NULL DEFAULT 0 CHECK (supporters_count >= 0),
    comments_count   integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),
    -- When the report last reached resolved, rejected or duplicate.
    closed_at        timestamptz,
    -- Full text over title, description and procedure, Dutch stemming.
    search           tsvector GENERATED ALWAYS AS (
                         to_tsvector('dutch', title || ' ' || description || ' ' || procedure)) STORED,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer NOT NULL DEFAULT 1,
    CONSTRAINT reports_reporter CHECK (anonymous = (reporter_id IS NULL)),
    CONSTRAINT reports_duplicate CHECK ((status = 'duplicate') = (duplicate_of IS NOT NULL)
                                        AND duplicate_of IS DISTINCT FROM id),
    CONSTRAINT reports_resolution CHECK (status <> 'resolved' OR resolution IS NOT NULL),
    CONSTRAINT reports_triaged CHECK (status IN ('new', 'rejected')
                                      OR (triage_week IS NOT NULL AND priority IS NOT NULL)),
    CONSTRAINT reports_closed CHECK ((status IN ('resolved', 'rejected', 'duplicate')) = (closed_at IS NOT NULL))
);
CREATE TRIGGER reports_touch BEFORE UPDATE ON reports
    FOR EACH ROW EXECUTE FUNCTION touch_row();
-- Listing orders (keyset: sort column, id) and the hot filter status=new.
CREATE INDEX reports_created ON reports (created_at, id);
CREATE INDEX reports_status_created ON reports (status, created_at, id);
CREATE INDEX reports_supporters ON reports (supporters_count, id);
CREATE INDEX reports_updated ON reports (updated_at, id);
CREATE INDEX reports_search ON reports USING gin (search);
CREATE INDEX reports_department ON reports (department_id, created_at);
CREATE INDEX reports_reporter ON reports (reporter_id) WHERE reporter_id IS NOT NULL;
CREATE INDEX reports_assignee ON reports (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX reports_rule ON reports (rule_id) WHERE rule_id IS NOT NULL;
CREATE INDEX reports_theme ON reports (theme_code) WHERE theme_code IS NOT NULL;
CREATE INDEX reports_duplicate_of ON reports (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every status change: who, when, from, to, note. The filing entry (from
-- NULL to 'new') names no actor: the reporter is on the report itself, shown
-- under its rules, and an anonymous report must name nobody.
CREATE TABLE report_history (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id    bigint NOT NULL REFERENCES reports (id),
    at           timestamptz NOT NULL DEFAULT now(),
    actor_id     bigint REFERENCES members (id),
    from_status  text CHECK (from_status IN ('new', 'triaged', 'in_progress', 'resolved', 'rejected', 'duplicate')),
    to_status    text NOT NULL
                 CHECK (to_status IN ('new', 'triaged', 'in_progress', 'resolved', 'rejected', 'duplicate')),
    note         text CHECK (note IS NULL OR length(note) <= 5000),
    resolution   text,
    duplicate_of bigint REFERENCES reports (id),
    CONSTRAINT report_history_filing CHECK ((from_status IS NULL) = (to_status = 'new'))
);
CREATE INDEX report_history_report ON report_history (report_id, at, id);
CREATE INDEX report_history_at ON report_history (at, id);
CREATE INDEX report_history_closing ON report_history (at)
    WHERE to_status IN ('resolved', 'rejected', 'duplicate');

-- +1 ("me too"): once per member, enforced here so concurrency cannot break it.
CREATE TABLE report_supports (
    report_id  bigint NOT NULL REFERENCES reports (id),
    member_id  bigint NOT NULL REFERENCES members (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, member_id)
);
CREATE INDEX report_supports_member ON report_supports (member_id);

-- Comments are signed: the author is shown (analysts see a pseudonym).
CREATE TABLE report_comments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id  bigint NOT NULL REFERENCES reports (id),
    author_id  bigint NOT NULL REFERENCES members (id),
    text       text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 5000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1
);
CREATE TRIGGER report_comments_touch BEFORE UPDATE ON report_comments
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX report_comments_report ON report_comments (report_id, created_at, id);
CREATE INDEX report_comments_updated ON report_comments (updated_at, id);

-- The first answer to a POST with an Idempotency-Key, replayed for 24 hours.
-- key_hash = sha256(scope, caller, key), computed by PostgreSQL: the caller's
-- subject is never stored, and for anonymous filings it is left out of the
-- hash altogether, so a key cannot link an anonymous report to its filer.
CREATE TABLE idempotency_keys (
    key_hash     bytea PRIMARY KEY,
    request_hash bytea NOT NULL,
    status       smallint NOT NULL,
    resource_id  bigint,
    version      integer,
    body         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- How a report is shown (who sees the reporter, the analysts' pseudonyms)
-- is written out in src/reports.h (REPORT_JSON) rather than as a SQL
-- function: PostgreSQL parses an inlined SQL function's body again at every
-- planning, which cost ~0.9 ms per listing page (those get custom plans).
