package dev.keel.test.middleware;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.test.TestClient;
import java.util.function.Function;
import java.util.stream.Stream;

/** The two ways of sending a request; every middleware case runs over both. */
final class Transports {
  private Transports() {}

  static Stream<Function<Keel, TestClient>> all() {
    return Stream.of(TestClient::inProcess, TestClient::overSocket);
  }

  /** An application on a free port, with extra {@code --keel.*} arguments. */
  static Keel app(String... args) {
    var all = Stream.concat(Stream.of("--keel.server.port=0"), Stream.of(args));
    return Keel.create(Config.builder().args(all.toArray(String[]::new)).build());
  }
}
