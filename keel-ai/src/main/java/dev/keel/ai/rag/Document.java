package dev.keel.ai.rag;

import java.util.Map;
import java.util.Objects;

/**
 * A document to ingest.
 *
 * @param id unique; ingesting the same id again replaces its chunks
 * @param source where it comes from (a URL, a path, a title), shown in citations
 * @param format how {@code content} is written
 * @param content the document itself
 * @param metadata copied onto every chunk, for filters ({@code lang}, {@code tenant}, ...)
 */
public record Document(
    String id, String source, DocumentFormat format, String content, Map<String, String> metadata) {
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
    metadata = Map.copyOf(metadata);
    if (id.isBlank()) throw new IllegalArgumentException("a document's id must not be blank");
  }

  /** A plain-text document without metadata. */
  public static Document text(String id, String source, String content) {
    return new Document(id, source, DocumentFormat.TEXT, content, Map.of());
  }

  /** A Markdown document without metadata. */
  public static Document markdown(String id, String source, String content) {
    return new Document(id, source, DocumentFormat.MARKDOWN, content, Map.of());
  }

  /** An HTML document without metadata. */
  public static Document html(String id, String source, String content) {
    return new Document(id, source, DocumentFormat.HTML, content, Map.of());
  }

  /** This document with {@code key=value} added to its metadata. */
  public Document with(String key, String value) {
    var m = new java.util.HashMap<>(metadata);
    m.put(key, value);
    return new Document(id, source, format, content, m);
  }
}
