create table author (
  id integer primary key,
  name text not null
);
