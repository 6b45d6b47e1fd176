package dev.keel.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

class TypeMappingTest {
  enum Status {
    DRAFT,
    PUBLISHED
  }

  record Address(String city, List<String> lines) {}

  record Order(
      long id,
      UUID ref,
      Instant placedAt,
      LocalDate due,
      OffsetDateTime promised,
      Status status,
      BigDecimal total,
      boolean paid,
      Optional<String> note,
      String comment,
      Integer quantity,
      Address address,
      Map<String, Integer> counts) {}

  private static final String ORDERS =
      "create table \"order\" (id {id}, ref {uuid} not null, placed_at {timestamp} not null,"
          + " due {date} not null, promised {timestamp} not null, status text not null,"
          + " total {decimal} not null, paid {bool} not null, note text, comment text,"
          + " quantity integer, address {json} not null, counts {json} not null)";

  @BothDatabases
  void everyMappedTypeRoundTrips(TestDb t) {
    t.ddl(ORDERS);
    var orders = t.db().repository(Order.class);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Order o =
        new Order(
            0,
            UUID.randomUUID(),
            now,
            LocalDate.of(2026, 2, 28),
            OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2)),
            Status.PUBLISHED,
            new BigDecimal("1234.50"),
            true,
            Optional.empty(),
            null,
            null,
            new Address("Lyon", List.of("1 rue X", "Bât. B")),
            Map.of("apples", 3));
    Order stored = orders.insert(o);
    Order read = orders.find(stored.id()).orElseThrow();
    assertThat(read.ref()).isEqualTo(o.ref());
    assertThat(read.placedAt()).isEqualTo(now);
    assertThat(read.due()).isEqualTo(o.due());
    assertThat(read.promised().isEqual(o.promised())).isTrue();
    assertThat(read.status()).isEqualTo(Status.PUBLISHED);
    assertThat(read.total()).isEqualByComparingTo("1234.50");
    assertThat(read.paid()).isTrue();
    assertThat(read.note()).isEmpty();
    assertThat(read.comment()).isNull();
    assertThat(read.quantity()).isNull();
    assertThat(read.address()).isEqualTo(o.address());
    assertThat(read.counts()).isEqualTo(Map.of("apples", 3));

    Order noted =
        orders.update(
            new Order(
                read.id(),
                read.ref(),
                read.placedAt(),
                read.due(),
                read.promised(),
                Status.DRAFT,
                read.total(),
                false,
                Optional.of("ring twice"),
                "ok",
                2,
                read.address(),
                read.counts()));
    assertThat(noted.note()).contains("ring twice");
    assertThat(noted.quantity()).isEqualTo(2);
    assertThat(noted.paid()).isFalse();
    assertThat(noted.status()).isEqualTo(Status.DRAFT);
  }

  @BothDatabases
  void instantsSortInTimeOrderAndBindInFilters(TestDb t) {
    t.ddl(ORDERS);
    var orders = t.db().repository(Order.class);
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    for (long s : new long[] {5, 1, 3}) {
      orders.insert(
          new Order(
              0,
              UUID.randomUUID(),
              base.plusSeconds(s).plusNanos(s * 1000),
              LocalDate.EPOCH,
              OffsetDateTime.now(ZoneOffset.UTC),
              Status.DRAFT,
              BigDecimal.ONE,
              false,
              Optional.empty(),
              null,
              null,
              new Address("x", List.of()),
              Map.of()));
    }
    var sorted = orders.findAll(Query.all().sort("placedAt"));
    assertThat(sorted).extracting(Order::placedAt).isSorted();
    assertThat(orders.count(Query.all().where("placedAt", Query.Filter.Op.GT, base.plusSeconds(2))))
        .isEqualTo(2);
    assertThat(orders.count(Query.all().where("status", Status.DRAFT))).isEqualTo(3);
  }

  record Tagged(long id, String title, List<String> tags, List<Long> scores) {}

  @BothDatabases
  void listsAreArraysOnPostgresqlAndJsonOnSqlite(TestDb t) {
    boolean pg = t.dialect == Dialect.POSTGRESQL;
    t.ddl(
        "create table tagged (id {id}, title text not null, tags "
            + (pg ? "text[]" : "text")
            + " not null, scores "
            + (pg ? "bigint[]" : "text")
            + " not null)");
    var repo = t.db().repository(Tagged.class);
    Tagged saved = repo.insert(new Tagged(0, "x", List.of("java", "sql"), List.of(3L, 5L)));
    assertThat(repo.find(saved.id()).orElseThrow().tags()).containsExactly("java", "sql");
    assertThat(repo.find(saved.id()).orElseThrow().scores()).containsExactly(3L, 5L);
    repo.insert(new Tagged(0, "empty", List.of(), List.of()));
    assertThat(repo.findAll(Query.all().where("title", "empty")).getFirst().tags()).isEmpty();
    if (pg) {
      assertThat(
              t.db()
                  .sql("select title from tagged where :tag = any(tags)")
                  .bind("tag", "sql")
                  .list(String.class))
          .containsExactly("x");
    }
  }
}
