alter table book add column isbn text;
