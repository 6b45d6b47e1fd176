create table comment (
  id         ${id},
  article_id bigint not null references article (id) on delete cascade,
  text       text not null
);
