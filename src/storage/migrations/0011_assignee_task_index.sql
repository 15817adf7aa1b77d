-- "The tasks of this assignee" is read from the assignee's index entries: with the task id in
-- the entry, the filter and its count find the tasks without a lookup of each assignment's row.
DROP INDEX task_assignees_person;
CREATE INDEX task_assignees_person ON task_assignees (person_id, task_id);
