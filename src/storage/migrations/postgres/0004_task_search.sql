-- Substring search on the folded text ("ke hoach" finds "Kế hoạch") through a trigram index
-- instead of reading every task row. pg_trgm is a trusted extension: the database owner may
-- create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX tasks_search_trgm ON tasks USING gin (search_fold gin_trgm_ops);
