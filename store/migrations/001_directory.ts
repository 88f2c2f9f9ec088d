/**
 * Migration 1: the directory — units, emulation clusters/blocs, people, user accounts with roles, councils.
 * Frozen once released: change the schema with a new migration, never by editing this one.
 */
export const version = 1;
export const name = 'directory';

export const sql = `
CREATE TABLE units (
  id               text PRIMARY KEY,
  name             text NOT NULL,
  level            text NOT NULL CHECK (level IN ('supreme', 'high', 'provincial', 'regional', 'department')),
  -- Deferred so a whole tree can be imported in one transaction in any order.
  parent_id        text REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  staff_count      integer NOT NULL CHECK (staff_count >= 0),
  collective_count integer NOT NULL CHECK (collective_count >= 0),
  email            text NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_level_idx ON units (level);
CREATE INDEX units_parent_idx ON units (parent_id);

CREATE TABLE clusters (
  id   text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cluster', 'bloc'))
);

CREATE TABLE cluster_members (
  cluster_id text NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
  unit_id    text NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (cluster_id, unit_id)
);
CREATE INDEX cluster_members_unit_idx ON cluster_members (unit_id);

-- The head unit (cụm trưởng / khối trưởng) and deputy (cụm phó) of a cluster, per emulation year.
-- Both must be members of the cluster; one unit cannot hold both seats in the same year.
CREATE TABLE cluster_heads (
  cluster_id text NOT NULL,
  year       integer NOT NULL CHECK (year BETWEEN 1945 AND 2200),
  seat       text NOT NULL CHECK (seat IN ('head', 'deputy')),
  unit_id    text NOT NULL,
  PRIMARY KEY (cluster_id, year, seat),
  UNIQUE (cluster_id, year, unit_id),
  FOREIGN KEY (cluster_id, unit_id) REFERENCES cluster_members (cluster_id, unit_id)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE people (
  id        text PRIMARY KEY,
  full_name text NOT NULL,
  unit_id   text NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  job_title text NOT NULL,
  email     text
);
CREATE INDEX people_unit_idx ON people (unit_id);

CREATE TABLE users (
  id            text PRIMARY KEY,
  -- Lower-case ASCII so logins never depend on case or on how a keyboard composes Vietnamese letters.
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]+$'),
  display_name  text NOT NULL,
  unit_id       text NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  email         text NOT NULL,
  person_id     text REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
  -- Set by the web UI's sign-in feature; null means the account cannot sign in with a password yet.
  password_hash text
);
CREATE INDEX users_unit_idx ON users (unit_id);

CREATE TABLE user_roles (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    text NOT NULL CHECK (role IN (
    'unit_clerk', 'unit_head', 'cluster_head', 'council_secretary', 'council_member', 'leadership', 'admin')),
  PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role_idx ON user_roles (role);

-- The emulation and commendation council (Hội đồng Thi đua - Khen thưởng) of a unit.
CREATE TABLE councils (
  unit_id             text PRIMARY KEY REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  chair_user_id       text NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
  secretariat_unit_id text NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED
);

-- Seats: 'member' (votes) and 'standing' (Thường trực Hội đồng); one user may hold both.
CREATE TABLE council_seats (
  council_unit_id text NOT NULL REFERENCES councils (unit_id) ON DELETE CASCADE,
  seat            text NOT NULL CHECK (seat IN ('member', 'standing')),
  user_id         text NOT NULL REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
  ordinal         integer NOT NULL,
  PRIMARY KEY (council_unit_id, seat, user_id)
);
`;
