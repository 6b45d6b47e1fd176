package dev.keel.ai.rag.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ai.rag.DocumentFormat;
import org.junit.jupiter.api.Test;

class TextExtractorTest {
  @Test
  void markdownKeepsTextAndDropsMarkup() {
    String md =
        """
        # Retries

        A job that **throws** is retried with *backoff*; see [the guide](https://keel.dev/jobs).
        - first item
        1. numbered item
        > quoted line

        ```java
        jobs.enqueue(new Mail(1));
        ```
        ![diagram](d.png)
        """;
    String text = TextExtractor.text(DocumentFormat.MARKDOWN, md);
    assertThat(text)
        .isEqualTo(
            """
            Retries

            A job that throws is retried with backoff; see the guide.
            first item
            numbered item
            quoted line

            jobs.enqueue(new Mail(1));

            diagram""");
  }

  @Test
  void htmlGivesTheVisibleTextOfBlocks() {
    String html =
        """
        <html><head><title>T</title><style>p{color:red}</style></head>
        <body><nav><a href="/">Home</a></nav>
        <h1>Vector   search</h1><p>Lucene keeps an <b>HNSW</b> graph.<br>On disk.</p>
        <ul><li>fast</li><li>local</li></ul><script>alert(1)</script></body></html>
        """;
    assertThat(TextExtractor.text(DocumentFormat.HTML, html))
        .isEqualTo("Vector search\n\nLucene keeps an HNSW graph.\nOn disk.\n\nfast\n\nlocal");
  }

  @Test
  void plainTextIsTidied() {
    assertThat(TextExtractor.text(DocumentFormat.TEXT, "  a\t b \r\n\r\n\r\n\r\nc  "))
        .isEqualTo("a b\n\nc");
  }
}
