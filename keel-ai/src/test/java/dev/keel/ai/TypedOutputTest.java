package dev.keel.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.openapi.spi.JsonSchemas;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ai.ask(prompt, Verdict.class)}: the record's schema goes out, the answer is validated. */
class TypedOutputTest {
  record Verdict(@NotBlank String summary, @Min(0) @Max(10) int score, List<String> labels) {}

  enum Severity {
    LOW,
    HIGH
  }

  record Step(@NotBlank String text) {}

  record Triage(Severity severity, Optional<String> note, List<@Valid Step> steps) {}

  private final TranscriptServer server = new TranscriptServer();
  private Keel app;

  @AfterEach
  void stop() {
    if (app != null) app.stop();
    server.close();
  }

  private Ai start(String provider) {
    Ai ai = AiApp.ai();
    app = AiApp.start(server, provider, ai);
    return ai;
  }

  @Test
  void openAiGetsTheRecordsSchemaAsResponseFormat() {
    Ai ai = start("openai");
    server.then("openai/verdict-valid");
    Verdict v = ai.ask("Judge this comment: 'Thanks, very helpful!'", Verdict.class);
    assertThat(v).isEqualTo(new Verdict("Polite and on topic", 8, List.of("friendly")));
    var format = server.received().getFirst().body().get("response_format");
    assertThat(format.get("type").asString()).isEqualTo("json_schema");
    assertThat(format.at("/json_schema/name").asString()).isEqualTo("Verdict");
    assertThat(format.at("/json_schema/schema").toString())
        .isEqualTo(JsonSchemas.of(Verdict.class).toString());
    assertThat(format.at("/json_schema/schema/properties/score/maximum").asInt()).isEqualTo(10);
  }

  @Test
  void anAnswerThatDoesNotFitIsSentBackWithTheReasonsOnce() {
    Ai ai = start("openai");
    server.then("openai/verdict-invalid", "openai/verdict-valid");
    Verdict v = ai.ask("Judge this", Verdict.class);
    assertThat(v.score()).isEqualTo(8);
    var retry = server.received().get(1).body().get("messages");
    assertThat(retry).hasSize(3);
    assertThat(retry.get(1).get("role").asString()).isEqualTo("assistant");
    assertThat(retry.get(1).get("content").asString()).contains("\"score\":42");
    assertThat(retry.get(2).get("content").asString())
        .isEqualTo(
            "The answer does not fit the JSON Schema of Verdict: score: must be less than or equal to"
                + " 10; summary: must not be blank. Answer again, fixing this.");
  }

  @Test
  void twoAnswersThatDoNotFitEndInAProblem() {
    Ai ai = start("openai");
    server.then("openai/verdict-invalid", "openai/verdict-invalid");
    try {
      ai.ask("Judge this", Verdict.class);
      throw new AssertionError("expected a problem");
    } catch (HttpException e) {
      assertThat(e.problem().is(AiProblems.AI_INVALID_OUTPUT)).isTrue();
      assertThat(e.status()).isEqualTo(502);
      assertThat(e.problem().detail())
          .isEqualTo(
              "The model's answer does not fit Verdict, also after being told why: score: must be"
                  + " less than or equal to 10; summary: must not be blank. Try a more capable model,"
                  + " or loosen the record's constraints.");
    }
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aFencedJsonAnswerIsRead() {
    Ai ai = start("openai");
    server.then("openai/verdict-fenced");
    assertThat(ai.ask("Judge this", Verdict.class)).isEqualTo(new Verdict("Fine", 5, List.of()));
  }

  @Test
  void anthropicIsAskedToAnswerThroughATool() {
    Ai ai = start("anthropic");
    server.then("anthropic/verdict-answer-invalid", "anthropic/verdict-answer");
    Verdict v = ai.ask("Judge this", Verdict.class);
    assertThat(v).isEqualTo(new Verdict("Polite and on topic", 8, List.of("friendly")));

    var first = server.received().getFirst().body();
    assertThat(first.at("/tools/0/name").asString()).isEqualTo("final_answer");
    assertThat(first.at("/tools/0/input_schema").toString())
        .isEqualTo(JsonSchemas.of(Verdict.class).toString());
    assertThat(first.at("/tool_choice").toString())
        .isEqualTo("{\"type\":\"tool\",\"name\":\"final_answer\"}");
    // the correction answers the tool_use with an error tool_result, as the Messages API requires
    var correction = server.received().get(1).body().at("/messages/2/content/0");
    assertThat(correction.get("type").asString()).isEqualTo("tool_result");
    assertThat(correction.get("tool_use_id").asString()).isEqualTo("toolu_answer0");
    assertThat(correction.get("is_error").asBoolean()).isTrue();
    assertThat(correction.get("content").asString())
        .contains("score: must be less than or equal to 10");
  }

  @Test
  void enumsOptionalsAndNestedRecordsAreDescribedAndRead() {
    Ai ai = start("openai");
    server.then("openai/triage-valid");
    Triage t = ai.ask("Triage this incident", Triage.class);
    assertThat(t)
        .isEqualTo(
            new Triage(Severity.HIGH, Optional.empty(), List.of(new Step("Roll back the deploy"))));
    var schema = server.received().getFirst().body().at("/response_format/json_schema/schema");
    assertThat(schema.at("/$defs/Severity/enum").toString()).isEqualTo("[\"LOW\",\"HIGH\"]");
    assertThat(schema.at("/properties/note/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(schema.at("/$defs/Step/properties/text/minLength").asInt()).isEqualTo(1);
  }
}
