-- 0009_complaint_thread: what the complaint-themes API needs on top of 0007:
-- the ranges a list of themes counts over, a tie-breaker for its pages, and
-- idempotency keys for any write (not only filing a report).

-- The listing's keyset needs a unique bigint after its sort value; the code
-- stays the theme's key everywhere else.
ALTER TABLE complaint_themes ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE;

-- A period's name from its kind and first day: 2026-10, 2026-Q4.
CREATE FUNCTION complaint_period_name(kind text, starts_on date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN kind = 'quarter' THEN to_char(starts_on, 'YYYY-"Q"Q') ELSE to_char(starts_on, 'YYYY-MM') END;

-- The range a list of themes counts over, and the equally long range just
-- before it (the trend compares the two). The ends are periods of one kind
-- (the API checks that, and that p_from <= p_to). Without p_to: the last
-- complete month (quarter) before p_today; without p_from: twelve months
-- (four quarters) up to p_to; a p_from later than the default p_to makes a
-- range of that one period.
CREATE FUNCTION complaint_range(p_from text, p_to text, p_today date,
                                OUT kind text, OUT from_start date, OUT to_start date,
                                OUT prev_from date, OUT prev_to date, OUT periods int)
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    months int;
BEGIN
    kind := CASE WHEN substr(coalesce(p_from, p_to, ''), 6, 1) = 'Q' THEN 'quarter' ELSE 'month' END;
    months := CASE kind WHEN 'quarter' THEN 3 ELSE 1 END;
    to_start := coalesce(complaint_period_start(p_to),
                         (date_trunc(kind, p_today) - make_interval(months => months))::date);
    from_start := coalesce(complaint_period_start(p_from),
                           (to_start - make_interval(months => 12 - months))::date);
    IF from_start > to_start THEN
        to_start := from_start;
    END IF;
    periods := ((extract(year FROM to_start) * 12 + extract(month FROM to_start))
                - (extract(year FROM from_start) * 12 + extract(month FROM from_start)))::int / months + 1;
    prev_to := (from_start - make_interval(months => months))::date;
    prev_from := (from_start - make_interval(months => months * periods))::date;
END $$;

-- Every write that takes an Idempotency-Key (idempotency.c) stores its
-- answer's key as text: an id, or a theme's code.
ALTER TABLE idempotency_keys ADD COLUMN resource_key text;
