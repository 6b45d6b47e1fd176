package dev.keel.processor;

import java.net.URI;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/** A Java source file held in memory, for the compiler tests. */
final class InMemorySource {
  private InMemorySource() {}

  /** {@code text} as the file {@code name}.java, e.g. {@code dev/keel/db/Id}. */
  static JavaFileObject of(String name, String text) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }
}
