-- 0010_stats: what the statistics need: each department's headcount (the
-- share of staff the network reaches), and the small-group rule.

-- All staff of the department, members of the network or not; NULL: not known.
ALTER TABLE departments ADD COLUMN staff_count integer CHECK (staff_count IS NULL OR staff_count BETWEEN 0 AND 1000000);

-- A count about people as an analyst may see it: 1 to 4 people could be
-- recognised one by one, so such a cell is NULL (the row says which cells
-- were left out); 0 and 5 or more stand. Program managers see every count.
CREATE FUNCTION stats_people(n bigint, suppress boolean) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN suppress AND n BETWEEN 1 AND 4 THEN NULL ELSE n END;

-- A figure computed from `n` people's data (a rate, an average, a median):
-- NULL under the same rule.
CREATE FUNCTION stats_people_figure(figure numeric, n bigint, suppress boolean) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN suppress AND n BETWEEN 1 AND 4 THEN NULL ELSE figure END;

-- Which of the named counts the rule leaves out, for the row's `suppressed` list.
CREATE FUNCTION stats_suppressed(suppress boolean, names text[], counts bigint[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN suppress THEN
        ARRAY(SELECT n FROM unnest(names, counts) AS u(n, c) WHERE c BETWEEN 1 AND 4)
        ELSE '{}'::text[] END;

-- When a report left `new` (triaged, rejected or marked a duplicate): NULL while it is new.
CREATE INDEX report_history_left_new ON report_history (report_id, at) WHERE from_status = 'new';
