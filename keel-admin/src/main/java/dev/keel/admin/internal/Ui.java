package dev.keel.admin.internal;

import java.util.List;

/** The models of the admin's jte templates (public: the generated template classes read them). */
public final class Ui {
  private Ui() {}

  /** What every page's frame shows. */
  public record Chrome(String title, String base, String logout, String user, String csrf) {}

  public record ModelLink(String label, String href, long count) {}

  public record Dashboard(Chrome chrome, List<ModelLink> models) {}

  /** A list header: its sort link and whether the list is sorted by it now. */
  public record Column(String label, String sortHref, String sorted) {}

  /** A list cell: its text and, for a relation, the related row's page. */
  public record Cell(String text, String link) {}

  public record Row(String id, String href, List<Cell> cells) {}

  /** A select option or a bulk action: the value sent and the words shown. */
  public record Choice(String value, String label) {}

  /** A filter: {@code type} is select, dates (from/to) or id. */
  public record FilterInput(
      String name, String label, String type, List<String> options, String value, String to) {}

  public record ListPage(
      Chrome chrome,
      String label,
      String href,
      boolean canEdit,
      boolean searchable,
      String q,
      List<FilterInput> filters,
      String sort,
      List<Column> columns,
      List<Row> rows,
      List<Choice> actions,
      String notice,
      String position,
      String prevHref,
      String nextHref) {}

  /** One audit entry as the edit page shows it. */
  public record History(String at, String who, String action, List<Audit.Change> changes) {}

  /**
   * One form input; {@code type} is the HTML input type, or select/checkbox/readonly/autocomplete
   * ({@code source}: the URL of its options, for autocomplete only).
   */
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
      String error,
      String source) {}

  /** A create or edit form; {@code links} has the related row's page per relation field. */
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
      String deleteHref,
      java.util.Map<String, String> links,
      List<History> history) {}

  /**
   * A delete confirmation for one row or several: {@code ids} go back in the form; {@code
   * consequences} say what the delete does to rows that refer to them; when {@code refused} the
   * foreign keys forbid it and there is no button.
   */
  public record DeletePage(
      Chrome chrome,
      String heading,
      String action,
      String cancelHref,
      List<Input> summary,
      List<String> ids,
      List<String> consequences,
      boolean refused) {}

  public record Message(Chrome chrome, String heading, String text, String backHref) {}
}
