package dev.keel.core.internal.router;

/** One position in the immutable prefix tree. Null fields mean "no such child" (internal only). */
final class Node {
  final StaticChildren statics;
  final Node param;
  final Node wildcard; // always a leaf with a terminal: a wildcard is the last segment
  final Terminal<?> terminal; // routes whose pattern ends here, or null

  Node(StaticChildren statics, Node param, Node wildcard, Terminal<?> terminal) {
    this.statics = statics;
    this.param = param;
    this.wildcard = wildcard;
    this.terminal = terminal;
  }
}
