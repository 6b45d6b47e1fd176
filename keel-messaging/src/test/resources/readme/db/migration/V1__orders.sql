create table orders (id integer primary key, customer varchar(100) not null, total_cents bigint not null);
create table invoices (order_id integer primary key, total_cents bigint not null);
