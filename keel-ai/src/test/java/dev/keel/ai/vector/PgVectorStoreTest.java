package dev.keel.ai.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.test.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * pgvector's detection against the real PostgreSQL on 127.0.0.1:5432, which has no pgvector: the
 * store must say so clearly, and a request that needs it gets a 503 problem, not a stack trace.
 */
class PgVectorStoreTest {
  @Test
  void aServerWithoutPgvectorIsDetectedAndExplained() {
    try (var tdb = PgTestDatabase.create();
        Database db = Database.connect(tdb.url)) {
      assertThat(db.sql("select count(*) from pg_available_extensions").one(Long.class))
          .isPositive(); // the view is read, and lists other extensions
      assertThat(VectorStores.pgvectorAvailable(db)).isFalse();
      assertThatThrownBy(() -> VectorStores.pgvector(db, "chunks", 384))
          .isInstanceOfSatisfying(
              HttpException.class,
              e -> {
                assertThat(e.problem().is(VectorProblems.PGVECTOR_MISSING)).isTrue();
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.getMessage())
                    .contains("has no pgvector extension")
                    .contains("pg_available_extensions")
                    .contains("apt install postgresql-<major>-pgvector")
                    .contains("VectorStores.lucene")
                    .contains(tdb.name);
              });
      // nothing was created on the way
      assertThat(
              db.sql("select count(*) from information_schema.tables where table_name = 'chunks'")
                  .one(Long.class))
          .isZero();
    }
  }

  @Test
  void aRequestThatNeedsTheMissingStoreGetsA503Problem() {
    try (var tdb = PgTestDatabase.create()) {
      Database db = Database.create();
      Keel app =
          Keel.create(Config.builder().defaults(Map.of("keel.db.url", tdb.url)).build())
              .install(db);
      app.get(
          "/search",
          ctx ->
              VectorStores.pgvector(db, "chunks", 384)
                  .search(new float[384], 3, MetadataFilter.none()));
      try (var client = TestClient.inProcess(app)) {
        var res = client.get("/search").send();
        assertThat(res.status()).isEqualTo(503);
        assertThat(res.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(res.json().path("type").asString()).endsWith("/pgvector-missing");
        assertThat(res.json().path("detail").asString()).contains("has no pgvector extension");
        assertThat(res.text()).doesNotContain("at dev.keel");
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void otherDatabasesAndBadTableNamesAreRefused() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keel-ai-sqlite");
    try (Database db = Database.connect("jdbc:sqlite:" + dir.resolve("t.db"))) {
      assertThatThrownBy(() -> VectorStores.pgvector(db, "chunks", 384))
          .hasMessageContaining("needs PostgreSQL");
    }
    try (var tdb = PgTestDatabase.create();
        Database db = Database.connect(tdb.url)) {
      assertThatThrownBy(() -> VectorStores.pgvector(db, "Chunks; drop", 384))
          .hasMessageContaining("is not a plain lower-case SQL name");
    }
  }
}
