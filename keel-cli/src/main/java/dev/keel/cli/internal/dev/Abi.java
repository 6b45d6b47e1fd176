package dev.keel.cli.internal.dev;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * What other classes can see of a compiled class: its flags, supertypes, type-level annotations,
 * and every non-private field (with its constant, which javac copies into the classes that read it)
 * and method. Two versions with the same ABI are interchangeable for every other class of the app,
 * so an edit that keeps it needs only its own file recompiled; anything else needs the module.
 * Package-private members count: classes of the same package see them.
 */
record Abi(String text) {

  /** The ABI of one class file. */
  static Abi of(byte[] classFile) {
    ClassModel model = ClassFile.of().parse(classFile);
    var lines = new ArrayList<String>();
    lines.add("class " + model.thisClass().asInternalName() + " " + model.flags().flagsMask());
    lines.add("extends " + model.superclass().map(c -> c.asInternalName()).orElse("-"));
    lines.add(
        "implements " + model.interfaces().stream().map(c -> c.asInternalName()).sorted().toList());
    model
        .findAttribute(Attributes.signature())
        .ifPresent(s -> lines.add("signature " + s.signature().stringValue()));
    model
        .findAttribute(Attributes.permittedSubclasses())
        .ifPresent(
            p ->
                lines.add(
                    "permits "
                        + p.permittedSubclasses().stream()
                            .map(c -> c.asInternalName())
                            .sorted()
                            .toList()));
    model
        .findAttribute(Attributes.record())
        .ifPresent(
            r ->
                r.components()
                    .forEach(
                        c ->
                            lines.add(
                                "component "
                                    + c.name().stringValue()
                                    + " "
                                    + c.descriptor().stringValue())));
    // @Controller and friends: the annotation processor generates code from them
    model
        .findAttribute(Attributes.runtimeVisibleAnnotations())
        .ifPresent(a -> a.annotations().forEach(x -> lines.add("annotation " + x)));
    model
        .findAttribute(Attributes.runtimeInvisibleAnnotations())
        .ifPresent(a -> a.annotations().forEach(x -> lines.add("annotation " + x)));
    var members = new ArrayList<String>();
    for (FieldModel f : model.fields()) {
      if (f.flags().has(AccessFlag.PRIVATE)) continue;
      String constant =
          f.findAttribute(Attributes.constantValue())
              .map(c -> " = " + c.constant().constantValue())
              .orElse("");
      members.add(
          "field "
              + f.fieldName().stringValue()
              + " "
              + f.fieldType().stringValue()
              + " "
              + f.flags().flagsMask()
              + signature(f.findAttribute(Attributes.signature()))
              + constant);
    }
    for (MethodModel m : model.methods()) {
      if (m.flags().has(AccessFlag.PRIVATE)) continue;
      members.add(
          "method "
              + m.methodName().stringValue()
              + m.methodType().stringValue()
              + " "
              + m.flags().flagsMask()
              + signature(m.findAttribute(Attributes.signature()))
              + m.findAttribute(Attributes.exceptions())
                  .map(
                      e ->
                          " throws "
                              + e.exceptions().stream().map(c -> c.asInternalName()).toList())
                  .orElse(""));
    }
    members.sort(
        null); // member order in the class file follows the source: moving one is no change
    lines.addAll(members);
    return new Abi(String.join("\n", lines));
  }

  private static String signature(
      java.util.Optional<java.lang.classfile.attribute.SignatureAttribute> s) {
    return s.map(a -> " " + a.signature().stringValue()).orElse("");
  }

  /** The lines of this ABI, for a message naming what changed. */
  List<String> lines() {
    return List.of(text.split("\n"));
  }
}
