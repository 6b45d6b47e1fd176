create table article (
  id         ${id},
  title      text not null unique,
  body       text not null,
  likes      integer not null,
  published  ${bool} not null,
  publish_on ${date},
  created_at ${timestamp} not null,
  version    integer not null default 0
);
