package dev.keel.services.demo;

import dev.keel.services.Component;

/** A component that calls another one: the processor wires its implementation's constructor. */
@Component
public interface Salutations {
  String salute(String name);
}
