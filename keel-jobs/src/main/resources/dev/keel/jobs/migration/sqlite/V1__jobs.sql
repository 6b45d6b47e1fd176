-- keel-jobs' tables on SQLite. Times are epoch milliseconds (the same on PostgreSQL).
-- A finished job's row is deleted; failed ones stay with their error until retried or discarded.
create table keel_job (
  id integer primary key autoincrement,
  queue text not null,
  type text not null,
  payload text not null,
  priority integer not null default 0,
  status text not null default 'ready', -- ready, running, failed
  run_at bigint not null,
  enqueued_at bigint not null,
  attempts integer not null default 0,
  max_attempts integer not null,
  timeout_ms bigint not null,
  unique_key text,
  concurrency_key text,
  waiting_for integer not null default 0, -- unfinished jobs this one runs after
  has_dependents integer not null default 0,
  owner text,
  lease_until bigint,
  trace text,
  last_error text,
  failed_at bigint
);
-- the claim: ready jobs by priority and time
create index keel_job_ready on keel_job (priority desc, run_at, id) where status = 'ready';
create index keel_job_running on keel_job (lease_until) where status = 'running';
create index keel_job_failed on keel_job (failed_at) where status = 'failed';
-- a unique key holds while its job is pending (ready or running)
create unique index keel_job_unique on keel_job (unique_key)
  where unique_key is not null and status in ('ready', 'running');
-- at most one running job per concurrency key, whatever the race between workers
create unique index keel_job_one_running on keel_job (concurrency_key)
  where concurrency_key is not null and status = 'running';

create table keel_job_dep (
  job_id bigint not null references keel_job (id) on delete cascade,
  after_id bigint not null,
  primary key (after_id, job_id)
);

create table keel_job_queue (
  name text primary key,
  paused integer not null default 0
);

-- one row per fired schedule slot: the primary key makes a slot fire once across instances
create table keel_job_slot (
  name text not null,
  slot bigint not null,
  primary key (name, slot)
);

