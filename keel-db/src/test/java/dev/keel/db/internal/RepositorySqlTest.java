package dev.keel.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.BadRequest;
import dev.keel.db.Dialect;
import dev.keel.db.Id;
import dev.keel.db.Query;
import dev.keel.db.Query.Filter.Op;
import dev.keel.db.Version;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements a repository renders, exactly, on each dialect. */
class RepositorySqlTest {
  record Article(@Id long id, String slug, String title, int likes, @Version int version) {}

  private static final String COLUMNS = "\"id\", \"slug\", \"title\", \"likes\", \"version\"";

  private static RepositorySql<Article> sql(Dialect d) {
    SqlDialect dialect = SqlDialect.of(d);
    return new RepositorySql<>(RecordType.of(Article.class, dialect), dialect);
  }

  private final List<Object> params = new ArrayList<>();

  @Test
  void pagesOfFindAllOnSqlite() {
    var sql = sql(Dialect.SQLITE);
    String base = "select " + COLUMNS + " from \"article\" order by \"id\"";
    assertThat(sql.findAll(Query.all(), params)).isEqualTo(base);
    assertThat(sql.findAll(Query.all().limit(20), params)).isEqualTo(base + " limit 20");
    assertThat(sql.findAll(Query.all().offset(40), params)).isEqualTo(base + " limit -1 offset 40");
    assertThat(sql.findAll(Query.all().limit(20).offset(40), params))
        .isEqualTo(base + " limit 20 offset 40");
    assertThat(params).isEmpty();
  }

  @Test
  void pagesOfFindAllOnPostgresql() {
    var sql = sql(Dialect.POSTGRESQL);
    String base = "select " + COLUMNS + " from \"article\" order by \"id\"";
    assertThat(sql.findAll(Query.all(), params)).isEqualTo(base);
    assertThat(sql.findAll(Query.all().limit(20), params)).isEqualTo(base + " limit 20");
    assertThat(sql.findAll(Query.all().offset(40), params)).isEqualTo(base + " offset 40");
    assertThat(sql.findAll(Query.all().limit(20).offset(40), params))
        .isEqualTo(base + " limit 20 offset 40");
  }

  @Test
  void filtersSortAndKeysetBindEveryValueInOrder() {
    var sql = sql(Dialect.POSTGRESQL);
    Article last = new Article(7, "s", "t", 3, 0);
    String text =
        sql.findAll(
            Query.all()
                .where("likes", Op.GE, 2)
                .where("slug", Op.IN, List.of("a", "b"))
                .where("title", Op.IS_NOT_NULL, null)
                .sort("-likes")
                .after(last)
                .limit(10),
            params);
    assertThat(text)
        .isEqualTo(
            "select "
                + COLUMNS
                + " from \"article\" where \"likes\" >= ? and \"slug\" in (?, ?) and \"title\" is"
                + " not null and ((\"likes\" < ?) or (\"likes\" = ? and \"id\" < ?))"
                + " order by \"likes\" desc, \"id\" desc limit 10");
    assertThat(params).containsExactly(2, "a", "b", 3, 3, 7L);
  }

  @Test
  void writesUseTheKeyAndCheckAndBumpTheVersion() {
    var sql = sql(Dialect.SQLITE);
    var key = sql.requireId("test");
    Article a = new Article(0, "s", "t", 1, 0);
    assertThat(sql.insert(a, params))
        .isEqualTo(
            "insert into \"article\" (\"slug\", \"title\", \"likes\", \"version\") values (?, ?, ?,"
                + " ?) returning "
                + COLUMNS);
    assertThat(params).containsExactly("s", "t", 1, 0);
    params.clear();
    Article stored = new Article(5, "s", "u", 1, 2);
    assertThat(sql.update(stored, key, params))
        .isEqualTo(
            "update \"article\" set \"slug\" = ?, \"title\" = ?, \"likes\" = ?, \"version\" ="
                + " \"version\" + 1 where \"id\" = ? and \"version\" = ? returning "
                + COLUMNS);
    assertThat(params).containsExactly("s", "u", 1, 5L, 2);
    params.clear();
    assertThat(sql.delete(stored, key, params))
        .isEqualTo("delete from \"article\" where \"id\" = ? and \"version\" = ?");
    assertThat(params).containsExactly(5L, 2);
    assertThat(sql.deleteById(key)).isEqualTo("delete from \"article\" where \"id\" = ?");
    assertThat(sql.find(key)).isEqualTo("select " + COLUMNS + " from \"article\" where \"id\" = ?");
    assertThat(sql.findIn(sql.component("slug", "test"), 3))
        .isEqualTo("select " + COLUMNS + " from \"article\" where \"slug\" in (?, ?, ?)");
  }

  @Test
  void countAndExistsIgnoreOrderAndPage() {
    for (Dialect d : Dialect.values()) {
      var sql = sql(d);
      Query q = Query.all().where("slug", "a").sort("title").limit(5).offset(5);
      assertThat(sql.count(q, params))
          .isEqualTo("select count(*) from \"article\" where \"slug\" = ?");
      assertThat(sql.exists(q, params))
          .isEqualTo("select 1 from \"article\" where \"slug\" = ? limit 1");
      assertThat(sql.count(Query.all(), params)).isEqualTo("select count(*) from \"article\"");
    }
  }

  @Test
  void namesFromAQueryAreCheckedBeforeAnySqlIsWritten() {
    var sql = sql(Dialect.SQLITE);
    assertThatThrownBy(() -> sql.findAll(Query.all().sort("title; drop table article"), params))
        .isInstanceOf(BadRequest.class)
        .hasMessageContaining("cannot sort by 'title; drop table article'")
        .hasMessageContaining("[id, slug, title, likes, version]");
    assertThatThrownBy(() -> sql.count(Query.all().where("nope", 1), params))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filter: 'nope' is not a column of article");
    assertThatThrownBy(() -> sql.count(Query.all().where("likes", "many"), params))
        .hasMessageContaining("filter likes expects Integer, not String many");
  }
}
