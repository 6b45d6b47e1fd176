package dev.keel.admin.internal;

import java.util.List;

/** The models of the admin's jte templates (public: the generated template classes read them). */
public final class Ui {
  private Ui() {}

  /** What every page's frame shows. */
  public record Chrome(String title, String base, String user, String csrf) {}

  public record ModelLink(String label, String href, long count) {}

  public record Dashboard(Chrome chrome, List<ModelLink> models) {}

  /** A list header: its sort link and whether the list is sorted by it now. */
  public record Column(String label, String sortHref, String sorted) {}

  public record Row(String href, List<String> cells) {}

  public record ListPage(
      Chrome chrome,
      String label,
      String newHref,
      boolean canEdit,
      boolean searchable,
      String q,
      List<Column> columns,
      List<Row> rows,
      long total,
      int page,
      int pages,
      String prevHref,
      String nextHref) {}

  /** One form input; {@code type} is the HTML input type, or select/checkbox/readonly. */
  public record Input(
      String name,
      String label,
      String type,
      String value,
      boolean required,
      String maxLength,
      String min,
      String max,
      List<String> choices,
      String error) {}

  public record FormPage(
      Chrome chrome,
      String heading,
      String listHref,
      String action,
      String version,
      List<Input> inputs,
      String formError,
      String notice,
      boolean canEdit,
      String deleteHref) {}

  public record DeletePage(
      Chrome chrome, String heading, String action, String cancelHref, List<Input> summary) {}

  public record Message(Chrome chrome, String heading, String text, String backHref) {}
}
