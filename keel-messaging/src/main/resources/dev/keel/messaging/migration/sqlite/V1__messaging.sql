-- keel-messaging's tables on SQLite. Times are epoch milliseconds.
-- The transactional outbox: rows of the publishing transaction, deleted once the broker confirmed.
create table keel_message_outbox (
  id integer primary key autoincrement,
  message_id varchar(64) not null,
  topic varchar(200) not null,
  message_key varchar(200) not null,
  headers text not null,
  body text not null,
  created_at bigint not null
);
-- Idempotent consumers: one row per message a consumer (topic/group) handled.
create table keel_message_inbox (
  consumer varchar(401) not null,
  message_id varchar(64) not null,
  received_at bigint not null,
  primary key (consumer, message_id)
);
create index keel_message_inbox_received on keel_message_inbox (received_at);
