create table book (
  id integer primary key,
  author_id integer not null references author (id),
  title text not null
);
insert into author (id, name) values (1, 'Ursula');
