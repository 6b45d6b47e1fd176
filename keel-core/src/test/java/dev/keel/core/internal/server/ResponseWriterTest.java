package dev.keel.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.core.StreamingBody;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How a streamed response ends when its client goes away. */
class ResponseWriterTest {

  /**
   * A client closing an event stream is normal: one DEBUG line, no WARN with a stack trace (issue
   * 21).
   */
  @Test
  void aClientLeavingAnEventStreamIsOneDebugLine() throws Exception {
    var ended = new CountDownLatch(1);
    Keel app =
        Keel.create(Config.builder().args("--keel.server.port=0", "--keel.profile=test").build())
            .get(
                "/events",
                ctx ->
                    StreamingBody.of(
                        "text/event-stream",
                        out -> {
                          try {
                            for (int i = 0; ; i++) {
                              out.write(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                              out.flush();
                              Thread.sleep(10);
                            }
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          } finally {
                            ended.countDown();
                          }
                        }))
            .start();
    var logger = (Logger) LoggerFactory.getLogger(ResponseWriter.class);
    Level previous = logger.getLevel();
    var events = new CopyOnWriteArrayList<ILoggingEvent>();
    var capture =
        new AppenderBase<ILoggingEvent>() {
          @Override
          protected void append(ILoggingEvent event) {
            events.add(event);
          }
        };
    capture.setContext(logger.getLoggerContext());
    capture.start();
    logger.addAppender(capture);
    logger.setLevel(Level.DEBUG);
    try (var socket = new Socket("127.0.0.1", app.port())) {
      socket
          .getOutputStream()
          .write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      assertThat(new String(in.readNBytes(200), StandardCharsets.UTF_8)).contains("data: 1");
    } // the client goes away
    try {
      assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (events.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
      List<ILoggingEvent> logged = List.copyOf(events);
      assertThat(logged).hasSize(1);
      assertThat(logged.getFirst().getLevel()).isEqualTo(Level.DEBUG);
      assertThat(logged.getFirst().getFormattedMessage())
          .startsWith("The client of GET /events went away while its response streamed");
      assertThat(logged.getFirst().getThrowableProxy()).isNull();
    } finally {
      logger.detachAppender(capture);
      logger.setLevel(previous);
      app.stop();
    }
  }
}
