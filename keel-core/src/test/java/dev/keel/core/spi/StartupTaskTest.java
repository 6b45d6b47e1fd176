package dev.keel.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StartupTaskTest {

  @Test
  void theWorkRunsOnItsOwnNamedDaemonThreadAndJoinReturnsItsResult() {
    var ran = new AtomicReference<Thread>();
    var task =
        StartupTask.begin(
            "keel-test-task",
            () -> {
              ran.set(Thread.currentThread());
              return 42;
            });
    assertThat(task.join()).isEqualTo(42);
    assertThat(task.join()).isEqualTo(42);
    assertThat(ran.get()).isNotSameAs(Thread.currentThread());
    assertThat(ran.get().getName()).isEqualTo("keel-test-task");
    assertThat(ran.get().isDaemon()).isTrue();
  }

  @Test
  void aFailureIsThrownByEveryJoinAsItself() {
    var broken = new IllegalArgumentException("type Query is defined twice");
    var task =
        StartupTask.<String>begin(
            "keel-test-task",
            () -> {
              throw broken;
            });
    assertThatThrownBy(task::join).isSameAs(broken);
    assertThatThrownBy(task::join).isSameAs(broken);
  }

  @Test
  void anErrorStaysAnError() {
    var task =
        StartupTask.<String>begin(
            "keel-test-task",
            () -> {
              throw new StackOverflowError("deep");
            });
    assertThatThrownBy(task::join).isInstanceOf(StackOverflowError.class).hasMessage("deep");
  }

  @Test
  void anInterruptWhileWaitingDoesNotLoseTheResultAndKeepsTheFlag() throws Exception {
    var release = new CountDownLatch(1);
    var task =
        StartupTask.begin(
            "keel-test-task",
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return "done";
            });
    Thread.currentThread().interrupt();
    Thread.ofPlatform().start(release::countDown);
    try {
      assertThat(task.join()).isEqualTo("done");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
