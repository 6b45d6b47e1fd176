package dev.keel.processor;

import dev.keel.core.Context;
import dev.keel.core.NotFound;
import dev.keel.web.Body;
import dev.keel.web.Controller;
import dev.keel.web.Cookie;
import dev.keel.web.Delete;
import dev.keel.web.Get;
import dev.keel.web.Header;
import dev.keel.web.Patch;
import dev.keel.web.Post;
import dev.keel.web.Provided;
import dev.keel.web.Put;
import dev.keel.web.Query;
import dev.keel.web.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Items: an example controller using every parameter and return type Keel binds. */
@Controller("/api/items")
public final class ItemsController {
  public enum Color {
    RED,
    GREEN
  }

  public record Tag(@NotBlank @Size(max = 10) String label) {}

  public record Owner(@NotBlank String name, @Email @NotNull String email) {}

  /** A new item, as clients send it. */
  public record NewItem(
      @NotBlank @Size(max = 40) String name,
      @Valid @NotNull Owner owner,
      Color color,
      BigDecimal price,
      @Valid List<Tag> tags) {}

  public record Item(
      UUID id,
      String name,
      Owner owner,
      Color color,
      BigDecimal price,
      List<Tag> tags,
      Instant createdAt) {}

  /** One page of results. */
  public record Page<T>(@Valid List<T> items, int total) {}

  /** The signed-in user, set by middleware. */
  @Provided(status = 401)
  public record User(String name) {}

  /** Set by middleware this test application does not install: a bug, 500. */
  @Provided
  public record Tenant(String id) {}

  public record Echo(
      long number,
      double ratio,
      boolean flag,
      Instant at,
      LocalDate day,
      OffsetDateTime when,
      Optional<String> tenant,
      int visits,
      Optional<String> theme,
      List<Color> colors,
      Optional<Short> small,
      Float weight) {}

  /**
   * A change to an item, for PATCH: a field that is left out or {@code null} is {@code
   * Optional.empty()} and leaves the item as it is.
   */
  public record ItemChange(
      Optional<@NotBlank @Size(max = 40) String> name,
      Optional<Color> color,
      Optional<BigDecimal> price) {}

  public enum Sort {
    OLDEST,
    NEWEST
  }

  /** What {@link #defaults} bound, to compare an absent parameter with its default sent. */
  public record Defaults(
      int limit,
      long offset,
      short page,
      double ratio,
      float weight,
      boolean flag,
      Boolean strict,
      String q,
      UUID id,
      BigDecimal price,
      Instant since,
      LocalDate day,
      OffsetDateTime when,
      Sort sort,
      Integer boxed,
      String tenant,
      int visits) {}

  private final Map<UUID, Item> items = new ConcurrentHashMap<>();

  /**
   * Finds one item.
   *
   * <p>Answers 404 when no item has the id.
   */
  @Get("/{id}")
  Item get(UUID id) {
    Item item = items.get(id);
    if (item == null) throw new NotFound("No item has id " + id + ".");
    return item;
  }

  /** Lists items, optionally of some colours. */
  @Get
  Page<Item> list(
      @Query Optional<String> q,
      @Query @Min(1) @Max(100) int limit,
      @Query("color") List<Color> colors) {
    var found = new ArrayList<Item>();
    for (Item i : items.values()) {
      if (q.isPresent() && !i.name().contains(q.get())) continue;
      if (!colors.isEmpty() && !colors.contains(i.color())) continue;
      found.add(i);
    }
    return new Page<>(found.stream().limit(limit).toList(), found.size());
  }

  /** Creates an item. */
  @Post
  @Status(201)
  Item create(@Body @Valid NewItem body, @Header("X-Tenant") Optional<String> tenant, Context ctx) {
    Item item =
        new Item(
            UUID.randomUUID(),
            tenant.map(t -> t + ":").orElse("") + body.name(),
            body.owner(),
            body.color(),
            body.price(),
            body.tags() == null ? List.of() : body.tags(),
            Instant.parse("2026-01-01T00:00:00Z"));
    items.put(item.id(), item);
    ctx.header("Location", "/api/items/" + item.id());
    return item;
  }

  @Put("/{id}")
  Item replace(UUID id, @Body @Valid NewItem body) {
    Item old = get(id);
    Item item =
        new Item(
            id, body.name(), body.owner(), body.color(), body.price(), old.tags(), old.createdAt());
    items.put(id, item);
    return item;
  }

