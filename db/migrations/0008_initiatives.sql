-- 0008_initiatives: the inventory of improvement initiatives: owner,
-- department, status, participants, progress updates, and links to the
-- red-button reports and complaint themes they address.
--
-- Invariants the database keeps (a seed must respect them too):
--   * status is 'idea', 'active', 'completed' or 'stopped'; started_at is set
--     exactly when it is no longer an idea, closed_at exactly when it is
--     completed or stopped, never before started_at. Which moves are allowed
--     (idea → active → completed | stopped) is checked by initiatives.c under
--     the initiative's row lock;
--   * a member takes part once, a report and a theme are linked once (the
--     primary keys); theme links follow a theme's code (ON UPDATE CASCADE);
--   * `version` (the ETag) counts changes to the initiative's own fields.
--     Participants, links and progress updates move its updated_at (for
--     incremental sync) but not its version, so that an owner's If-Match is
--     not refused because someone joined;
--   * erasing a member removes their participations (members.c); what they
--     own or wrote stays, under the erased member's display name.

CREATE TABLE initiatives (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title         text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    summary       text NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 5000),
    owner_id      bigint NOT NULL REFERENCES members (id),
    department_id bigint NOT NULL REFERENCES departments (id),
    status        text NOT NULL DEFAULT 'idea'
                  CHECK (status IN ('idea', 'active', 'completed', 'stopped')),
    started_at    timestamptz,
    closed_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 1,
    CONSTRAINT initiatives_started CHECK ((status = 'idea') = (started_at IS NULL)),
    CONSTRAINT initiatives_closed CHECK ((status IN ('completed', 'stopped')) = (closed_at IS NOT NULL)
                                        AND (closed_at IS NULL OR closed_at >= started_at))
);
-- Only a change to the initiative's own fields is a new version (see
-- above): a merge patch that sets what is there already keeps the ETag.
CREATE TRIGGER initiatives_touch BEFORE UPDATE OF title, summary, owner_id, department_id, status
    ON initiatives FOR EACH ROW
    WHEN ((OLD.title, OLD.summary, OLD.owner_id, OLD.department_id, OLD.status)
          IS DISTINCT FROM (NEW.title, NEW.summary, NEW.owner_id, NEW.department_id, NEW.status))
    EXECUTE FUNCTION touch_row();
CREATE INDEX initiatives_created ON initiatives (created_at, id);
CREATE INDEX initiatives_updated ON initiatives (updated_at, id);
CREATE INDEX initiatives_title ON initiatives (title, id);
CREATE INDEX initiatives_status ON initiatives (status, created_at, id);
CREATE INDEX initiatives_owner ON initiatives (owner_id);
CREATE INDEX initiatives_department ON initiatives (department_id);

CREATE TABLE initiative_participants (
    initiative_id bigint NOT NULL REFERENCES initiatives (id),
    member_id     bigint NOT NULL REFERENCES members (id),
    joined_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (initiative_id, member_id)
);
CREATE INDEX initiative_participants_member ON initiative_participants (member_id);

CREATE TABLE initiative_updates (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id bigint NOT NULL REFERENCES initiatives (id),
    author_id     bigint NOT NULL REFERENCES members (id),
    text          text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 5000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 1
);
CREATE TRIGGER initiative_updates_touch BEFORE UPDATE ON initiative_updates
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX initiative_updates_initiative ON initiative_updates (initiative_id, created_at, id);
CREATE INDEX initiative_updates_updated ON initiative_updates (updated_at, id);
CREATE INDEX initiative_updates_author ON initiative_updates (author_id);

CREATE TABLE initiative_reports (
    initiative_id bigint NOT NULL REFERENCES initiatives (id),
    report_id     bigint NOT NULL REFERENCES reports (id),
    linked_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (initiative_id, report_id)
);
CREATE INDEX initiative_reports_report ON initiative_reports (report_id);

CREATE TABLE initiative_themes (
    initiative_id bigint NOT NULL REFERENCES initiatives (id),
    theme_code    text NOT NULL REFERENCES complaint_themes (code) ON UPDATE CASCADE,
    linked_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (initiative_id, theme_code)
);
CREATE INDEX initiative_themes_theme ON initiative_themes (theme_code);

-- What hangs off an initiative moves its updated_at (not its version).
CREATE FUNCTION initiative_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE initiatives SET updated_at = now()
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.initiative_id ELSE NEW.initiative_id END;
    RETURN NULL;
END $$;
CREATE TRIGGER initiative_participants_touch AFTER INSERT OR DELETE ON initiative_participants
    FOR EACH ROW EXECUTE FUNCTION initiative_touch();
CREATE TRIGGER initiative_updates_parent AFTER INSERT OR DELETE ON initiative_updates
    FOR EACH ROW EXECUTE FUNCTION initiative_touch();
CREATE TRIGGER initiative_reports_touch AFTER INSERT OR DELETE ON initiative_reports
    FOR EACH ROW EXECUTE FUNCTION initiative_touch();
CREATE TRIGGER initiative_themes_touch AFTER INSERT OR DELETE ON initiative_themes
    FOR EACH ROW EXECUTE FUNCTION initiative_touch();
