create table notes (
  id         ${id},
  text       text not null,
  created_at ${timestamp} not null
);