  /** Renames an item (a text body would be a record too; names are short). */
  @Patch("/{id}/name/{name}")
  Item rename(UUID id, String name) {
    Item old = get(id);
    Item item =
        new Item(id, name, old.owner(), old.color(), old.price(), old.tags(), old.createdAt());
    items.put(id, item);
    return item;
  }

  /** Changes the fields the body gives; the others stay as they are. */
  @Patch("/{id}")
  Item change(UUID id, @Body @Valid ItemChange change) {
    Item old = get(id);
    Item item =
        new Item(
            id,
            change.name().orElse(old.name()),
            old.owner(),
            change.color().orElse(old.color()),
            change.price().orElse(old.price()),
            old.tags(),
            old.createdAt());
    items.put(id, item);
    return item;
  }

  /** Accepts a request to archive an item, answering 202 with no body. */
  @Post("/{id}/archive")
  @Status(202)
  void archive(UUID id) {
    get(id);
  }

  @Delete("/{id}")
  void delete(UUID id) {
    if (items.remove(id) == null) throw new NotFound("No item has id " + id + ".");
  }

  /** Creates many items at once. */
  @Post("/bulk")
  @Status(201)
  Page<Item> bulk(@Body @Valid Page<NewItem> page, Context ctx) {
    var created = new ArrayList<Item>();
    for (NewItem n : page.items()) created.add(create(n, Optional.empty(), ctx));
    return new Page<>(created, created.size());
  }

  /** Creates items from a plain JSON array. */
  @Post("/many")
  @Status(201)
  List<Item> many(@Body @Valid List<NewItem> news, Context ctx) {
    return news.stream().map(n -> create(n, Optional.empty(), ctx)).toList();
  }

  @Get("/me")
  String me(User user) {
    return "Hello, " + user.name();
  }

  @Get("/maybe-me")
  String maybeMe(Optional<User> user) {
    return user.map(User::name).orElse("anonymous");
  }

  @Get("/tenant")
  String tenant(Tenant tenant) {
    return tenant.id();
  }

  /** Every kind of scalar with a default, the query's text escaped in every way Java needs. */
  @Get("/defaults")
  Defaults defaults(
      @Query(defaultValue = "20") @Min(1) @Max(100) int limit,
      @Query(defaultValue = " -7 ") long offset,
      @Query(defaultValue = "3") short page,
      @Query(defaultValue = "1e3") double ratio,
      @Query(defaultValue = "0.1") float weight,
      @Query(defaultValue = "on") boolean flag,
      @Query(defaultValue = "NO") Boolean strict,
      @Query(defaultValue = "caf\u00e9 \"q\"\n\\u0022\t\u0001") String q,
      @Query(defaultValue = "123E4567-E89B-42D3-A456-426614174000") UUID id,
      @Query(defaultValue = "12.50") BigDecimal price,
      @Query(defaultValue = "2026-01-31T12:00:00Z") Instant since,
      @Query(defaultValue = "2026-01-31") LocalDate day,
      @Query(defaultValue = "2026-01-31T12:00:00+01:00") OffsetDateTime when,
      @Query(defaultValue = "newest") Sort sort,
      @Query(defaultValue = "-2147483648") Integer boxed,
      @Header(value = "X-Tenant", defaultValue = "public") @Size(min = 2) String tenant,
      @Cookie(defaultValue = "1") int visits) {
    return new Defaults(
        limit, offset, page, ratio, weight, flag, strict, q, id, price, since, day, when, sort,
        boxed, tenant, visits);
  }

  /** Echoes every kind of scalar back. */
  @Get("/echo/{number}/{ratio}/{flag}")
  Echo echo(
      long number,
      double ratio,
      boolean flag,
      @Query Instant at,
      @Query LocalDate day,
      @Query OffsetDateTime when,
      @Header("X-Tenant") Optional<String> tenant,
      @Cookie("visits") int visits,
      @Cookie Optional<String> theme,
      @Query List<Color> colors,
      @Query Optional<Short> small,
      @Query("weight") Float weight) {
    return new Echo(
        number, ratio, flag, at, day, when, tenant, visits, theme, colors, small, weight);
  }
}
