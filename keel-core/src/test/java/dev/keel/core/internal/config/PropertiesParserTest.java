package dev.keel.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesParserTest {

  private static final String SAMPLE =
      """
      \uFEFF# a comment
      ! another comment
         keel.indented = leading spaces go
      keel.colon: value
      keel.space value with spaces
      keel.continued = first, \\
          second, \\
          third
      keel.escapes = tab\\there\\nnew line \\u00e9 \\\\ \\= \\:
      keel.key\\ with\\=odd\\:chars = ok
      keel.empty=
      keel.trailing.backslash = a\\\\
      keel.after = last
      """;

  @Test
  void readsWhatJavaUtilPropertiesReads() throws Exception {
    Properties expected = new Properties();
    expected.load(new StringReader(SAMPLE.substring(1)));

    Properties actual = new Properties();
    PropertiesParser.parse(SAMPLE, "file ./t").forEach(e -> actual.setProperty(e.key(), e.value()));

    assertThat(actual).isEqualTo(expected).hasSize(9);
  }

  @Test
  void eachEntryNamesTheLineItStartsOn() throws Exception {
    assertThat(PropertiesParser.parse(SAMPLE, "file ./keel.properties"))
        .extracting(Entry::key, Entry::origin)
        .startsWith(
            tuple("keel.indented", "file ./keel.properties line 3"),
            tuple("keel.colon", "file ./keel.properties line 4"),
            tuple("keel.space", "file ./keel.properties line 5"),
            tuple("keel.continued", "file ./keel.properties line 6"),
            tuple("keel.escapes", "file ./keel.properties line 9"));
  }

  @Test
  void continuedValueJoinsLinesWithoutTheirLeadingSpace() throws Exception {
    assertThat(PropertiesParser.parse("a = x\\\n   y\\\n\n", "f"))
        .singleElement()
        .extracting(Entry::value)
        .isEqualTo("xy");
  }

  @Test
  void windowsAndOldMacLineEndings() throws Exception {
    assertThat(PropertiesParser.parse("a=1\r\nb=2\rc=3", "f"))
        .extracting(Entry::origin)
        .containsExactly("f line 1", "f line 2", "f line 3");
  }

  @Test
  void malformedUnicodeEscapeNamesTheLine() {
    assertThatThrownBy(() -> PropertiesParser.parse("a=1\n\nb=\\u12G4\n", "file ./keel.properties"))
        .isInstanceOf(PropertiesParser.MalformedException.class)
        .hasMessage(
            "file ./keel.properties line 3: malformed escape \"\\u12G4\", expected \\u and four"
                + " hex digits");
    assertThatThrownBy(() -> PropertiesParser.parse("a=\\u12", "f"))
        .hasMessage("f line 1: malformed escape \"\\u12\", expected \\u and four hex digits");
  }

  @Test
  void javaUtilPropertiesAlsoRejectsTheMalformedEscape() {
    assertThatThrownBy(() -> new Properties().load(new StringReader("b=\\u12G4")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingKeyIsMalformed() {
    assertThatThrownBy(() -> PropertiesParser.parse("=value", "f"))
        .hasMessage("f line 1: a key is missing before the value");
  }

  @Test
  void keyAloneHasAnEmptyValue() throws IOException, PropertiesParser.MalformedException {
    assertThat(PropertiesParser.parse("keel.flag", "f"))
        .singleElement()
        .extracting(Entry::value)
        .isEqualTo("");
  }
}
