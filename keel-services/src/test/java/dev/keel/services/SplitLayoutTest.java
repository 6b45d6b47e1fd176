package dev.keel.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.HttpException;
import dev.keel.core.Keel;
import dev.keel.core.ServiceUnavailable;
import dev.keel.services.demo.Greeter;
import dev.keel.services.demo.GreeterImpl;
import dev.keel.services.demo.Greeter_Component;
import dev.keel.services.demo.Greeting;
import dev.keel.services.demo.GreetingRefused;
import dev.keel.services.demo.Salutations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The split layout in one JVM over real sockets: the host process serves Greeter, the caller hosts
 * Salutations and reaches Greeter over HTTP through its own Keel endpoints.
 */
class SplitLayoutTest {
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  static final AtomicInteger failLookups = new AtomicInteger();
  static final AtomicInteger failGreets = new AtomicInteger();
  static final AtomicInteger attempts = new AtomicInteger();
  static Keel host;
  static Keel caller;
  static Greeter greeter;
  static final HttpClient http = HttpClient.newHttpClient();

  static Deployment deployment(String hostUrl) {
    return Deployment.parse(
        """
        layout.split.app.components = Salutations
        layout.split.app.url = http://127.0.0.1:1
        layout.split.users.components = Greeter
        layout.split.users.url = %s
        """
            .formatted(hostUrl),
        "keel-deploy.properties");
  }

  @BeforeAll
  static void start() {
    host = Keel.create("--keel.server.port=0");
    host.use(
        next ->
            ctx -> {
              attempts.incrementAndGet();
              if (ctx.path().endsWith("/lookup") && failLookups.getAndDecrement() > 0
                  || ctx.path().endsWith("/greet") && failGreets.getAndDecrement() > 0) {
                throw new ServiceUnavailable(ServicesProblems.COMPONENT_UNAVAILABLE, "restarting");
              }
              return next.handle(ctx);
            });
    host.install(
            Components.builder()
                .deployment(deployment("http://127.0.0.1:1"))
                .layout("split")
                .process("users")
                .build())
        .start();

    caller = Keel.create("--keel.server.port=0");
    var components =
        Components.builder()
            .deployment(deployment(host.url()))
            .layout("split")
            .process("app")
            .build();
    greeter = components.get(Greeter.class);
    caller
        .install(components)
        .get(
            "/salute/{name}",
            ctx -> components.get(Salutations.class).salute(ctx.pathParam("name")))
        .get(
            "/fail/{kind}",
            ctx -> {
              greeter.fail(ctx.pathParam("kind"));
              return "no failure";
            })
        .get("/context", ctx -> greeter.context())
        .get(
            "/slow/{ms}",
            ctx ->
                Components.withDeadline(
                    Duration.ofMillis(300),
                    () -> greeter.slow(Long.parseLong(ctx.pathParam("ms")))))
        .start();
  }

  @AfterAll
  static void stop() {
    caller.stop();
    host.stop();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(caller.url() + path));
    if (headers.length > 0) request.headers(headers);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void keelServicesUrlReplacesTheUrlOfTheFile() {
    // what the manifests of keel package --layout set: the file's url (port 1) is not used
    var config =
        dev.keel.core.Config.builder()
            .environment(
                Map.of(
                    "KEEL_SERVICES_LAYOUT", "split",
                    "KEEL_SERVICES_PROCESS", "app",
                    "KEEL_SERVICES_URL_USERS", host.url()))
            .build();
    var components =
        Components.builder().deployment(deployment("http://127.0.0.1:1")).config(config).build();
    assertThat(components.get(Greeter.class).greet("Eve").text()).isEqualTo("Hello, Eve!");
    config.validate(); // the key is declared, not reported as unknown

    var bad =
        dev.keel.core.Config.builder()
            .environment(
                Map.of(
                    "KEEL_SERVICES_LAYOUT", "split",
                    "KEEL_SERVICES_PROCESS", "app",
                    "KEEL_SERVICES_URL_USERS", "users:80"))
            .build();
    assertThatThrownBy(
            () -> Components.builder().deployment(deployment(host.url())).config(bad).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keel.services.url.users: 'users:80' (expected: http://host:port)");
  }

  @Test
  void valuesCrossTheBoundaryUnchanged() throws Exception {
    assertThat(greeter.greet("Ada"))
        .isEqualTo(new Greeting("Hello, Ada!", Greeting.Mood.CHEERFUL, GreeterImpl.AT));
    assertThat(greeter.lengths(List.of(greeter.lookup(7)), 1)).isEqualTo(Map.of("greeting 7", 11));
    assertThat(get("/salute/Ada").body()).isEqualTo("Hello, Ada! (saluted)");
  }

  @Test
  void exceptionsComeBackAsTheSameTypes() throws Exception {
    assertThatThrownBy(() -> greeter.refuse("Bob"))
        .isExactlyInstanceOf(GreetingRefused.class)
        .hasMessage("no greeting for Bob");
    assertThatThrownBy(() -> greeter.fail("state"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("greeter is closed");
    assertThatThrownBy(() -> greeter.fail("not-found"))
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              assertThat(e.problem().is(GreeterImpl.MISSING)).isTrue();
              assertThat(e.problem().title()).isEqualTo("No greeter");
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).isEqualTo("no greeter called x");
            });
    // a plain Keel HTTP exception comes back as its own class
    assertThatThrownBy(() -> greeter.fail("plain-not-found"))
        .isExactlyInstanceOf(dev.keel.core.NotFound.class)
        .hasMessage("no greeting called y");
    assertThatThrownBy(() -> greeter.fail("fly"))
        .isInstanceOfSatisfying(
            RemoteException.class,
            e -> {
              assertThat(e.remoteType()).endsWith("UnsupportedGreeterException");
              assertThat(e.remoteMessage()).isEqualTo("cannot fly");
            });

    var notFound = get("/fail/not-found");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).contains("greeter-missing", "no greeter called x");
    var unknown = get("/fail/fly");
    assertThat(unknown.statusCode()).isEqualTo(502);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(unknown.body()).contains("component-remote-error").doesNotContain("cannot fly");
  }

