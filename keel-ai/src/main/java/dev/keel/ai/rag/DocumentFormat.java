package dev.keel.ai.rag;

import dev.keel.ai.vector.VectorProblems;
import dev.keel.core.HttpException;
import java.util.Locale;

/** How a document's content is written; decides how its text is extracted before chunking. */
public enum DocumentFormat {
  /** Plain text; paragraphs separated by blank lines. */
  TEXT,
  /** CommonMark: headings and paragraphs are kept, markup (links, emphasis, fences) removed. */
  MARKDOWN,
  /** HTML: the visible text of block elements, without scripts, styles and navigation. */
  HTML;

  /**
   * The format of a media type ({@code text/plain}, {@code text/markdown}, {@code text/html},
   * parameters ignored).
   *
   * @throws HttpException {@code document-format} (415) for any other type
   */
  public static DocumentFormat ofMediaType(String mediaType) {
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text/plain" -> TEXT;
      case "text/markdown", "text/x-markdown" -> MARKDOWN;
      case "text/html", "application/xhtml+xml" -> HTML;
      default ->
          throw new HttpException(
              VectorProblems.DOCUMENT_FORMAT,
              "documents of type '"
                  + mediaType
                  + "' cannot be ingested: send text/plain, text/markdown or text/html");
    };
  }
}
