-- The RealWorld schema; ${id} and ${timestamp} differ between SQLite and PostgreSQL (keel-db).
create table users (
  id            ${id},
  username      text not null unique,
  email         text not null unique,
  password_hash text not null,
  bio           text,
  image         text
);

create table follow (
  follower_id bigint not null references users (id) on delete cascade,
  followee_id bigint not null references users (id) on delete cascade,
  primary key (follower_id, followee_id)
);

create table article (
  id          ${id},
  slug        text not null unique,
  title       text not null,
  description text not null,
  body        text not null,
  author_id   bigint not null references users (id) on delete cascade,
  created_at  ${timestamp} not null,
  updated_at  ${timestamp} not null
);
create index article_created on article (created_at);
create index article_author on article (author_id);

create table article_tag (
  article_id bigint not null references article (id) on delete cascade,
  tag        text not null,
  primary key (article_id, tag)
);
create index article_tag_tag on article_tag (tag);

create table favorite (
  user_id    bigint not null references users (id) on delete cascade,
  article_id bigint not null references article (id) on delete cascade,
  primary key (user_id, article_id)
);

create table comment (
  id         ${id},
  article_id bigint not null references article (id) on delete cascade,
  author_id  bigint not null references users (id) on delete cascade,
  body       text not null,
  created_at ${timestamp} not null,
  updated_at ${timestamp} not null
);
create index comment_article on comment (article_id);
