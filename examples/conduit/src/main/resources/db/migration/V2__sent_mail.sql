-- What the welcome-mail job sent (Conduit has no mail server: the outbox is this table).
create table sent_mail (
  id      ${id},
  user_id bigint not null references users (id) on delete cascade,
  kind    text not null,
  sent_at bigint not null
);
