-- 0004_second_pass: what the listings declared in C share.

-- A search text as a LIKE pattern that finds it anywhere, with LIKE's own
-- characters (\ % _) taken literally. Simple enough to be inlined.
CREATE FUNCTION like_anywhere(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '%' || replace(replace(replace(t, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- The team marks a duplicate straight from new (domain.md's table): such a
-- report was never triaged, so it has no triage week or priority.
ALTER TABLE reports DROP CONSTRAINT reports_triaged;
ALTER TABLE reports ADD CONSTRAINT reports_triaged
    CHECK (status IN ('new', 'rejected', 'duplicate') OR (triage_week IS NOT NULL AND priority IS NOT NULL));
