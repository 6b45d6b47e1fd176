package dev.keel.core.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ADR 0023: an {@code Optional<T>} record component of a JSON body is {@code Optional.empty()} when
 * the field is left out or {@code null}, and holds the value, read by the strict rules of {@code
 * T}, when one is sent; it is never {@code null}. A plain reference component is {@code null} in
 * both cases.
 */
class OptionalFieldsTest {
  record Address(String city) {}

  record Change(
      Optional<String> title,
      Optional<LocalDate> due,
      Optional<Integer> count,
      Optional<Address> address,
      Optional<List<String>> tags,
      String plain) {}

  private final JsonCodec codec = new JsonCodec(JsonCodec.Limits.DEFAULT);

  private Change read(String json) {
    return codec.read(json.getBytes(UTF_8), Change.class);
  }

  private Problem.FieldError rejected(String json) {
    HttpException e = catchThrowableOfType(HttpException.class, () -> read(json));
    assertThat(e).as("%s is rejected", json).isNotNull();
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.problem().errors()).hasSize(1);
    return e.problem().errors().get(0);
  }

  private static final Change EMPTY =
      new Change(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          null);

  @Test
  void aMissingFieldIsEmpty() {
    assertThat(read("{}")).isEqualTo(EMPTY);
  }

  @Test
  void anExplicitNullIsEmptyToo() {
    assertThat(
            read(
                "{\"title\": null, \"due\": null, \"count\": null, \"address\": null,"
                    + " \"tags\": null, \"plain\": null}"))
        .isEqualTo(EMPTY);
  }

  @Test
  void aValueIsPresent() {
    assertThat(
            read(
                "{\"title\": \"\", \"due\": \"2026-12-24\", \"count\": 0,"
                    + " \"address\": {\"city\": \"Oslo\"}, \"tags\": [], \"plain\": \"p\"}"))
        .isEqualTo(
            new Change(
                Optional.of(""),
                Optional.of(LocalDate.of(2026, 12, 24)),
                Optional.of(0),
                Optional.of(new Address("Oslo")),
                Optional.of(List.of()),
                "p"));
  }

  @Test
  void aValueIsReadByTheStrictRulesOfItsType() {
    assertThat(rejected("{\"title\": 12345}"))
        .isEqualTo(new Problem.FieldError("title", "must be a string, not the number 12345"));
    assertThat(rejected("{\"count\": 1.5}").field()).isEqualTo("count");
    assertThat(rejected("{\"due\": 1700000000}").field()).isEqualTo("due");
    assertThat(rejected("{\"address\": {\"city\": 7}}"))
        .isEqualTo(new Problem.FieldError("address.city", "must be a string, not the number 7"));
    assertThat(rejected("{\"tags\": [\"a\", null]}").field()).isEqualTo("tags[1]");
  }

  @Test
  void anEmptyOptionalIsWrittenAsNull() {
    assertThat(new String(codec.write(EMPTY), UTF_8))
        .isEqualTo(
            "{\"title\":null,\"due\":null,\"count\":null,\"address\":null,\"tags\":null,"
                + "\"plain\":null}");
  }
}
