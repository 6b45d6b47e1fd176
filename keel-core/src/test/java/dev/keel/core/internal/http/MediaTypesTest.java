package dev.keel.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json|application/json",
        "Application/JSON; charset=UTF-8|application/json",
        "application/problem+json ; a=b;c=\"d; e\"|application/problem+json",
        "text/plain;charset=utf-8;|text/plain",
        "multipart/form-data; boundary=----x|multipart/form-data",
      })
  void essenceOfValidTypes(String contentType, String essence) {
    assertThat(MediaTypes.essence(contentType)).isEqualTo(essence);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        ";",
        "json",
        "application/",
        "/json",
        "application/json/x",
        "application /json",
        "application/json; charset",
        "application/json; charset=\"unterminated",
        "application/json; =x",
        "app(lication)/json",
      })
  void malformedTypesHaveNoEssence(String contentType) {
    assertThat(MediaTypes.essence(contentType)).isNull();
  }
}
