-- The first table. ${id} and ${timestamp} are keel-db's placeholders: the same file runs on SQLite
-- and PostgreSQL. Add V2__what_changed.sql next to it for the next change; never edit an applied one.
create table note (
  id         ${id},
  title      text not null,
  body       text not null,
  created_at ${timestamp} not null
);
create index note_created on note (created_at);
