-- ${id}, ${timestamp} and friends are the column types that differ between SQLite and PostgreSQL
create table article (
  id         ${id},
  slug       text not null unique,
  title      text not null,
  created_at ${timestamp} not null,
  version    integer not null default 0
);
