-- 0005_privacy_and_limits: pseudonyms for analysts alone, erasure that
-- reaches stored answers, report versions that supports and comments leave
-- alone, and login limits shared by every instance of the server.

-- Nobody but an analyst receives a pseudonym: the full view has none.
CREATE OR REPLACE FUNCTION member_json(m members, dept text, pseudo boolean) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN pseudo THEN
        json_build_object(
            'pseudonym', m.pseudonym, 'department', dept, 'roles', m.roles,
            'joined_at', m.joined_at, 'interests', m.interests, 'active', m.active,
            'erased', m.erased_at IS NOT NULL,
            'created_at', rfc3339(m.created_at), 'updated_at', rfc3339(m.updated_at))
    ELSE
        json_build_object(
            'id', m.id, 'name', m.name, 'email', m.email,
            'department', dept, 'job_title', m.job_title, 'roles', m.roles,
            'joined_at', m.joined_at, 'interests', m.interests, 'active', m.active,
            'erased', m.erased_at IS NOT NULL,
            'created_at', rfc3339(m.created_at), 'updated_at', rfc3339(m.updated_at))
    END
$$;

-- An erased member's display name carries no pseudonym (it would join the
-- analysts' view back to the directory).
UPDATE members SET name = 'Verwijderd lid' WHERE erased_at IS NOT NULL;

-- A stored answer names the member who filed (NULL for anonymous filings),
-- so that erasure can remove the answers that hold their name; every key
-- expires on its own (anonymous filings' keys sooner: see reports.c).
ALTER TABLE idempotency_keys ADD COLUMN member_id bigint;
ALTER TABLE idempotency_keys ADD COLUMN expires_at timestamptz;
UPDATE idempotency_keys SET expires_at = created_at + interval '24 hours';
ALTER TABLE idempotency_keys ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX idempotency_keys_member ON idempotency_keys (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at);

-- A support or a comment changes a report's counters, not the report: its
-- version (the ETag) stays, so the team's If-Match is not refused for a +1.
-- The counters still move updated_at, for incremental sync. (A column added
-- to reports later joins the first list.)
DROP TRIGGER reports_touch ON reports;
CREATE TRIGGER reports_touch BEFORE UPDATE OF title, description, procedure, impact, department_id,
    category, anonymous, reporter_id, status, priority, triage_week, assignee_id, theme_code, rule_id,
    resolution, duplicate_of, closed_at ON reports
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER reports_counters BEFORE UPDATE OF supporters_count, comments_count ON reports
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Failed logins, counted per key ("pair:<account>|<address>", "account:...",
-- "address:...") in fixed windows, shared by every instance.
CREATE TABLE login_attempts (
    key          text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    count        integer NOT NULL
);

-- One login attempt against several limits at once (the pair of account and
-- address, the account from anywhere, the address): 0 and counted when all
-- are within their limits, else the seconds until the fullest window ends
-- and nothing counted (refused guesses do not lock the account further).
-- The rows are locked in key order, so concurrent attempts are counted
-- exactly and cannot deadlock.
CREATE FUNCTION login_attempt(keys text[], limits integer[], window_s integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    wait integer;
BEGIN
    INSERT INTO login_attempts (key, window_start, count)
        SELECT k, now(), 0 FROM unnest(keys) AS k ORDER BY k ON CONFLICT (key) DO NOTHING;
    PERFORM 1 FROM login_attempts WHERE key = ANY (keys) ORDER BY key FOR UPDATE;
    UPDATE login_attempts SET window_start = now(), count = 0
        WHERE key = ANY (keys) AND window_start <= now() - make_interval(secs => window_s);
    SELECT max(ceil(extract(epoch FROM a.window_start + make_interval(secs => window_s) - now())))::integer
        INTO wait
        FROM login_attempts a JOIN unnest(keys, limits) AS l (k, lim) ON l.k = a.key
        WHERE a.count >= l.lim;
    IF wait IS NOT NULL THEN
        RETURN greatest(wait, 1);
    END IF;
    UPDATE login_attempts SET count = count + 1 WHERE key = ANY (keys);
    RETURN 0;
END $$;
