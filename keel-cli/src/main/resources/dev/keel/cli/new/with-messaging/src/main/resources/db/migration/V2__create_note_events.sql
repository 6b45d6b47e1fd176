-- What NoteEvents' subscriber (group note-log) received: one row per NoteCreated message. The
-- message id is the key, and the subscription is idempotent, so a redelivered copy adds nothing.
create table note_event (
  message_id  varchar(64) primary key,
  note_id     bigint not null,
  title       text not null,
  received_at ${timestamp} not null
);
create index note_event_note on note_event (note_id);
