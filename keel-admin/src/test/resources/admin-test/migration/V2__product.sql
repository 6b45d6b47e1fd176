create table product (
  id           ${id},
  name         text not null,
  status       text not null,
  code         ${uuid} not null,
  price        ${decimal} not null,
  contact      text,
  stock        integer,
  available_at ${timestamp} not null
);
