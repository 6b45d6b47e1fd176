package dev.keel.admin.internal;

import dev.keel.core.Context;
import dev.keel.db.Query;
import dev.keel.db.Query.Filter;
import dev.keel.db.Query.Filter.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET <admin>/<model>/_options?q=}: the autocomplete of relation inputs whose target has too
 * many rows for a select. Up to {@value #LIMIT} rows whose key equals {@code q} or whose search
 * fields contain it, as {@code [{"id": .., "label": ..}]}; the viewer needs the target's view
 * permission, as for its list page.
 */
public final class Options {
  static final int LIMIT = 20;
  private final Site site;

  public Options(Site site) {
    this.site = site;
  }

  public Object options(Context ctx) {
    return find(site.model(ctx, "view"), ctx.query("q").orElse("").strip());
  }

  private static <T extends Record> List<Map<String, String>> find(Model<T> m, String q) {
    Query query = Query.all();
    if (!q.isEmpty()) {
      var any = new ArrayList<Filter>();
      for (Field f : m.searchFields()) any.add(new Filter(f.name(), Op.CONTAINS, q));
      try {
        any.add(new Filter(m.key().name(), Op.EQ, Ids.parse(m.key(), q)));
      } catch (IllegalArgumentException notAnId) {
        // text that is no id of this model can still match a search field
      }
      if (any.isEmpty()) return List.of();
      query = query.whereAny(any);
    }
    Field shown = label(m);
    var out = new ArrayList<Map<String, String>>();
    for (T row : m.repository().findAll(query.orderBy(m.key().name(), false).limit(LIMIT))) {
      var option = new LinkedHashMap<String, String>();
      option.put("id", m.id(row));
      option.put("label", shown == null ? m.id(row) : m.show(shown, m.value(row, shown)));
      out.add(option);
    }
    return out;
  }

  /** What names a row beside its id: the first search field, else the first list column. */
  private static Field label(Model<?> m) {
    if (!m.searchFields().isEmpty()) return m.searchFields().getFirst();
    return m.listColumns().stream().filter(f -> !f.key()).findFirst().orElse(null);
  }
}
