-- 0007_complaint_themes: the Ombudsman's complaint themes and their counts per
-- period, and theme codes on reports and session insights turned into real
-- links.
--
-- Invariants the database keeps (a seed must respect them too):
--   * a theme's code is a slug (`wachttijd-telefoon`), chosen by the office;
--   * a period is a month `2026-10` or a quarter `2026-Q4` (years 2000..2099).
--     A quarter and its months are separate series: `kind` tells them apart
--     and nothing adds one to the other;
--   * reports.theme_code and session_insights.theme_code name a theme.

CREATE TABLE complaint_themes (
    code        text PRIMARY KEY
                CHECK (length(code) BETWEEN 1 AND 64 AND code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    description text CHECK (description IS NULL OR length(description) <= 5000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     integer NOT NULL DEFAULT 1
);
CREATE TRIGGER complaint_themes_touch BEFORE UPDATE ON complaint_themes
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX complaint_themes_updated ON complaint_themes (updated_at, code);

-- The first day of a period `YYYY-MM` or `YYYY-Qn` (immutable: generated
-- columns and indexes use it).
CREATE FUNCTION complaint_period_start(period text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN make_date(substr(period, 1, 4)::int,
                     CASE WHEN substr(period, 6, 1) = 'Q' THEN (substr(period, 7, 1)::int - 1) * 3 + 1
                          ELSE substr(period, 6, 2)::int END,
                     1);

CREATE TABLE complaint_theme_periods (
    theme_code      text NOT NULL REFERENCES complaint_themes (code) ON UPDATE CASCADE,
    period          text NOT NULL CHECK (period ~ '^20[0-9]{2}-(0[1-9]|1[0-2]|Q[1-4])$'),
    kind            text NOT NULL GENERATED ALWAYS AS
                        (CASE WHEN substr(period, 6, 1) = 'Q' THEN 'quarter' ELSE 'month' END) STORED,
    starts_on       date NOT NULL GENERATED ALWAYS AS (complaint_period_start(period)) STORED,
    complaint_count integer NOT NULL CHECK (complaint_count BETWEEN 0 AND 1000000),
    summary         text CHECK (summary IS NULL OR length(summary) <= 5000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1,
    PRIMARY KEY (theme_code, period)
);
CREATE TRIGGER complaint_theme_periods_touch BEFORE UPDATE ON complaint_theme_periods
    FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE INDEX complaint_theme_periods_range ON complaint_theme_periods (kind, starts_on, theme_code);
CREATE INDEX complaint_theme_periods_updated ON complaint_theme_periods (updated_at);

-- Codes already on reports and insights become themes of their own (title
-- from the code, `wachttijd-telefoon` → "Wachttijd telefoon"), so that no
-- value is lost; the office's next push gives them its own title.
INSERT INTO complaint_themes (code, title, description)
SELECT code, upper(left(code, 1)) || replace(substr(code, 2), '-', ' '),
       'Aangemaakt bij de invoering van klachtthema''s uit een bestaande themacode.'
  FROM (SELECT theme_code AS code FROM reports WHERE theme_code IS NOT NULL
        UNION SELECT theme_code FROM session_insights WHERE theme_code IS NOT NULL) AS used
ON CONFLICT (code) DO NOTHING;

ALTER TABLE reports ADD CONSTRAINT reports_theme_code_fkey
    FOREIGN KEY (theme_code) REFERENCES complaint_themes (code) ON UPDATE CASCADE;
ALTER TABLE session_insights ADD CONSTRAINT session_insights_theme_code_fkey
    FOREIGN KEY (theme_code) REFERENCES complaint_themes (code) ON UPDATE CASCADE;
