-- 0003_read_speed: what listings and exports compute per row, made cheap.
-- Same output as before; measured by `make bench` (B4: 130k+ rows).

-- rfc3339 was declared IMMUTABLE around to_char, which is STABLE, so the
-- planner could not inline it and every call ran as a SQL function (~3x the
-- cost of to_char itself). STABLE, it inlines to the same expression.
CREATE OR REPLACE FUNCTION rfc3339(t timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- The pseudonym of a member under a key: the one definition.
CREATE FUNCTION member_pseudonym_with(member_id bigint, key text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'm-' || substr(encode(hmac(member_id::text, key, 'sha256'), 'hex'), 1, 16)
$$;

-- Each member's pseudonym, stored: an HMAC per row cost exports ~2.7 µs a
-- row. Set on insert, recomputed for every member when the key changes
-- (in the same transaction).
ALTER TABLE members ADD COLUMN pseudonym text;
-- Computing or recomputing pseudonyms is not an update of the members (no
-- version or updated_at change, here or when the key changes).
DROP TRIGGER members_touch ON members;
CREATE TRIGGER members_touch BEFORE UPDATE ON members
    FOR EACH ROW WHEN (OLD.pseudonym IS NOT DISTINCT FROM NEW.pseudonym)
    EXECUTE FUNCTION touch_row();
UPDATE members SET pseudonym = member_pseudonym_with(id,
    (SELECT value FROM app_settings WHERE key = 'pseudonym_key'));
ALTER TABLE members ALTER COLUMN pseudonym SET NOT NULL;

CREATE FUNCTION members_set_pseudonym() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.pseudonym := member_pseudonym_with(NEW.id,
        (SELECT value FROM app_settings WHERE key = 'pseudonym_key'));
    RETURN NEW;
END $$;
CREATE TRIGGER members_pseudonym BEFORE INSERT ON members
    FOR EACH ROW EXECUTE FUNCTION members_set_pseudonym();

CREATE FUNCTION app_settings_pseudonym_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE members SET pseudonym = member_pseudonym_with(id, NEW.value);
    RETURN NULL;
END $$;
CREATE TRIGGER app_settings_pseudonym_key AFTER UPDATE ON app_settings
    FOR EACH ROW WHEN (NEW.key = 'pseudonym_key' AND NEW.value IS DISTINCT FROM OLD.value)
    EXECUTE FUNCTION app_settings_pseudonym_key();

-- Callers that have only an id read the stored pseudonym; an id that names
-- no member still gets the computed one.
CREATE OR REPLACE FUNCTION member_pseudonym(member_id bigint) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN member_id IS NULL THEN NULL ELSE
        COALESCE((SELECT pseudonym FROM members WHERE id = member_id),
                 member_pseudonym_with(member_id,
                     (SELECT value FROM app_settings WHERE key = 'pseudonym_key')))
    END
$$;

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
            'id', m.id, 'pseudonym', m.pseudonym, 'name', m.name, 'email', m.email,
            'department', dept, 'job_title', m.job_title, 'roles', m.roles,
            'joined_at', m.joined_at, 'interests', m.interests, 'active', m.active,
            'erased', m.erased_at IS NOT NULL,
            'created_at', rfc3339(m.created_at), 'updated_at', rfc3339(m.updated_at))
    END
$$;
