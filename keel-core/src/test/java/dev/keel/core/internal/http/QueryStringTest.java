package dev.keel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.BadRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringTest {

  @Test
  void decodesPairsInOrderWithPlusAsSpace() {
    assertThat(QueryString.query("b=1&a=x+y&b=2&c&d=&e=%E2%82%AC%25"))
        .containsExactly(
            Map.entry("b", List.of("1", "2")),
            Map.entry("a", List.of("x y")),
            Map.entry("c", List.of("")),
            Map.entry("d", List.of("")),
            Map.entry("e", List.of("€%")));
  }

  @Test
  void semicolonIsDataAndEmptyPairsAreSkipped() {
    assertThat(QueryString.query("a=1;b=2&&c=3&"))
        .containsExactly(Map.entry("a", List.of("1;b=2")), Map.entry("c", List.of("3")));
  }

  @Test
  void queryOfATarget() {
    assertThat(QueryString.of("/a?b=1#frag")).isEqualTo("b=1");
    assertThat(QueryString.of("/a")).isEmpty();
    assertThat(QueryString.of("/a?")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tag=%|The query string parameter 'tag' has a malformed value '%': '%' must be followed by two hex digits, found '%'; encode a literal '%' as %25.",
        "limit=%zz|The query string parameter 'limit' has a malformed value '%zz': '%' must be followed by two hex digits, found '%zz'; encode a literal '%' as %25.",
        "q=%u0041|The query string parameter 'q' has a malformed value '%u0041': '%' must be followed by two hex digits, found '%u0'; encode a literal '%' as %25.",
        "q=%ff|The query string parameter 'q' has a malformed value '%ff': its percent-decoded bytes are not valid UTF-8.",
        "q=%ED%A0%80|The query string parameter 'q' has a malformed value '%ED%A0%80': its percent-decoded bytes are not valid UTF-8.",
        "q=a%00b|The query string parameter 'q' has a malformed value 'a%00b': it contains an encoded NUL character (%00).",
        "%zz=1|The query string has a malformed parameter name '%zz': '%' must be followed by two hex digits, found '%zz'; encode a literal '%' as %25.",
      })
  void malformedTextIsABadRequestNamingTheParameter(String text, String message) {
    assertThatThrownBy(() -> QueryString.query(text))
        .isInstanceOf(BadRequest.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%1", "a=%2", "a=b%"})
  void truncatedEscapesAtTheEndAreRefused(String text) {
    assertThatThrownBy(() -> QueryString.form(text))
        .isInstanceOf(BadRequest.class)
        .hasMessageStartingWith("The form body");
  }
}
