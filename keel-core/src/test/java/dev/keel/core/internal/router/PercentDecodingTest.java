package dev.keel.core.internal.router;

import static dev.keel.core.internal.router.Routes.found;
import static dev.keel.core.internal.router.Routes.router;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.internal.router.Lookup.NotFound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentDecodingTest {

  private final Router<String> router =
      router("GET /café", "GET /a/b", "GET /a/{x}", "GET /p/{x}/{y}", "GET /files/{*path}");

  @Test
  void decodesParameterValuesPerSegment() {
    assertThat(router.find("GET", "/a/hello%20world"))
        .isEqualTo(found("GET /a/{x}", "x", "hello world"));
    assertThat(router.find("GET", "/a/%E2%82%AC")).isEqualTo(found("GET /a/{x}", "x", "€"));
    assertThat(router.find("GET", "/a/%e2%82%ac")).isEqualTo(found("GET /a/{x}", "x", "€"));
    assertThat(router.find("GET", "/a/100%25")).isEqualTo(found("GET /a/{x}", "x", "100%"));
    assertThat(router.find("GET", "/a/a+b")).isEqualTo(found("GET /a/{x}", "x", "a+b"));
  }

  @Test
  void encodedSlashStaysInsideItsSegment() {
    assertThat(router.find("GET", "/a/b%2Fc")).isEqualTo(found("GET /a/{x}", "x", "b/c"));
    assertThat(router.find("GET", "/a/b%2fc")).isEqualTo(found("GET /a/{x}", "x", "b/c"));
    assertThat(router.find("GET", "/p/x%2Fy/z"))
        .isEqualTo(found("GET /p/{x}/{y}", "x", "x/y", "y", "z"));
    // Decoded "b/c" is one segment, so it is neither the literal "b" nor two segments.
    assertThat(router.find("GET", "/a%2Fb")).isInstanceOf(NotFound.class);
    assertThat(router.find("GET", "/p/x%2Fy")).isInstanceOf(NotFound.class);
  }

  @Test
  void literalSegmentsCompareAgainstDecodedText() {
    assertThat(router.find("GET", "/caf%C3%A9")).isEqualTo(found("GET /café"));
    assertThat(router.find("GET", "/café")).isEqualTo(found("GET /café"));
    assertThat(router.find("GET", "/%61/%62")).isEqualTo(found("GET /a/b"));
    assertThat(router.find("GET", "/cafe%CC%81")).isInstanceOf(NotFound.class); // no normalization
  }

  @Test
  void wildcardValueIsDecodedSegmentBySegment() {
    assertThat(router.find("GET", "/files/a%20b/c%2Fd/%C3%A9"))
        .isEqualTo(found("GET /files/{*path}", "path", "a b/c/d/é"));
    assertThat(router.find("GET", "/fil%65s/x/"))
        .isEqualTo(found("GET /files/{*path}", "path", "x/"));
  }

  @Test
  void nonAsciiCharactersNextToEscapesStandForThemselves() {
    assertThat(router.find("GET", "/a/é%20ü")).isEqualTo(found("GET /a/{x}", "x", "é ü"));
    assertThat(router.find("GET", "/a/😀%21")).isEqualTo(found("GET /a/{x}", "x", "😀!"));
  }

  @ParameterizedTest
  @CsvSource({
    "/a/%zz, %zz, %zz",
    "/a/x%4, x%4, %4",
    "/a/x%, x%, %",
    "/a/%G1, %G1, %G1",
    "/a/%4%41, %4%41, %4%",
    "/nowhere/%/x, %, %"
  })
  void malformedEscapesAreRejectedEvenWhereNoRouteWouldMatch(
      String path, String segment, String bad) {
    assertThatThrownBy(() -> router.find("GET", path))
        .isInstanceOf(MalformedPathException.class)
        .hasMessage(
            "Malformed path segment '"
                + segment
                + "': '%' must be followed by two hex digits, found '"
                + bad
                + "'; encode a literal '%' as %25");
    assertThatThrownBy(() -> router.allowedMethods(path))
        .isInstanceOf(MalformedPathException.class);
  }

  @Test
  void anEncodedNulIsRejected() {
    assertThatThrownBy(() -> router.find("GET", "/a/x%00y"))
        .isInstanceOf(MalformedPathException.class)
        .hasMessage("Malformed path segment 'x%00y': it contains an encoded NUL character (%00)");
  }

  @ParameterizedTest
  @CsvSource({
    "/a/%C3, %C3",
    "/a/x%FFy, x%FFy",
    "/a/%C0%AF, %C0%AF",
    "/a/%ED%A0%80, %ED%A0%80",
    "/files/ok/%E2%82, %E2%82"
  })
  void invalidUtf8IsRejected(String path, String segment) {
    assertThatThrownBy(() -> router.find("GET", path))
        .isInstanceOf(MalformedPathException.class)
        .hasMessage(
            "Malformed path segment '"
                + segment
                + "': its percent-decoded bytes are not valid UTF-8");
  }

  @Test
  void longSegmentsAreCutInMessages() {
    String path = "/a/" + "x".repeat(200) + "%zz";
    assertThatThrownBy(() -> router.find("GET", path))
        .isInstanceOf(MalformedPathException.class)
        .hasMessageContaining("x".repeat(80) + "...'")
        .hasMessageNotContaining("x".repeat(81));
  }
}
