-- The admin at /admin (ConduitAdmin): who may use it, and a key of its own for each tag row so
-- that the admin can link it (keel-admin edits rows by a single key).
alter table users add column admin boolean not null default false;

create table article_tag_keyed (
  id         ${id},
  article_id bigint not null references article (id) on delete cascade,
  tag        text not null,
  unique (article_id, tag)
);
insert into article_tag_keyed (article_id, tag) select article_id, tag from article_tag;
drop table article_tag;
alter table article_tag_keyed rename to article_tag;
create index article_tag_tag on article_tag (tag);
