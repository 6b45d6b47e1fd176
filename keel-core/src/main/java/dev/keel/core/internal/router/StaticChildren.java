package dev.keel.core.internal.router;

import java.util.Map;

/**
 * An immutable map from literal segment text to child node that looks up a region of the request
 * path without cutting it out, so static routes match without allocating.
 */
final class StaticChildren {
  static final StaticChildren EMPTY = new StaticChildren(Map.of());

  /** Below this size a length-filtered linear scan beats hashing the region. */
  private static final int LINEAR_MAX = 8;

  private final String[] keys;
  private final Node[] nodes;
  private final int mask; // hash-table mode when >= 0, linear mode when -1

  StaticChildren(Map<String, Node> children) {
    int n = children.size();
    if (n <= LINEAR_MAX) {
      keys = new String[n];
      nodes = new Node[n];
      int i = 0;
      for (Map.Entry<String, Node> e : children.entrySet()) {
        keys[i] = e.getKey();
        nodes[i++] = e.getValue();
      }
      mask = -1;
      return;
    }
    // Open addressing, load factor <= 1/2, so probes end quickly at an empty slot.
    int capacity = Integer.highestOneBit(n * 4 - 1);
    keys = new String[capacity];
    nodes = new Node[capacity];
    mask = capacity - 1;
    for (Map.Entry<String, Node> e : children.entrySet()) {
      int slot = spread(e.getKey().hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = e.getKey();
      nodes[slot] = e.getValue();
    }
  }

  boolean isEmpty() {
    return keys.length == 0;
  }

  Node get(String segment) {
    return get(segment, 0, segment.length());
  }

  /** The child whose key equals {@code s[from, to)}, or null. */
  Node get(String s, int from, int to) {
    int len = to - from;
    if (mask < 0) {
      for (int i = 0; i < keys.length; i++) {
        String k = keys[i];
        if (k.length() == len && s.regionMatches(from, k, 0, len)) {
          return nodes[i];
        }
      }
      return null;
    }
    // Same function as String.hashCode, computed over the region.
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      String k = keys[slot];
      if (k == null) {
        return null;
      }
      if (k.length() == len && s.regionMatches(from, k, 0, len)) {
        return nodes[slot];
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
