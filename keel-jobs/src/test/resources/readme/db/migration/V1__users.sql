create table users (id ${id}, email text not null unique);
create table sent_mail (user_id bigint not null, kind text not null);
