package dev.rdb.agent.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Synthetic static methods, one per capture shape of a class, that box their arguments into the
 * {@code Object[]} the bridge takes. Handlers then only load the values and call one of these, so
 * each instrumented method grows by about two bytes per value instead of nine: bytecode size is what
 * the JIT's inlining heuristics look at, and a handler that is never run should not cost inlining.
 *
 * <p>Only with {@code locals=eager}: retransformation (adaptive upgrades) may not add methods.
 */
final class BoxingMethods {

  static final String PREFIX = "rdb$locals$";
  private static final int MAX_ARGUMENT_SLOTS = 250;

  private final String owner;
  private final boolean ownerIsInterface;
  private final boolean allowed;
  private final Map<String, String> nameByDescriptor = new LinkedHashMap<>();

  BoxingMethods(String owner, int access, int version) {
    this.owner = owner;
    this.ownerIsInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    // Private static interface methods need class files of Java 9 or later.
    this.allowed = (version & 0xFFFF) >= (ownerIsInterface ? Opcodes.V9 : Opcodes.V1_6);
  }

  /**
   * The call that boxes values of these descriptors, or null when the handler must box inline
   * (too many values for a method's parameters, or an old interface).
   */
  Call callFor(List<String> descriptors) {
    if (!allowed) {
      return null;
    }
    int slots = 0;
    StringBuilder d = new StringBuilder("(");
    for (String descriptor : descriptors) {
      slots += Slots.size(descriptor);
      // References as Object: the verifier's type of a slot may be a supertype of the declared
      // one (compilers' tables are not always exact), and boxing needs no more than Object.
      d.append(Slots.kind(descriptor) == 'L' ? "Ljava/lang/Object;" : descriptor);
    }
    if (slots > MAX_ARGUMENT_SLOTS) {
      return null;
    }
    String descriptor = d.append(")[Ljava/lang/Object;").toString();
    String name = nameByDescriptor.computeIfAbsent(descriptor, k -> PREFIX + nameByDescriptor.size());
    return new Call(owner, name, descriptor, ownerIsInterface);
  }

  /** Writes every method handed out so far. */
  void writeTo(ClassVisitor cv) {
    for (Map.Entry<String, String> e : nameByDescriptor.entrySet()) {
      MethodVisitor mv = cv.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
          e.getValue(), e.getKey(), null, null);
      mv.visitCode();
      Type[] args = Type.getArgumentTypes(e.getKey());
      push(mv, args.length);
      mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
      int slot = 0;
      for (int i = 0; i < args.length; i++) {
        mv.visitInsn(Opcodes.DUP);
        push(mv, i);
        mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slot);
        box(mv, args[i]);
        mv.visitInsn(Opcodes.AASTORE);
        slot += args[i].getSize();
      }
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  private static void push(MethodVisitor mv, int value) {
    if (value <= 5) {
      mv.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value <= Byte.MAX_VALUE) {
      mv.visitIntInsn(Opcodes.BIPUSH, value);
    } else {
      mv.visitIntInsn(Opcodes.SIPUSH, value);
    }
  }

  private static void box(MethodVisitor mv, Type type) {
    String box;
    switch (type.getSort()) {
      case Type.BOOLEAN: box = "java/lang/Boolean"; break;
      case Type.BYTE: box = "java/lang/Byte"; break;
      case Type.CHAR: box = "java/lang/Character"; break;
      case Type.SHORT: box = "java/lang/Short"; break;
      case Type.INT: box = "java/lang/Integer"; break;
      case Type.LONG: box = "java/lang/Long"; break;
      case Type.FLOAT: box = "java/lang/Float"; break;
      case Type.DOUBLE: box = "java/lang/Double"; break;
      default: return;
    }
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, box, "valueOf", "(" + type.getDescriptor() + ")L" + box + ";", false);
  }

  /** An invokestatic of one boxing method. */
  record Call(String owner, String name, String descriptor, boolean isInterface) {}
}
