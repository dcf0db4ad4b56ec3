-- 0001_foundation: departments, members, API clients, the audit log, settings.
-- Every table: bigint identity ids, timestamptz, updated_at kept by a trigger,
-- a version column for ETags.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    NEW.version := OLD.version + 1;
    RETURN NEW;
END $$;

CREATE TABLE app_settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

-- The HMAC key for analysts' pseudonyms: generated once, kept here unless
-- DNA_PSEUDONYM_KEY overrides it at start-up.
INSERT INTO app_settings (key, value)
VALUES ('pseudonym_key', encode(gen_random_bytes(32), 'hex'));

-- A stable pseudonym for a member id: the same for every read and export.
CREATE FUNCTION member_pseudonym(member_id bigint) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN member_id IS NULL THEN NULL ELSE
        'm-' || substr(encode(hmac(member_id::text,
            (SELECT value FROM app_settings WHERE key = 'pseudonym_key'), 'sha256'), 'hex'), 1, 16)
    END
$$;

CREATE TABLE departments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1
);
CREATE TRIGGER departments_touch BEFORE UPDATE ON departments
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX departments_updated ON departments (updated_at, id);

CREATE TABLE members (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email         text UNIQUE CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    department_id bigint NOT NULL REFERENCES departments (id),
    job_title     text CHECK (job_title IS NULL OR length(job_title) <= 200),
    roles         text[] NOT NULL DEFAULT '{member}'
                  CHECK (roles <@ ARRAY['member','organizer','deregulation_team',
                                        'program_manager','analyst']::text[]
                         AND cardinality(roles) >= 1),
    joined_at     date NOT NULL DEFAULT current_date,
    interests     text[] NOT NULL DEFAULT '{}',
    password_hash text,
    active        boolean NOT NULL DEFAULT true,
    erased_at     timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 1
);
CREATE TRIGGER members_touch BEFORE UPDATE ON members
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX members_department ON members (department_id);
CREATE INDEX members_name ON members (name, id);
CREATE INDEX members_joined ON members (joined_at, id);
CREATE INDEX members_updated ON members (updated_at, id);
CREATE INDEX members_email_lower ON members (lower(email));

-- Machine clients (the Ombudsman's office, other systems): client_credentials.
CREATE TABLE api_clients (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_-]{1,63}$'),
    secret_hash text NOT NULL,
    roles       text[] NOT NULL CHECK (cardinality(roles) >= 1),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1
);
CREATE TRIGGER api_clients_touch BEFORE UPDATE ON api_clients
    FOR EACH ROW EXECUTE FUNCTION touch_row();

-- Who changed what and when. Written in the same transaction as the change.
-- actor: 'member:<id>', 'client:<id>' or 'system'. changes: the written
-- fields, with personal data (names, emails, job titles, secrets) redacted.
CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor     text NOT NULL,
    action    text NOT NULL CHECK (action IN ('create','update','delete','erase','transition','link','unlink')),
    entity    text NOT NULL,
    entity_id text NOT NULL,
    changes   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor);

-- Timestamps as the API writes them: RFC 3339 in UTC, to the second.
CREATE FUNCTION rfc3339(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- A member as the API shows it. `pseudo`: the analysts' view, without name,
-- email, job title or id, with the stable pseudonym instead.
CREATE FUNCTION member_json(m members, dept text, pseudo boolean) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN pseudo THEN
        json_build_object(
            'pseudonym', member_pseudonym(m.id), 'department', dept, 'roles', m.roles,
            'joined_at', m.joined_at, 'interests', m.interests, 'active', m.active,
            'erased', m.erased_at IS NOT NULL,
            'created_at', rfc3339(m.created_at), 'updated_at', rfc3339(m.updated_at))
    ELSE
        json_build_object(
            'id', m.id, 'pseudonym', member_pseudonym(m.id), 'name', m.name, 'email', m.email,
            'department', dept, 'job_title', m.job_title, 'roles', m.roles,
            'joined_at', m.joined_at, 'interests', m.interests, 'active', m.active,
            'erased', m.erased_at IS NOT NULL,
            'created_at', rfc3339(m.created_at), 'updated_at', rfc3339(m.updated_at))
    END
$$;
