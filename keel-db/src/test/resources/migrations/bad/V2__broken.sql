create table shelf (id integer primary key, label text);
insert into shelf (id, label) values (1, 'top');
insert into shelf (id, lable) values (2, 'bottom');
