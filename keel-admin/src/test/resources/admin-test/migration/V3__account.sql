create table account (
  id            ${id},
  email         text not null unique,
  password_hash text,
  created_at    ${timestamp} not null
);
