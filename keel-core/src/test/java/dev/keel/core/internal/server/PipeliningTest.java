package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deep pipelining (issue 15): a burst far deeper than {@code keel.server.max-pipelined}, on a route
 * that blocks, is answered completely and in order — never dropped with the connection.
 */
class PipeliningTest {
  private static Keel app;

  @BeforeAll
  static void start() {
    app =
        Keel.create(Config.builder().args("--keel.server.port=0").build())
            .get(
                "/slow/{n}",
                ctx -> {
                  Thread.sleep(0, 200_000); // blocks like a database query would
                  return "n" + ctx.pathParam("n") + ";";
                });
    app.start();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void twoThousandPipelinedRequestsToABlockingRouteAreAllAnsweredInOrder() throws Exception {
    assertBurstAnswered(2_000, false);
  }

  @Test
  void aBurstLargerThanManyReadsIsAnsweredInOrder() throws Exception {
    assertBurstAnswered(20_000, false); // ~0.7 MB of requests: reading pauses and resumes
  }

  @Test
  void headRequestsInADeepPipelineGetNoBody() throws Exception {
    assertBurstAnswered(1_000, true);
  }

  private static void assertBurstAnswered(int n, boolean everyThirdHead) throws Exception {
    var burst = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String method = everyThirdHead && i % 3 == 0 ? "HEAD" : "GET";
      burst.append(method).append(" /slow/").append(i).append(" HTTP/1.1\r\nHost: a\r\n\r\n");
    }
    try (var client = new RawClient(app.port())) {
      client.send(burst.toString());
      String all = client.readResponses(n, everyThirdHead ? i -> i % 3 == 0 : i -> false);
      var bodies = new ArrayList<Integer>();
      var m = Pattern.compile("n(\\d+);").matcher(all);
      while (m.find()) bodies.add(Integer.parseInt(m.group(1)));
      var expected = new ArrayList<Integer>();
      for (int i = 0; i < n; i++) if (!(everyThirdHead && i % 3 == 0)) expected.add(i);
      assertThat(bodies).isEqualTo(expected);
      assertThat(all.split("HTTP/1.1 200 ", -1)).hasSize(n + 1);
    }
  }
}
