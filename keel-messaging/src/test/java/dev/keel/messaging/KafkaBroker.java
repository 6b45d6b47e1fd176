package dev.keel.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process), started once per test JVM
 * from Kafka's own jars on the test classpath ({@code org.apache.kafka:kafka_2.13}): {@code
 * kafka.tools.StorageTool format}, then {@code kafka.Kafka}, on ports 27092 and 27093. Stopped when
 * the test JVM exits.
 */
final class KafkaBroker {
  static final int PORT = 27092;
  private static final int CONTROLLER_PORT = 27093;
  private static String bootstrap;

  private KafkaBroker() {}

  static synchronized String bootstrap() {
    if (bootstrap == null) bootstrap = start();
    return bootstrap;
  }

  private static String start() {
    try {
      Path dir = Files.createTempDirectory("keel-kafka");
      Path config = dir.resolve("server.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "process.roles=broker,controller",
              "node.id=1",
              "controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
              "listeners=PLAINTEXT://127.0.0.1:"
                  + PORT
                  + ",CONTROLLER://127.0.0.1:"
                  + CONTROLLER_PORT,
              "advertised.listeners=PLAINTEXT://127.0.0.1:" + PORT,
              "controller.listener.names=CONTROLLER",
              "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
              "log.dirs=" + dir.resolve("data"),
              "num.partitions=2",
              "offsets.topic.replication.factor=1",
              "offsets.topic.num.partitions=4",
              "transaction.state.log.replication.factor=1",
              "transaction.state.log.min.isr=1",
              "share.coordinator.state.topic.replication.factor=1",
              "share.coordinator.state.topic.min.isr=1",
              "group.initial.rebalance.delay.ms=0",
              "auto.create.topics.enable=true",
              ""));
      String clusterId = kafkaUuid();
      Process format =
          java(dir, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
              .start();
      if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("formatting the Kafka storage failed, see " + dir);
      }
      Process broker = java(dir, "kafka.Kafka", config.toString()).start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    broker.destroyForcibly();
                    try {
                      broker.waitFor(10, TimeUnit.SECONDS);
                      try (var files = Files.walk(dir)) {
                        files
                            .sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                      }
                    } catch (IOException | InterruptedException e) {
                      // a temporary folder left behind
                    }
                  }));
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(dir.resolve("out.log")).contains("Kafka Server started")) {
        if (!broker.isAlive()) throw new IllegalStateException("Kafka exited, see " + dir);
        if (System.nanoTime() > end) throw new IllegalStateException("Kafka not up, see " + dir);
        Thread.sleep(200);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", PORT), 2000);
      }
      return "127.0.0.1:" + PORT;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A cluster id as Kafka writes them: a random UUID, URL-safe base64 without padding. */
  private static String kafkaUuid() {
    UUID u = UUID.randomUUID();
    var buf = java.nio.ByteBuffer.allocate(16);
    buf.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
  }

  private static ProcessBuilder java(Path dir, String main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main);
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.log").toFile()));
  }
}
