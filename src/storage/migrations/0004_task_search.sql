-- @sqlite
-- Substring search on the folded text ("ke hoach" finds "Kế hoạch") through a trigram index
-- instead of reading every task row. The index mirrors tasks.search_fold through triggers.
CREATE VIRTUAL TABLE task_search USING fts5(search_fold, content = 'tasks', content_rowid = 'id',
  tokenize = 'trigram', detail = 'none');
INSERT INTO task_search(task_search) VALUES ('rebuild');
CREATE TRIGGER tasks_search_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO task_search(rowid, search_fold) VALUES (new.id, new.search_fold);
END;
CREATE TRIGGER tasks_search_delete AFTER DELETE ON tasks BEGIN
  INSERT INTO task_search(task_search, rowid, search_fold) VALUES ('delete', old.id, old.search_fold);
END;
CREATE TRIGGER tasks_search_update AFTER UPDATE OF search_fold ON tasks BEGIN
  INSERT INTO task_search(task_search, rowid, search_fold) VALUES ('delete', old.id, old.search_fold);
  INSERT INTO task_search(rowid, search_fold) VALUES (new.id, new.search_fold);
END;
-- @postgres
-- Substring search on the folded text ("ke hoach" finds "Kế hoạch") through a trigram index
-- instead of reading every task row. pg_trgm is a trusted extension: the database owner may
-- create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX tasks_search_trgm ON tasks USING gin (search_fold gin_trgm_ops);
