package dev.rdb.agent.capture;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.CodeSizeEvaluator;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Picks the methods of one class to instrument and chains the steps for each:
 * {@code SlotSplitter → Hoister → UnwindHandler} for every local, {@code UnwindHandler} alone for
 * {@code this} and parameters; with {@code locals=eager} it adds the class's {@link BoxingMethods}. A method whose result would pass a JVM limit, or that a step refuses,
 * is written as it was, and counted.
 */
final class CaptureClassVisitor extends ClassVisitor {

  private static final int MAX_CODE = 65535;
  private static final int MAX_LOCALS = 65535;

  private final CaptureSites sites;
  private final LocalsMode mode;
  private final Counters counters;
  private final Set<String> leaveAlone;
  private final boolean mayAddMethods;
  private String owner;
  private String fileName;
  private BoxingMethods boxing;
  /**
   * Class files before 50 are checked by the old inferencing verifier, whose rules for handlers
   * around a constructor's super(...) call differ: their constructors stay protected after it only.
   */
  private boolean coverSuperCall;
  private int instrumented;

  /**
   * @param leaveAlone {@code name + descriptor} of methods to write unchanged
   * @param mayAddMethods false when retransforming a class whose loaded version has no outlined
   *     boxing methods: retransformation may not add methods, so handlers box inline
   */
  CaptureClassVisitor(ClassVisitor next, CaptureSites sites, LocalsMode mode, Counters counters,
      Set<String> leaveAlone, boolean mayAddMethods) {
    super(Opcodes.ASM9, next);
    this.sites = sites;
    this.mode = mode;
    this.counters = counters;
    this.leaveAlone = leaveAlone;
    this.mayAddMethods = mayAddMethods;
  }

  int instrumented() {
    return instrumented;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    owner = name;
    coverSuperCall = (version & 0xFFFF) >= Opcodes.V1_6;
    boxing = mode == LocalsMode.EAGER && mayAddMethods ? new BoxingMethods(name, access, version)
        : null;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public void visitSource(String source, String debug) {
    fileName = source;
    super.visitSource(source, debug);
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
      String[] exceptions) {
    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0
        || leaveAlone.contains(name + descriptor)) {
      return super.visitMethod(access, name, descriptor, signature, exceptions);
    }
    String[] declared = exceptions;
    return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
      @Override
      public void visitEnd() {
        MethodVisitor writer = CaptureClassVisitor.super.visitMethod(
            this.access, this.name, this.desc, this.signature, declared);
        MethodNode chosen = choose(this);
        chosen.accept(writer);
      }
    };
  }

  private MethodNode choose(MethodNode original) {
    if (usesSubroutines(original)) {
      counters.add(Counter.METHODS_WITH_SUBROUTINES);
      return original;
    }
    if (cannotThrow(original)) {
      counters.add(Counter.METHODS_CANNOT_THROW);
      return original;
    }
    boolean allLocals = mode == LocalsMode.EAGER
        || sites.upgraded(owner.replace('/', '.') + '.' + original.name + original.desc);
    MethodNode result = new MethodNode(Opcodes.ASM9, original.access, original.name, original.desc,
        original.signature, original.exceptions.toArray(new String[0]));
    MethodVisitor handler = new UnwindHandler(owner, fileName, original.access, original.name,
        original.desc, original.signature, null, allLocals, coverSuperCall, sites, boxing, result);
    MethodVisitor chain = allLocals
        ? new SlotSplitter(owner, original.access, original.name, original.desc, original.signature, null,
            new Hoister(original.access, original.name, original.desc, original.signature, null, handler),
            counters)
        : handler;
    try {
      original.accept(chain);
    } catch (UnsupportedMethodException e) {
      counters.error(e.counter(), owner + "." + original.name + original.desc, e);
      return original;
    } catch (LimitExceededException e) {
      counters.add(Counter.METHOD_TOO_LARGE);
      return original;
    } catch (RuntimeException e) {
      counters.error(Counter.METHODS_FAILED, owner + "." + original.name + original.desc, e);
      return original;
    }
    if (result.maxLocals > MAX_LOCALS || codeSize(result) > MAX_CODE) {
      counters.add(Counter.METHOD_TOO_LARGE);
      return original;
    }
    counters.add(Counter.METHODS_INSTRUMENTED);
    instrumented++;
    return result;
  }

  @Override
  public void visitEnd() {
    if (boxing != null) {
      boxing.writeTo(cv);
    }
    super.visitEnd();
  }

  private static int codeSize(MethodNode method) {
    CodeSizeEvaluator size = new CodeSizeEvaluator(null);
    method.accept(size);
    return size.getMaxSize();
  }

  private static boolean usesSubroutines(MethodNode method) {
    for (AbstractInsnNode insn : method.instructions) {
      if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
        return true;
      }
    }
    return false;
  }

  /**
   * True for code that cannot throw, so a handler would never run: only locals, constants,
   * arithmetic without division, jumps, returns, and field access on {@code this}
   * (plain getters and field-setting methods). Such methods stay as they were: the cheapest wrap is
   * none, and they keep their small size for the JIT's inlining.
   */
  private static boolean cannotThrow(MethodNode method) {
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
      int op = insn.getOpcode();
      if (op < 0) {
        continue;
      }
      boolean safe;
      if (op == Opcodes.GETFIELD) {
        safe = !isStatic && isLoadOfThis(previousReal(insn));
      } else if (op == Opcodes.PUTFIELD) {
        AbstractInsnNode value = previousReal(insn);
        safe = !isStatic && value != null && value.getOpcode() >= Opcodes.ILOAD
            && value.getOpcode() <= Opcodes.ALOAD && isLoadOfThis(previousReal(value));
      } else {
        safe = (op >= Opcodes.NOP && op <= Opcodes.DCONST_1)
            || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH
            || (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD)
            || (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE)
            || (op >= Opcodes.POP && op <= Opcodes.DMUL)
            || (op >= Opcodes.INEG && op <= Opcodes.LXOR)
            || (op >= Opcodes.IINC && op <= Opcodes.GOTO)
            || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
            || op == Opcodes.IFNULL || op == Opcodes.IFNONNULL;
      }
      if (!safe) {
        return false;
      }
    }
    return true;
  }

  private static AbstractInsnNode previousReal(AbstractInsnNode insn) {
    AbstractInsnNode p = insn.getPrevious();
    while (p != null && p.getOpcode() < 0) {
      p = p.getPrevious();
    }
    return p;
  }

  private static boolean isLoadOfThis(AbstractInsnNode insn) {
    return insn != null && insn.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) insn).var == 0;
  }
}
