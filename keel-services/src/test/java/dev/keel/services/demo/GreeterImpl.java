package dev.keel.services.demo;

import dev.keel.core.NotFound;
import dev.keel.core.ProblemType;
import dev.keel.services.Components;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The implementation: a constructor without parameters, so the processor wires it. */
public class GreeterImpl implements Greeter {
  public static final Instant AT = Instant.parse("2026-12-06T00:00:00Z");

  /** An application's own problem type, kept across the process boundary. */
  public static final ProblemType MISSING = new ProblemType("greeter-missing", 404, "No greeter");

  @Override
  public Greeting greet(String name) {
    return new Greeting("Hello, " + name + "!", Greeting.Mood.CHEERFUL, AT);
  }

  @Override
  public Greeting lookup(long id) {
    return new Greeting("greeting " + id, Greeting.Mood.GRUMPY, AT);
  }

  @Override
  public Map<String, Integer> lengths(List<Greeting> greetings, int bonus) {
    var lengths = new LinkedHashMap<String, Integer>();
    for (Greeting g : greetings) lengths.put(g.text(), g.text().length() + bonus);
    return lengths;
  }

  @Override
  public String slow(long millis) {
    System.out.println("SLOW-STARTED");
    System.out.flush();
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "slept " + millis;
  }

  @Override
  public String context() {
    return Components.traceparent().orElse("none")
        + " "
        + Components.remaining().map(Duration::toMillis).map(String::valueOf).orElse("none");
  }

  @Override
  public Greeting refuse(String name) throws GreetingRefused {
    throw new GreetingRefused("no greeting for " + name);
  }

  @Override
  public void fail(String kind) {
    switch (kind) {
      case "state" -> throw new IllegalStateException("greeter is closed");
      case "not-found" -> throw new NotFound(MISSING, "no greeter called x");
      case "plain-not-found" -> throw new NotFound("no greeting called y");
      default -> throw new UnsupportedGreeterException("cannot " + kind);
    }
  }

  /** An exception the caller cannot rebuild: it arrives as a RemoteException. */
  static final class UnsupportedGreeterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedGreeterException(String message) {
      super(message);
    }
  }
}
