package dev.keel.core.internal.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Guards the hot-path promise: unencoded lookups of static routes allocate nothing. */
class RouterAllocationTest {

  @Test
  void staticLookupsDoNotAllocate() {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "needs HotSpot's per-thread allocation counter");
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Router.Builder<String> builder = Router.builder();
    for (int i = 0; i < 20; i++) {
      Routes.add(builder, "GET /api/s" + i + "/items"); // over 8 siblings: the hashed table
    }
    Routes.add(builder, "GET /api/{id}/items/{item}");
    Routes.add(builder, "POST /api/s3/items");
    Router<String> router = builder.build();
    String[] paths = {"/api/s7/items", "/api/s19/items", "/api/s3/items", "/nope/x"};
    String[] methods = {"GET", "HEAD", "PUT", "OPTIONS"};

    int sink = run(router, paths, methods, 200_000); // warm up, let the JIT settle
    long before = threads.getCurrentThreadAllocatedBytes();
    sink += run(router, paths, methods, 200_000);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(sink).isPositive();
    assertThat(allocated).as("bytes for 200k lookups").isLessThan(10_000);
  }

  private static int run(Router<String> router, String[] paths, String[] methods, int n) {
    int hits = 0;
    for (int i = 0; i < n; i++) {
      if (router.find(methods[i & 3], paths[(i >> 2) & 3]) instanceof Lookup.Found<String>) {
        hits++;
      }
    }
    return hits;
  }
}
