package dev.rdb.agent.capture;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Step 2 of 3: stores the zero of its type (0, 0L, 0f, 0d, null) into every local variable's slot at
 * method entry. The verifier then sees each slot assigned on every path, with one type, so the
 * catch-all handler may load it wherever the exception came from. Valid code never reads a slot it
 * did not write, so the stores change nothing the method computes; they are the whole normal-path
 * cost of capturing locals (plus keeping them alive longer).
 *
 * <p>Expects {@link SlotSplitter} before it: a slot shared by differently typed variables gets each
 * zero in turn, and the handler's own analysis then leaves that slot out.
 */
final class Hoister extends MethodNode {

  private final MethodVisitor next;

  Hoister(int access, String name, String descriptor, String signature, String[] exceptions,
      MethodVisitor next) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.next = next;
  }

  @Override
  public void visitEnd() {
    hoist();
    accept(next);
  }

  private void hoist() {
    if (localVariables == null) {
      return;
    }
    int firstLocal = Slots.firstLocal(access, desc);
    Map<String, LocalVariableNode> slots = new LinkedHashMap<>();
    for (LocalVariableNode v : localVariables) {
      if (v.index >= firstLocal) {
        slots.putIfAbsent(v.index + " " + Slots.kind(v.desc), v);
      }
    }
    InsnList zeros = new InsnList();
    for (LocalVariableNode v : slots.values()) {
      switch (Slots.kind(v.desc)) {
        case 'I':
          zeros.add(new InsnNode(Opcodes.ICONST_0));
          zeros.add(new VarInsnNode(Opcodes.ISTORE, v.index));
          break;
        case 'J':
          zeros.add(new InsnNode(Opcodes.LCONST_0));
          zeros.add(new VarInsnNode(Opcodes.LSTORE, v.index));
          break;
        case 'F':
          zeros.add(new InsnNode(Opcodes.FCONST_0));
          zeros.add(new VarInsnNode(Opcodes.FSTORE, v.index));
          break;
        case 'D':
          zeros.add(new InsnNode(Opcodes.DCONST_0));
          zeros.add(new VarInsnNode(Opcodes.DSTORE, v.index));
          break;
        default:
          zeros.add(new InsnNode(Opcodes.ACONST_NULL));
          zeros.add(new VarInsnNode(Opcodes.ASTORE, v.index));
      }
      maxLocals = Math.max(maxLocals, v.index + Slots.size(v.desc));
    }
    if (zeros.size() > 0) {
      instructions.insert(zeros);
      maxStack = Math.max(maxStack, 2);
    }
  }
}
