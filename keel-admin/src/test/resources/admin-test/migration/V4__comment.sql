-- rows that refer to articles: comments go with their article, pins forbid deleting it
create table comment (
  id         ${id},
  article_id bigint not null references article (id) on delete cascade,
  body       text not null,
  approved   ${bool} not null
);
create table pin (
  id         ${id},
  article_id bigint not null references article (id)
);
