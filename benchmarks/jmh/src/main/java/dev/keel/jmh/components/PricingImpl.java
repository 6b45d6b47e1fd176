package dev.keel.jmh.components;

/** Wired by keel-processor: a constructor without parameters. */
public final class PricingImpl implements Pricing {
  @Override
  public Quote quote(String sku, int quantity) {
    return new Quote(sku, quantity, 1999L * quantity);
  }
}
