-- keel-admin's audit history: one row per create, edit, delete or bulk action through the admin.
create table keel_admin_audit (
  id      integer primary key autoincrement,
  at      text not null,
  who     text not null,
  action  text not null,
  model   text not null,
  row_id  text not null,
  changes text not null
);
create index keel_admin_audit_row on keel_admin_audit (model, row_id, id);
