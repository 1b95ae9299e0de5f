package dev.rdb.agent.capture;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Facts about local-variable slots shared by the transformer's steps. */
final class Slots {

  private Slots() {}

  /** The first slot after {@code this} and the parameters. */
  static int firstLocal(int access, String descriptor) {
    int size = Type.getArgumentsAndReturnSizes(descriptor) >> 2;
    return (access & Opcodes.ACC_STATIC) != 0 ? size - 1 : size;
  }

  /** The verifier's kind of a descriptor: one of I, J, F, D, L (arrays are L). */
  static char kind(String descriptor) {
    switch (descriptor.charAt(0)) {
      case 'Z': case 'B': case 'C': case 'S': case 'I':
        return 'I';
      case 'J': case 'F': case 'D':
        return descriptor.charAt(0);
      default:
        return 'L';
    }
  }

  /** The kind a load, store or IINC opcode works on, or 0 for RET. */
  static char kind(int opcode) {
    switch (opcode) {
      case Opcodes.ILOAD: case Opcodes.ISTORE: case Opcodes.IINC:
        return 'I';
      case Opcodes.LLOAD: case Opcodes.LSTORE:
        return 'J';
      case Opcodes.FLOAD: case Opcodes.FSTORE:
        return 'F';
      case Opcodes.DLOAD: case Opcodes.DSTORE:
        return 'D';
      case Opcodes.ALOAD: case Opcodes.ASTORE:
        return 'L';
      default:
        return 0;
    }
  }

  static boolean isStore(int opcode) {
    return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
  }

  static int size(String descriptor) {
    char c = descriptor.charAt(0);
    return c == 'J' || c == 'D' ? 2 : 1;
  }
}
