package dev.keel.jmh.components;

import dev.keel.services.Component;

/** The component the call benchmarks call: one small record in, one out. */
@Component
public interface Pricing {
  Quote quote(String sku, int quantity);

  /** A price quote. */
  record Quote(String sku, int quantity, long cents) {}
}
