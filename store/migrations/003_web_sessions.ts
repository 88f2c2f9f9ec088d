/**
 * Migration 3: what the web UI needs to sign people in — server-side sessions (only a hash of each session
 * token is stored, so a copy of the table cannot be replayed as cookies) and the secrets the web server signs
 * cookies with (generated once, so they survive a restart and are shared by every web process).
 */
export const version = 3;
export const name = 'web_sessions';

export const sql = `
CREATE TABLE web_sessions (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  last_seen   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX web_sessions_user_idx ON web_sessions (user_id);
CREATE INDEX web_sessions_expires_idx ON web_sessions (expires_at);

CREATE TABLE web_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
