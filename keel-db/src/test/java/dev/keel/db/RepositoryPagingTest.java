package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Each combination of limit and offset returns the right rows on both engines (SQLite needs a limit
 * before an offset; PostgreSQL rejects {@code limit -1}).
 */
class RepositoryPagingTest {
  record Item(long id, String name) {}

  private static List<Long> ids(Repository<Item> items, Query query) {
    return items.findAll(query).stream().map(Item::id).toList();
  }

  @BothDatabases
  void limitAndOffsetInEveryCombination(TestDb t) {
    t.ddl("create table item (id {id}, name text not null)");
    Repository<Item> items = t.db().repository(Item.class);
    for (String name : List.of("a", "b", "c", "d", "e")) items.insert(new Item(0, name));
    List<Long> all = ids(items, Query.all());
    assertThat(all).hasSize(5).isSorted();
    assertThat(ids(items, Query.all().limit(2))).isEqualTo(all.subList(0, 2));
    assertThat(ids(items, Query.all().offset(3))).isEqualTo(all.subList(3, 5));
    assertThat(ids(items, Query.all().limit(2).offset(1))).isEqualTo(all.subList(1, 3));
    assertThat(ids(items, Query.all().offset(5))).isEmpty();
    assertThat(ids(items, Query.all().sort("-name").offset(4))).containsExactly(all.getFirst());
    assertThat(items.exists(Query.all().where("name", "e"))).isTrue();
    assertThat(items.exists(Query.all().where("name", "z"))).isFalse();
  }
}
