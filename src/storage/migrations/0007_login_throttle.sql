-- Login throttling per account and client address, with growing delays, instead of one counter
-- per account that let anyone lock a user out. A bucket is either "acct|ADDRESS|USERNAME" (guesses
-- at one account from one address) or "addr|ADDRESS" (guesses across accounts from one address).
-- An attempt is counted here, in the statement that admits it, before its password is checked.
CREATE TABLE login_throttle (
  bucket TEXT PRIMARY KEY,
  attempts {{int}} NOT NULL,        -- admitted attempts not followed by a successful login
  blocked_until {{int}} NOT NULL,   -- Unix ms before which no attempt is admitted
  last_attempt_at {{int}} NOT NULL  -- Unix ms; a bucket left alone long enough starts afresh
);
CREATE INDEX login_throttle_last_attempt ON login_throttle (last_attempt_at);

DROP TABLE throttle;

-- API tokens may expire (NULL: never). Their last use is recorded at most once a minute.
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
