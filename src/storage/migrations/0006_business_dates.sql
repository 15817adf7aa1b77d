-- @sqlite
-- Business dates for the facts that had only a recording time, so that a task can be shown as it
-- stood on any date: when an extension was requested and decided (refusals included), when an
-- explanation was asked and answered, and the date each history event is about. Rows recorded
-- before this migration take the date of their recording time in Vietnam (UTC+7), or the date
-- their own record already states.
ALTER TABLE task_extensions ADD COLUMN requested_on TEXT;
ALTER TABLE task_extensions ADD COLUMN decided_on TEXT;
ALTER TABLE explanation_requests ADD COLUMN requested_on TEXT;
ALTER TABLE explanation_requests ADD COLUMN answered_on TEXT;
ALTER TABLE events ADD COLUMN occurred_on TEXT;

UPDATE task_extensions SET
  requested_on = date(requested_at / 1000, 'unixepoch', '+7 hours'),
  decided_on = CASE WHEN effective_on IS NOT NULL THEN effective_on
                    WHEN decided_at IS NOT NULL THEN date(decided_at / 1000, 'unixepoch', '+7 hours') END;
UPDATE explanation_requests SET
  requested_on = date(requested_at / 1000, 'unixepoch', '+7 hours'),
  answered_on = CASE WHEN answered_at IS NOT NULL THEN date(answered_at / 1000, 'unixepoch', '+7 hours') END;

-- The history is append-only; this one backfill lifts the guard and puts it back.
DROP TRIGGER events_no_update;
UPDATE events SET occurred_on = CASE
  WHEN task_id IS NULL THEN date(recorded_at / 1000, 'unixepoch', '+7 hours')
  WHEN action = 'created' THEN json_extract(after_json, '$.assigned_on')
  WHEN action = 'completed' THEN json_extract(after_json, '$.completed_on')
  WHEN action IN ('cancelled', 'withdrawn') THEN json_extract(after_json, '$.cancelled_on')
  WHEN action = 'progress_reported' THEN
    (SELECT u.reported_on FROM task_updates u WHERE u.task_id = events.task_id
       AND u.recorded_at <= events.recorded_at ORDER BY u.recorded_at DESC, u.id DESC LIMIT 1)
  END;
UPDATE events SET occurred_on = date(recorded_at / 1000, 'unixepoch', '+7 hours')
  WHERE occurred_on IS NULL;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
-- @postgres
-- Business dates for the facts that had only a recording time, so that a task can be shown as it
-- stood on any date: when an extension was requested and decided (refusals included), when an
-- explanation was asked and answered, and the date each history event is about. Rows recorded
-- before this migration take the date of their recording time in Vietnam, or the date their own
-- record already states.
ALTER TABLE task_extensions ADD COLUMN requested_on DATE, ADD COLUMN decided_on DATE;
ALTER TABLE explanation_requests ADD COLUMN requested_on DATE, ADD COLUMN answered_on DATE;
ALTER TABLE events ADD COLUMN occurred_on DATE;

CREATE FUNCTION pg_temp.vn_date(millis BIGINT) RETURNS DATE LANGUAGE sql IMMUTABLE AS
  $$ SELECT (to_timestamp(millis / 1000.0) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date $$;

UPDATE task_extensions SET
  requested_on = pg_temp.vn_date(requested_at),
  decided_on = CASE WHEN effective_on IS NOT NULL THEN effective_on
                    WHEN decided_at IS NOT NULL THEN pg_temp.vn_date(decided_at) END;
UPDATE explanation_requests SET
  requested_on = pg_temp.vn_date(requested_at),
  answered_on = CASE WHEN answered_at IS NOT NULL THEN pg_temp.vn_date(answered_at) END;

-- The history is append-only; this one backfill lifts the guard and puts it back.
ALTER TABLE events DISABLE TRIGGER events_no_change;
UPDATE events e SET occurred_on = CASE
  WHEN e.task_id IS NULL THEN pg_temp.vn_date(e.recorded_at)
  WHEN e.action = 'created' THEN (e.after_json::json ->> 'assigned_on')::date
  WHEN e.action = 'completed' THEN (e.after_json::json ->> 'completed_on')::date
  WHEN e.action IN ('cancelled', 'withdrawn') THEN (e.after_json::json ->> 'cancelled_on')::date
  WHEN e.action = 'progress_reported' THEN
    (SELECT u.reported_on FROM task_updates u WHERE u.task_id = e.task_id
       AND u.recorded_at <= e.recorded_at ORDER BY u.recorded_at DESC, u.id DESC LIMIT 1)
  END;
UPDATE events SET occurred_on = pg_temp.vn_date(recorded_at) WHERE occurred_on IS NULL;
ALTER TABLE events ENABLE TRIGGER events_no_change;
