-- 0006_sessions: inspiration, listening, leadership and workshop sessions,
-- registrations with a waitlist, attendance, feedback, insights, and the
-- members' personal calendar feeds.
--
-- Invariants the database keeps (a seed must respect them too):
--   * a registration is 'registered', 'waitlisted' or 'cancelled'; the
--     waitlist's order is `queued` (the moment it joined it), so positions
--     are 1..n without gaps by construction (computed, never stored);
--   * never more registered than the capacity: every change to a session's
--     registrations locks the session row first (sessions.c), so they are
--     serialised; the capacity check and the promotion of the first
--     waitlisted happen under that lock;
--   * attended only for registered members; feedback once per attendee.

CREATE TABLE sessions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('inspiration', 'listening', 'leadership', 'workshop')),
    title        text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    description  text CHECK (description IS NULL OR length(description) <= 10000),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    location     text CHECK (location IS NULL OR length(location) <= 300),
    capacity     integer CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 10000),
    host_id      bigint REFERENCES members (id),
    partner      text CHECK (partner IS NULL OR length(btrim(partner)) BETWEEN 1 AND 200),
    cancelled_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    version      integer NOT NULL DEFAULT 1,
    CONSTRAINT sessions_ends_after_start CHECK (ends_at > starts_at)
);
CREATE TRIGGER sessions_touch BEFORE UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX sessions_starts ON sessions (starts_at, id);
CREATE INDEX sessions_title ON sessions (title, id);
CREATE INDEX sessions_updated ON sessions (updated_at, id);
CREATE INDEX sessions_host ON sessions (host_id) WHERE host_id IS NOT NULL;

CREATE TABLE session_registrations (
    session_id    bigint NOT NULL REFERENCES sessions (id),
    member_id     bigint NOT NULL REFERENCES members (id),
    status        text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    -- When it joined the waitlist (its place in line); NULL unless waitlisted.
    queued        timestamptz,
    registered_at timestamptz NOT NULL DEFAULT now(),
    attended      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 1,
    PRIMARY KEY (session_id, member_id),
    CONSTRAINT session_registrations_queue CHECK ((status = 'waitlisted') = (queued IS NOT NULL)),
    CONSTRAINT session_registrations_attended CHECK (NOT attended OR status = 'registered')
);
CREATE TRIGGER session_registrations_touch BEFORE UPDATE ON session_registrations
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX session_registrations_member ON session_registrations (member_id, session_id);
CREATE INDEX session_registrations_queue ON session_registrations (session_id, queued, member_id)
    WHERE status = 'waitlisted';
CREATE INDEX session_registrations_updated ON session_registrations (updated_at);

CREATE TABLE session_feedback (
    session_id bigint NOT NULL,
    member_id  bigint NOT NULL,
    rating     smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    text CHECK (comment IS NULL OR length(comment) <= 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, member_id),
    FOREIGN KEY (session_id, member_id) REFERENCES session_registrations (session_id, member_id)
);
CREATE INDEX session_feedback_updated ON session_feedback (updated_at);

-- Short findings of (mostly listening) sessions, optionally tied to a
-- complaint theme by its code (a slug; the themes table comes later).
CREATE TABLE session_insights (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id bigint NOT NULL REFERENCES sessions (id),
    text       text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 2000),
    theme_code text CHECK (length(theme_code) <= 64 AND theme_code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    author_id  bigint REFERENCES members (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1
);
CREATE TRIGGER session_insights_touch BEFORE UPDATE ON session_insights
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX session_insights_session ON session_insights (session_id, created_at, id);
CREATE INDEX session_insights_theme ON session_insights (theme_code) WHERE theme_code IS NOT NULL;

-- The audit log names what happened to a session: 'cancel' besides the rest.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('create', 'update', 'delete', 'erase', 'transition', 'link', 'unlink', 'cancel'));

-- A member's personal calendar feed: the key is shown once, stored hashed.
CREATE TABLE calendar_feeds (
    member_id  bigint PRIMARY KEY REFERENCES members (id),
    key_hash   bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
