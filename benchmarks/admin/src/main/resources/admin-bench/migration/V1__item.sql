-- The benchmark's table: 100,000 rows, one in 1,000 with "needle" in its title (what the search finds).
create table item (
  id        ${id},
  title     text not null,
  body      text not null,
  likes     bigint not null,
  published boolean not null
);
