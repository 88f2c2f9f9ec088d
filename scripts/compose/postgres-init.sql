-- Runs once when the compose PostgreSQL volume is created: Temporal uses its own databases
-- (created by auto-setup); the commendation book and the directory live in `tdkt`.
CREATE DATABASE tdkt;
