-- stands for a migration that takes longer than keel.db.socket-timeout (an index on a big table)
select pg_sleep(2);
create table slow (id integer primary key);
