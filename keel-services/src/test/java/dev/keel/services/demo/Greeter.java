package dev.keel.services.demo;

import dev.keel.services.Component;
import dev.keel.services.Idempotent;
import java.util.List;
import java.util.Map;

/** A component the tests call in-process and in another process. */
@Component
public interface Greeter {
  Greeting greet(String name);

  /** Idempotent: retried when the host answers 503. */
  @Idempotent
  Greeting lookup(long id);

  /** Records, lists, maps and primitives crossing the boundary. */
  Map<String, Integer> lengths(List<Greeting> greetings, int bonus);

  /** Sleeps, then answers: the call the kill test interrupts. */
  String slow(long millis);

  /** The trace context and remaining deadline the implementation sees. */
  String context();

  /** Throws the declared checked exception. */
  Greeting refuse(String name) throws GreetingRefused;

  /** Throws {@code kind}: state, not-found, unknown. */
  void fail(String kind);
}
