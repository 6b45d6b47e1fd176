package dev.keel.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Repository#findAll(Query)}, {@link Repository#count(Query)} and {@link
 * Repository#exists(Query)} select: filters, sort order and a page (offset or keyset). Immutable;
 * every method returns a new query.
 *
 * <pre>{@code
 * Query q = Query.all()
 *     .where("authorId", Filter.Op.EQ, 7)
 *     .where("createdAt", Filter.Op.GE, since)
 *     .sort(ctx.query("sort").orElse("-createdAt"))   // user input: checked against the columns
 *     .limit(20);
 * List<Article> first = articles.findAll(q);
 * List<Article> next = articles.findAll(q.after(first.getLast()));   // keyset paging
 * }</pre>
 *
 * <p>Column names are record component names ({@code createdAt}) or column names ({@code
 * created_at}); the repository checks each against the record and rejects anything else, so a sort
 * parameter from a request cannot inject SQL. Values are always bound.
 */
public final class Query {
  /** One condition: {@code column op value}. */
  public record Filter(String column, Op op, Object value) {
    /** Comparison operators. {@code IN} takes a collection; {@code IS_NULL} ignores the value. */
    public enum Op {
      EQ,
      NE,
      LT,
      LE,
      GT,
      GE,
      LIKE,
      /** Case-insensitive substring of a text column; {@code %} and {@code _} match themselves. */
      CONTAINS,
      IN,
      IS_NULL,
      IS_NOT_NULL
    }

    public Filter {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(op, "op");
    }
  }

  /** One sort key. */
  public record Order(String column, boolean descending) {
    public Order {
      Objects.requireNonNull(column, "column");
    }
  }

  private final List<Filter> filters;
  private final List<List<Filter>> anyOf;
  private final List<Order> orders;
  private final int limit;
  private final long offset;
  private final Optional<Record> after;

  private Query(
      List<Filter> filters,
      List<List<Filter>> anyOf,
      List<Order> orders,
      int limit,
      long offset,
      Optional<Record> after) {
    this.filters = List.copyOf(filters);
    this.anyOf = List.copyOf(anyOf);
    this.orders = List.copyOf(orders);
    this.limit = limit;
    this.offset = offset;
    this.after = after;
  }

  /** Every row, in key order, no limit. */
  public static Query all() {
    return new Query(List.of(), List.of(), List.of(), 0, 0, Optional.empty());
  }

  /** Adds {@code column = value}. */
  public Query where(String column, Object value) {
    return where(column, Filter.Op.EQ, value);
  }

  /** Adds {@code column op value}; all filters must hold. */
  public Query where(String column, Filter.Op op, Object value) {
    var list = new ArrayList<>(filters);
    list.add(new Filter(column, op, value));
    return new Query(list, anyOf, orders, limit, offset, after);
  }

  /**
   * Adds a condition that holds when at least one of {@code alternatives} holds (an SQL {@code or}
   * in parentheses), e.g. a search over several columns. An empty list matches nothing.
   */
  public Query whereAny(List<Filter> alternatives) {
    var list = new ArrayList<>(anyOf);
    list.add(List.copyOf(alternatives));
    return new Query(filters, list, orders, limit, offset, after);
  }

  /** Adds a sort key. */
  public Query orderBy(String column, boolean descending) {
    var list = new ArrayList<>(orders);
    list.add(new Order(column, descending));
    return new Query(filters, anyOf, list, limit, offset, after);
  }

  /**
   * Sorts by a comma-separated list as found in URLs: {@code "-createdAt,title"} is {@code
   * created_at desc, title asc}. Each name is checked against the record's columns when the query
   * runs; an unknown one is rejected with 400 Bad Request.
   */
  public Query sort(String spec) {
    Query q = this;
    for (String part : spec.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) continue;
      boolean desc = p.startsWith("-");
      if (desc || p.startsWith("+")) p = p.substring(1).strip();
      q = q.orderBy(p, desc);
    }
    return q;
  }

  /** At most {@code n} rows (1..10000). */
  public Query limit(int n) {
    if (n < 1 || n > 10_000) {
      throw new IllegalArgumentException("limit: " + n + " (expected: 1..10000)");
    }
    return new Query(filters, anyOf, orders, n, offset, after);
  }

  /** Skips {@code n} rows (offset paging; prefer {@link #after} for deep pages). */
  public Query offset(long n) {
    if (n < 0) throw new IllegalArgumentException("offset: " + n + " (expected: >= 0)");
    return new Query(filters, anyOf, orders, limit, n, after);
  }

  /**
   * Keyset paging: the rows that come after {@code lastRow} in this query's order (the key is added
   * as the last sort key, so the order is total). Sort columns must not be null.
   */
  public Query after(Record lastRow) {
    return new Query(filters, anyOf, orders, limit, offset, Optional.of(lastRow));
  }

  public List<Filter> filters() {
    return filters;
  }

  /** The groups added by {@link #whereAny}, each of which must have one filter that holds. */
  public List<List<Filter>> anyOf() {
    return anyOf;
  }

  public List<Order> orders() {
    return orders;
  }

  /** The row limit, 0 for none. */
  public int limitValue() {
    return limit;
  }

  public long offsetValue() {
    return offset;
  }

  public Optional<Record> afterRow() {
    return after;
  }
}
