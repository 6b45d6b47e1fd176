package dev.keel.cli.internal.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSqlTest {
  @Test
  void createTableIsPortable() {
    String sql =
        MigrationSql.createTable(
            Names.of("Post"),
            FieldParser.parseAll(
                List.of(
                    "title:string:required:max=200",
                    "email:string:unique",
                    "views:integer:default=0",
                    "status:string:default=draft",
                    "published:boolean:index",
                    "author:references:required")));
    assertThat(sql)
        .isEqualTo(
            """
            create table posts (
              id         ${id},
              title      varchar(200) not null,
              email      text unique,
              views      integer default 0,
              status     text default 'draft',
              published  ${bool},
              author_id  bigint not null references authors (id),
              created_at ${timestamp} not null,
              updated_at ${timestamp} not null
            );
            create index posts_published on posts (published);
            create index posts_author_id on posts (author_id);
            """);
  }

  @Test
  void theNextVersionFollowsTheHighest(@TempDir Path dir) throws Exception {
    assertThat(MigrationSql.nextVersion(dir.resolve("missing"))).isEqualTo(1);
    Files.writeString(dir.resolve("V1__a.sql"), "");
    Files.writeString(dir.resolve("V9_1__b.sql"), "");
    Files.writeString(dir.resolve("V10__c.sql"), "");
    Files.writeString(dir.resolve("R__view.sql"), "");
    assertThat(MigrationSql.nextVersion(dir)).isEqualTo(11);
  }

  @Test
  void migrationNames() {
    assertThat(MigrationSql.name("AddTagsToPosts")).isEqualTo("add_tags_to_posts");
    assertThat(MigrationSql.name("add-tags")).isEqualTo("add_tags");
    assertThatThrownBy(() -> MigrationSql.name("add tags"))
        .hasMessage(
            "'add tags' is not a migration name: use letters, digits and underscores, e.g."
                + " add_tags_to_posts");
  }
}
