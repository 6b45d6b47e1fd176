package dev.keel.admin.internal;

import dev.keel.core.Context;
import dev.keel.db.Query;
import dev.keel.db.Query.Filter.Op;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list page's filters ({@code ModelOptions.filters}) from the query string: {@code
 * ?published=yes}, {@code ?status=DRAFT}, {@code ?authorId=7}, {@code ?publishOn.from=2026-01-01
 * &publishOn.to=2026-01-31} (both days included). A value that does not parse is a 400 page.
 *
 * @param query the search's query with the filters added
 * @param params the filter parameters in use, kept in sort and paging links
 * @param inputs what the filter bar shows
 */
record Filters(Query query, Map<String, String> params, List<Ui.FilterInput> inputs) {
  static Filters of(Context ctx, Model<?> m, Query query) {
    var params = new LinkedHashMap<String, String>();
    var inputs = new ArrayList<Ui.FilterInput>();
    Query q = query;
    for (Field f : m.filters()) {
      switch (f.kind()) {
        case DATE, DATETIME, INSTANT -> {
          String from = param(ctx, f.name() + ".from", params);
          String to = param(ctx, f.name() + ".to", params);
          if (!from.isEmpty()) q = q.where(f.name(), Op.GE, bound(f, day(f, from)));
          if (!to.isEmpty()) q = q.where(f.name(), Op.LT, bound(f, day(f, to).plusDays(1)));
          inputs.add(new Ui.FilterInput(f.name(), f.label(), "dates", List.of(), from, to));
        }
        case CHECKBOX -> {
          String v = param(ctx, f.name(), params);
          if (!v.isEmpty()) {
            if (!v.equals("yes") && !v.equals("no")) refuse(f, v, "yes or no");
            q = q.where(f.name(), v.equals("yes"));
          }
          inputs.add(choices(f, v, List.of("yes", "no")));
        }
        case CHOICE -> {
          String v = param(ctx, f.name(), params);
          if (!v.isEmpty()) {
            if (!f.choices().contains(v)) refuse(f, v, "one of " + String.join(", ", f.choices()));
            q = q.where(f.name(), enumValue(f, v));
          }
          inputs.add(choices(f, v, f.choices()));
        }
        default -> { // a …Id relation: one related row
          String v = param(ctx, f.name(), params);
          if (!v.isEmpty()) q = q.where(f.name(), relationId(f, v));
          inputs.add(new Ui.FilterInput(f.name(), f.label(), "id", List.of(), v, ""));
        }
      }
    }
    return new Filters(q, params, inputs);
  }

  private static String param(Context ctx, String name, Map<String, String> params) {
    String v = ctx.query(name).orElse("").strip();
    if (!v.isEmpty()) params.put(name, v);
    return v;
  }

  private static Ui.FilterInput choices(Field f, String v, List<String> options) {
    return new Ui.FilterInput(f.name(), f.label(), "select", options, v, "");
  }

  private static LocalDate day(Field f, String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw refuse(f, s, "a date such as 2026-05-01");
    }
  }

  /** The start of {@code day} in the column's type (instants in UTC). */
  private static Object bound(Field f, LocalDate day) {
    return switch (f.kind()) {
      case DATE -> day;
      case DATETIME -> day.atStartOfDay();
      default -> LocalDateTime.of(day, java.time.LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC);
    };
  }

  private static Object relationId(Field f, String s) {
    try {
      return switch (f.kind()) {
        case UUID -> java.util.UUID.fromString(s);
        case TEXT -> s;
        default -> Long.parseLong(s);
      };
    } catch (IllegalArgumentException e) {
      throw refuse(f, s, f.kind() == Field.Kind.UUID ? "a UUID" : "a whole number (an id)");
    }
  }

  private static Object enumValue(Field f, String s) {
    for (Object c : f.value().getEnumConstants()) {
      if (((Enum<?>) c).name().equals(s)) return c;
    }
    throw refuse(f, s, "one of " + String.join(", ", f.choices()));
  }

  private static Access.Refused refuse(Field f, String value, String expected) {
    throw new Access.Refused(
        400,
        "Invalid filter",
        "The filter "
            + f.label()
            + " got '"
            + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
            + "'; it takes "
            + expected
            + ".");
  }
}
