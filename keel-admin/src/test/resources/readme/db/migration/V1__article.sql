create table article (
  id         ${id},
  title      text not null,
  body       text not null,
  published  ${bool} not null,
  created_at ${timestamp} not null,
  version    integer not null default 0
);
