package dev.keel.ai;

import dev.keel.core.Keel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A started Keel application with an {@link Ai} pointed at a {@link TranscriptServer}. */
final class AiApp {
  private AiApp() {}

  static final String KEY = "sk-test-0123456789";

  static Keel start(TranscriptServer server, String provider, Ai ai, String... settings) {
    List<String> args = new ArrayList<>();
    args.add("--keel.server.port=0");
    args.add("--keel.ai.provider=" + provider);
    args.add("--keel.ai.base-url=" + server.url());
    args.add(
        "--keel.ai.model=" + (provider.equals("anthropic") ? "claude-sonnet-4-5" : "gpt-4o-mini"));
    args.add("--keel.ai.api-key-env=TEST_AI_KEY");
    args.add("--keel.ai.retry-backoff=50ms");
    args.addAll(List.of(settings));
    Keel app = Keel.create(args.toArray(String[]::new));
    app.install(ai);
    return app.start();
  }

  static Ai ai() {
    return Ai.builder().environment(Map.of("TEST_AI_KEY", KEY)::get).build();
  }
}
