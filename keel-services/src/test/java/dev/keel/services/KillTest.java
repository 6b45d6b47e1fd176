package dev.keel.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Keel;
import dev.keel.services.demo.Greeter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Greeter runs in a second JVM; it is killed during a call. The caller's endpoint answers a clear
 * 503 problem at once (no hang), keeps answering 503 while the process is gone, and calls work
 * again when it is back on its address.
 */
class KillTest {
  static final int PORT = 25100;
  final HttpClient http = HttpClient.newHttpClient();
  Process host;
  Keel caller;

  @AfterEach
  void stop() {
    if (host != null) host.destroyForcibly();
    if (caller != null) caller.stop();
  }

  record Started(Process process, BlockingQueue<String> lines) {}

  static Started startHost() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    var process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    GreeterHost.class.getName(),
                    Integer.toString(PORT)))
            .redirectErrorStream(true)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
              } catch (java.io.IOException e) {
                // the process died: the test notices by its exit
              }
            });
    await(lines, "READY", 60);
    return new Started(process, lines);
  }

  static void await(BlockingQueue<String> lines, String wanted, int seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(wanted)) return;
    }
    throw new AssertionError("the host did not print " + wanted + " within " + seconds + " s");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(caller.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aHungProcessEndsTheCallAtItsDeadline() throws Exception {
    var started = startHost();
    host = started.process();
    var components =
        Components.builder()
            .deployment(SplitLayoutTest.deployment("http://127.0.0.1:" + PORT))
            .layout("split")
            .process("app")
            .timeout(java.time.Duration.ofMillis(1500))
            .build();
    Greeter greeter = components.get(Greeter.class);
    caller = Keel.create("--keel.server.port=0");
    caller
        .install(components)
        .get("/greet/{name}", ctx -> greeter.greet(ctx.pathParam("name")).text())
        .start();
    assertThat(get("/greet/Ada").body()).isEqualTo("Hello, Ada!");

    signal("STOP"); // frozen, not dead: the socket accepts, nothing answers
    try {
      long start = System.nanoTime();
      var hung = get("/greet/Ada");
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(hung.statusCode()).isEqualTo(504);
      assertThat(hung.body()).contains("component-deadline-exceeded", "Greeter.greet");
      assertThat(tookMs).isBetween(1_000L, 5_000L);
    } finally {
      signal("CONT");
    }
    HttpResponse<String> back = get("/greet/Ada");
    for (int i = 0; i < 50 && back.statusCode() != 200; i++) {
      Thread.sleep(100);
      back = get("/greet/Ada");
    }
    assertThat(back.body()).isEqualTo("Hello, Ada!");
  }

  private void signal(String name) throws Exception {
    int exit =
        new ProcessBuilder("kill", "-" + name, Long.toString(host.pid()))
            .inheritIO()
            .start()
            .waitFor();
    assertThat(exit).isZero();
  }

  @Test
  void aKilledProcessAnswers503AndCallsRecoverWhenItReturns() throws Exception {
    var started = startHost();
    host = started.process();
    var components =
        Components.builder()
            .deployment(SplitLayoutTest.deployment("http://127.0.0.1:" + PORT))
            .layout("split")
            .process("app")
            .build();
    Greeter greeter = components.get(Greeter.class);
    caller = Keel.create("--keel.server.port=0");
    caller
        .install(components)
        .get("/greet/{name}", ctx -> greeter.greet(ctx.pathParam("name")).text())
        .get("/slow", ctx -> greeter.slow(20_000))
        .start();
    assertThat(get("/greet/Ada").body()).isEqualTo("Hello, Ada!");

    // Killed during a call: the caller answers 503 problem+json at once, not after 20 s.
    var slow =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(caller.url() + "/slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    await(started.lines(), "SLOW-STARTED", 30);
    long killedAt = System.nanoTime();
    host.destroyForcibly().waitFor();
    var answer = slow.get(10, TimeUnit.SECONDS);
    assertThat((System.nanoTime() - killedAt) / 1_000_000).isLessThan(3_000);
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body())
        .contains("https://keel.dev/problems/component-unavailable")
        .contains("Component Greeter.slow at http://127.0.0.1:" + PORT)
        .doesNotContain("Exception\\n\\tat"); // no stack trace

    // While it is gone: 503 again, quickly.
    long start = System.nanoTime();
    var down = get("/greet/Ada");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("component-unavailable", "could not be reached");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);

    // Back on the same address: calls work again.
    host = startHost().process();
    HttpResponse<String> back = get("/greet/Ada");
    for (int i = 0; i < 50 && back.statusCode() != 200; i++) {
      Thread.sleep(100);
      back = get("/greet/Ada");
    }
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo("Hello, Ada!");
  }
}