  @Test
  void theDeadlineTravelsAndEndsTheCall() throws Exception {
    long start = System.nanoTime();
    var slow = get("/slow/3000");
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(slow.statusCode()).isEqualTo(504);
    assertThat(slow.body()).contains("component-deadline-exceeded", "Greeter.slow");
    assertThat(tookMs).isLessThan(2000);

    String seen =
        Components.withDeadline(Duration.ofMillis(5000), () -> greeter.context()).split(" ")[1];
    assertThat(Long.parseLong(seen)).isBetween(1L, 5000L);
    assertThat(greeter.context()).doesNotEndWith(" none"); // the default deadline, 10 s
  }

  @Test
  void theTraceContextContinuesInTheOtherProcess() throws Exception {
    String seen = get("/context", "traceparent", TRACEPARENT).body().split(" ")[0];
    assertThat(seen)
        .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
        .doesNotContain("00f067aa0ba902b7")
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(get("/context").body()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01 \\d+");
  }

  @Test
  void onlyIdempotentMethodsAreRetried() {
    failLookups.set(2);
    attempts.set(0);
    assertThat(greeter.lookup(3).text()).isEqualTo("greeting 3");
    assertThat(attempts.get()).isEqualTo(3);

    failGreets.set(1);
    attempts.set(0);
    assertThatThrownBy(() -> greeter.greet("Ada"))
        .isInstanceOfSatisfying(
            ServiceUnavailable.class,
            e -> assertThat(e.problem().is(ServicesProblems.COMPONENT_UNAVAILABLE)).isTrue());
    assertThat(attempts.get()).isEqualTo(1);
  }

  @Test
  void anIncompatibleInterfaceIsRefusedNamingBothVersions() throws Exception {
    var older = Keel.create("--keel.server.port=0");
    older
        .install(
            Components.builder()
                .deployment(deployment("http://127.0.0.1:1"))
                .layout("split")
                .process("users")
                .descriptor(new Reversioned<>(new Greeter_Component(), "0123456789abcdef"))
                .build())
        .start();
    try {
      var stale =
          Components.builder()
              .deployment(deployment(older.url()))
              .layout("split")
              .process("app")
              .build()
              .get(Greeter.class);
      assertThatThrownBy(() -> stale.greet("Ada"))
          .isInstanceOfSatisfying(
              HttpException.class,
              e -> {
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.problem().is(ServicesProblems.COMPONENT_INCOMPATIBLE)).isTrue();
                assertThat(e.getMessage())
                    .contains(
                        "interface version 0123456789abcdef",
                        "this process from version " + new Greeter_Component().version());
              });
    } finally {
      older.stop();
    }
  }

  @Test
  void http2WorksToo() {
    var h2 =
        Components.builder()
            .deployment(deployment(host.url()))
            .layout("split")
            .process("app")
            .http2(true)
            .build();
    assertThat(h2.get(Greeter.class).greet("Ada").text()).isEqualTo("Hello, Ada!");
  }
}
