-- The working-day calendar (docs/domain.md#working-days): the days off and the weekend days worked
-- that an administrator has set for a year. A year with a row here uses exactly its days; a year
-- without one uses the days the binary knows for it. The calendar belongs to the installation,
-- not to an agency, and any answer may count working days: a change moves every reader's version.
CREATE TABLE calendar_years (
  year {{int}} PRIMARY KEY,
  version {{int}} NOT NULL DEFAULT 1,
  updated_at {{int}} NOT NULL,
  updated_by {{int}} REFERENCES users (id)
);
CREATE TABLE calendar_days (
  day {{date}} PRIMARY KEY,
  year {{int}} NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
  working {{int}} NOT NULL CHECK (working IN (0, 1)),
  name TEXT NOT NULL
);
CREATE INDEX calendar_days_year ON calendar_days (year, day);
-- @sqlite
CREATE TRIGGER bump_calendar_years_insert AFTER INSERT ON calendar_years BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_calendar_years_update AFTER UPDATE ON calendar_years BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_calendar_years_delete AFTER DELETE ON calendar_years BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_calendar_days_insert AFTER INSERT ON calendar_days BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_calendar_days_update AFTER UPDATE ON calendar_days BEGIN UPDATE change_counter SET version = version + 1; END;
CREATE TRIGGER bump_calendar_days_delete AFTER DELETE ON calendar_days BEGIN UPDATE change_counter SET version = version + 1; END;
-- @postgres
CREATE TRIGGER bump_calendar_years AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
CREATE TRIGGER bump_calendar_days AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_counter();
-- @both
