create table article (
  id    ${id},
  title text not null,
  body  text not null
);
