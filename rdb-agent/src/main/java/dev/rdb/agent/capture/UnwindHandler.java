package dev.rdb.agent.capture;

import dev.rdb.agent.bridge.Bridge;
import dev.rdb.agent.metrics.Counter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Step 3 of 3: wraps the method body in catch-all entries appended <em>last</em> to the exception
 * table, so the method's own handlers keep priority. The body is cut into stretches of one source
 * line and one set of locals in scope; each stretch has its own entry whose stub pushes the
 * stretch's point number, and the stubs share one handler that asks {@code Bridge.skip}, else boxes
 * {@code this}, the parameters and the locals into an {@code Object[]} and calls {@code
 * Bridge.unwound(thrown, siteId, point, locals)}, and rethrows the same throwable. In a constructor
 * the code before its {@code super(...)}/{@code this(...)} call has stubs of its own and a second
 * shared handler that boxes the parameters only; the call itself is not covered (the comment in
 * {@code wrap} says why). The normal path runs none of it. The handler's own code is guarded: if it
 * fails (out of memory for the array, no stack left for the call), {@code Bridge.captureFailed}
 * counts it and the original throwable is rethrown, never the failure.
 *
 * <p>A value is captured only when the verifier would accept loading it in the handler: every
 * instruction of the protected range must see its slot with one type (which {@link SlotSplitter} and
 * {@link Hoister} arrange for named locals). Values failing that are left out, not guessed.
 */
final class UnwindHandler extends MethodNode {

  static final String BRIDGE = "dev/rdb/agent/bridge/Bridge";
  /** A segment without a catch-all: a constructor's super(...) or this(...) call. */
  private static final int UNCOVERED = -1;
  private static final BasicValue THIS_BEFORE_SUPER =
      new BasicValue(Type.getObjectType("dev/rdb/agent/UninitializedThis"));

  private final String owner;
  private final String className;
  private final String fileName;
  private final boolean allLocals;
  /** Whether a constructor's code up to its super(...) call is protected too (class files 50+). */
  private final boolean coverSuperCall;
  private final CaptureSites sites;
  /** Null: box inline. */
  private final BoxingMethods boxing;
  private final MethodVisitor next;

  UnwindHandler(String owner, String fileName, int access, String name, String descriptor,
      String signature, String[] exceptions, boolean allLocals, boolean coverSuperCall,
      CaptureSites sites, BoxingMethods boxing, MethodVisitor next) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.owner = owner;
    this.className = owner.replace('/', '.');
    this.fileName = fileName;
    this.allLocals = allLocals;
    this.coverSuperCall = coverSuperCall;
    this.sites = sites;
    this.boxing = boxing;
    this.next = next;
  }

  @Override
  public void visitEnd() {
    wrap();
    accept(next);
  }

  private void wrap() {
    boolean constructor = "<init>".equals(name);
    Frame<BasicValue>[] before = analyze(constructor);
    AbstractInsnNode first = firstProtected(constructor, before);
    AbstractInsnNode superCall = constructor ? first.getPrevious() : null;
    Frame<BasicValue>[] frames = before;
    LabelNode preStart = null;
    if (constructor && coverSuperCall) {
      preStart = new LabelNode();
      instructions.insert(preStart);
      frames = shift(frames, 0);
    }
    LabelNode start = new LabelNode();
    instructions.insertBefore(first, start);
    LabelNode end = new LabelNode();
    instructions.add(end);
    // Indexes shifted by one at and after each inserted label; recompute them against the new list.
    frames = shift(frames, instructions.indexOf(start));
    int preFrom = preStart == null ? -1 : instructions.indexOf(preStart);
    int from = instructions.indexOf(start);
    int to = instructions.indexOf(end);

    List<Candidate> candidates = candidates(constructor);
    Frame<BasicValue>[] analyzed = frames;
    candidates.removeIf(c -> !loadableEverywhere(c, analyzed, from, to, constructor));
    BitSet beforeSuper = new BitSet();
    if (preStart != null) {
      for (int c = 0; c < candidates.size(); c++) {
        LocalSlot slot = candidates.get(c).slot;
        if (slot.slot() != 0 && candidates.get(c).ranges == null
            && loadableEverywhere(candidates.get(c), analyzed, preFrom, from, false)) {
          beforeSuper.set(c);
        }
      }
    }

    AbstractInsnNode[] insns = instructions.toArray();
    int[] lineAt = lines(insns);
    boolean[] rethrowing = rethrowingHandlers(insns);
    int[][] ranges = ranges(candidates);
    Map<Point, Integer> pointIds = new LinkedHashMap<>();
    List<AbstractInsnNode> segmentStarts = new ArrayList<>();
    List<Integer> segmentPoints = new ArrayList<>();
    BitSet pointsBeforeSuper = new BitSet();
    Point previous = null;
    for (int i = (preStart == null ? from : preFrom) + 1; i < to; i++) {
      if (insns[i].getOpcode() < 0) {
        continue;
      }
      if (insns[i] == superCall) {
        // The call itself stays uncovered: ASM gives a handler the types of every local anywhere
        // in its range, `this` after the call too, and an initialized `this` merged with an
        // uninitialized one is no longer `this` at all, which the verifier refuses. So what the
        // super constructor throws shows this frame without values.
        segmentStarts.add(insns[i]);
        segmentPoints.add(UNCOVERED);
        previous = null;
        continue;
      }
      boolean pre = i < from;
      Point p = pre ? new Point(lineAt[i], beforeSuper, false)
          : new Point(lineAt[i], scopeAt(ranges, i), rethrowing[i]);
      if (!p.equals(previous)) {
        segmentStarts.add(insns[i]);
        int id = pointIds.computeIfAbsent(p, k -> pointIds.size());
        segmentPoints.add(id);
        if (pre) {
          pointsBeforeSuper.set(id);
        }
        previous = p;
      }
    }
    if (segmentStarts.isEmpty()) {
      throw new UnsupportedMethodException(Counter.METHODS_CANNOT_THROW, "empty body");
    }
    List<LabelNode> segmentLabels = new ArrayList<>();
    segmentStarts.forEach(insn -> segmentLabels.add(labelBefore(insn)));

    List<LocalSlot> slots = new ArrayList<>();
    candidates.forEach(c -> slots.add(c.slot));
    List<CapturePoint> points = new ArrayList<>();
    pointIds.keySet().forEach(p -> points.add(new CapturePoint(p.line, p.scope, p.rethrow)));
    CaptureSite site = sites.register(new CaptureSites.SiteDraft(className, name, desc, fileName,
        localVariables != null && !localVariables.isEmpty(), allLocals, slots, points));

    // Before super(...) `this` is uninitialized: code reached from there must not meet code reached
    // from after it (the verifier would merge `this` away and refuse the flow), so each part has
    // its own handler, and the early one captures the parameters only.
    int kept = firstFreeSlot();
    LabelNode common = new LabelNode();
    LabelNode commonBeforeSuper = new LabelNode();
    List<LabelNode> stubs = new ArrayList<>();
    InsnList handler = new InsnList();
    for (int point = 0; point < points.size(); point++) {
      LabelNode stub = new LabelNode();
      stubs.add(stub);
      handler.add(stub);
      handler.add(pushInt(point));
      handler.add(new JumpInsnNode(Opcodes.GOTO, pointsBeforeSuper.get(point) ? commonBeforeSuper : common));
    }
    handler.add(sharedHandler(common, kept, site.id(), slots, null));
    if (!pointsBeforeSuper.isEmpty()) {
      handler.add(sharedHandler(commonBeforeSuper, kept, site.id(), slots, beforeSuper));
    }
    instructions.add(handler);
    for (int s = 0; s < segmentLabels.size(); s++) {
      if (segmentPoints.get(s) == UNCOVERED) {
        continue;
      }
      LabelNode segmentEnd = s + 1 < segmentLabels.size() ? segmentLabels.get(s + 1) : end;
      tryCatchBlocks.add(new TryCatchBlockNode(segmentLabels.get(s), segmentEnd,
          stubs.get(segmentPoints.get(s)), null));
    }
    maxLocals = Math.max(maxLocals, kept + 2);
    maxStack = Math.max(maxStack, 8);
  }

  /**
   * The handler the stubs jump to with {@code [thrown, point]}: keeps the throwable in a fresh local
   * (slot {@code kept}, the point in the next), asks {@code Bridge.skip}, else boxes the values and
   * calls {@code Bridge.unwound}, and rethrows. Its own code is guarded (two entries, added to the
   * exception table now, before the catch-alls): if it fails (out of memory for the array or a box,
   * no stack for a call), {@code Bridge.captureFailed} counts it and the original is rethrown.
   *
   * @param loadable the values it may load (the others pass as null or zero); null: all
   */
  private InsnList sharedHandler(LabelNode entry, int kept, int siteId, List<LocalSlot> slots,
      BitSet loadable) {
    int keptPoint = kept + 1;
    InsnList handler = new InsnList();
    handler.add(entry);
    handler.add(new VarInsnNode(Opcodes.ISTORE, keptPoint));
    handler.add(new VarInsnNode(Opcodes.ASTORE, kept));
    LabelNode guardStart = new LabelNode();
    LabelNode guardEnd = new LabelNode();
    LabelNode guardHandler = new LabelNode();
    LabelNode lastResortStart = new LabelNode();
    LabelNode lastResortEnd = new LabelNode();
    LabelNode lastResort = new LabelNode();
    LabelNode rethrow = new LabelNode();
    handler.add(guardStart);
    // Ask first: in a storm the bridge declines almost every throwable, and asking costs less
    // than the array and the boxes.
    pushSitePoint(handler, kept, siteId, keptPoint);
    handler.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BRIDGE, "skip", Bridge.SKIP_DESCRIPTOR, false));
    handler.add(new JumpInsnNode(Opcodes.IFNE, rethrow));
    pushSitePoint(handler, kept, siteId, keptPoint);
    BoxingMethods.Call outlined = boxing == null ? null
        : boxing.callFor(slots.stream().map(LocalSlot::descriptor).toList());
    if (outlined != null) {
      for (int i = 0; i < slots.size(); i++) {
        LocalSlot slot = slots.get(i);
        if (loadable == null || loadable.get(i)) {
          handler.add(new VarInsnNode(Type.getType(slot.descriptor()).getOpcode(Opcodes.ILOAD), slot.slot()));
        } else {
          handler.add(zeroOf(slot.descriptor()));
        }
      }
      handler.add(new MethodInsnNode(Opcodes.INVOKESTATIC, outlined.owner(), outlined.name(),
          outlined.descriptor(), outlined.isInterface()));
    } else {
      handler.add(pushInt(slots.size()));
      handler.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
      for (int i = 0; i < slots.size(); i++) {
        if (loadable == null || loadable.get(i)) {
          handler.add(new InsnNode(Opcodes.DUP));
          handler.add(pushInt(i));
          loadBoxed(handler, slots.get(i));
          handler.add(new InsnNode(Opcodes.AASTORE));
        }
      }
    }
    handler.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BRIDGE, "unwound", Bridge.UNWOUND_DESCRIPTOR, false));
    handler.add(guardEnd);
    handler.add(rethrow);
    handler.add(new VarInsnNode(Opcodes.ALOAD, kept));
    handler.add(new InsnNode(Opcodes.ATHROW));
    // [failure] -> counted, then the original rethrown
    handler.add(guardHandler);
    handler.add(lastResortStart);
    handler.add(new MethodInsnNode(Opcodes.INVOKESTATIC, BRIDGE, "captureFailed", "(Ljava/lang/Throwable;)V", false));
    handler.add(lastResortEnd);
    handler.add(new VarInsnNode(Opcodes.ALOAD, kept));
    handler.add(new InsnNode(Opcodes.ATHROW));
    // Even counting failed (no stack left): rethrow the original all the same.
    handler.add(lastResort);
    handler.add(new InsnNode(Opcodes.POP));
    handler.add(new VarInsnNode(Opcodes.ALOAD, kept));
    handler.add(new InsnNode(Opcodes.ATHROW));
    // The guards cover only handler code, which no other entry does: their place in the table is
    // free, and before the catch-alls it keeps those last.
    tryCatchBlocks.add(new TryCatchBlockNode(guardStart, guardEnd, guardHandler, null));
    tryCatchBlocks.add(new TryCatchBlockNode(lastResortStart, lastResortEnd, lastResort, null));
    return handler;
  }

  /** The zero of a descriptor's kind: what a value the handler may not load passes as. */
  private static AbstractInsnNode zeroOf(String descriptor) {
    switch (Slots.kind(descriptor)) {
      case 'I': return new InsnNode(Opcodes.ICONST_0);
      case 'J': return new InsnNode(Opcodes.LCONST_0);
      case 'F': return new InsnNode(Opcodes.FCONST_0);
      case 'D': return new InsnNode(Opcodes.DCONST_0);
      default: return new InsnNode(Opcodes.ACONST_NULL);
    }
  }

  /** The first local slot no parameter or instruction of the method uses. */
  private int firstFreeSlot() {
    int free = Type.getArgumentsAndReturnSizes(desc) >> 2;
    if ((access & Opcodes.ACC_STATIC) != 0) {
      free--;
    }
    free = Math.max(free, maxLocals);
    for (AbstractInsnNode insn : instructions) {
      if (insn instanceof VarInsnNode) {
        int op = insn.getOpcode();
        int size = op == Opcodes.LLOAD || op == Opcodes.DLOAD || op == Opcodes.LSTORE || op == Opcodes.DSTORE ? 2 : 1;
        free = Math.max(free, ((VarInsnNode) insn).var + size);
      } else if (insn instanceof IincInsnNode) {
        free = Math.max(free, ((IincInsnNode) insn).var + 1);
      }
    }
    return free;
  }

  /** Frames of the method as it is now, with {@code this} tracked as uninitialized in constructors. */
  private Frame<BasicValue>[] analyze(boolean constructor) {
    BasicInterpreter interpreter = new BasicInterpreter(Opcodes.ASM9) {
      @Override
      public BasicValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
        if (constructor && local == 0) {
          return THIS_BEFORE_SUPER;
        }
        return super.newParameterValue(isInstanceMethod, local, type);
      }
    };
    try {
      return new Analyzer<>(interpreter).analyze(owner, this);
    } catch (AnalyzerException e) {
      throw new UnsupportedMethodException(Counter.METHODS_FAILED, "analysis: " + e.getMessage());
    }
  }

  /**
   * Where the protected range starts: in a constructor, right after the one call that initializes
   * {@code this}; elsewhere after the hoisted zero stores at entry (they cannot throw, and the
   * slots they initialize must already hold their type everywhere in the range).
   */
  private AbstractInsnNode firstProtected(boolean constructor, Frame<BasicValue>[] frames) {
    AbstractInsnNode[] insns = instructions.toArray();
    if (constructor) {
      AbstractInsnNode found = null;
      for (int i = 0; i < insns.length; i++) {
        if (insns[i].getOpcode() == Opcodes.INVOKESPECIAL && frames[i] != null
            && "<init>".equals(((MethodInsnNode) insns[i]).name)) {
          Frame<BasicValue> f = frames[i];
          int receiver = f.getStackSize() - 1 - Type.getArgumentTypes(((MethodInsnNode) insns[i]).desc).length;
          if (f.getStack(receiver) == THIS_BEFORE_SUPER) {
            if (found != null) {
              throw new UnsupportedMethodException(Counter.METHODS_FAILED, "several super() calls");
            }
            found = insns[i];
          }
        }
      }
      if (found == null || found.getNext() == null) {
        throw new UnsupportedMethodException(Counter.METHODS_FAILED, "no super() call");
      }
      return found.getNext();
    }
    int i = 0;
    while (i + 1 < insns.length && isZero(insns[i]) && Slots.isStore(insns[i + 1].getOpcode())) {
      i += 2;
    }
    return insns[i];
  }

  private static boolean isZero(AbstractInsnNode insn) {
    int op = insn.getOpcode();
    return op == Opcodes.ACONST_NULL || op == Opcodes.ICONST_0 || op == Opcodes.LCONST_0
        || op == Opcodes.FCONST_0 || op == Opcodes.DCONST_0;
  }

  @SuppressWarnings("unchecked")
  private static Frame<BasicValue>[] shift(Frame<BasicValue>[] frames, int at) {
    Frame<BasicValue>[] shifted = new Frame[frames.length + 2];
    for (int i = 0; i < frames.length; i++) {
      shifted[i < at ? i : i + 1] = frames[i];
    }
    return shifted;
  }

  private List<Candidate> candidates(boolean constructor) {
    List<Candidate> all = new ArrayList<>();
    int slot = 0;
    if ((access & Opcodes.ACC_STATIC) == 0) {
      all.add(new Candidate(LocalSlot.of("this", "L" + owner + ";", 0, true), null));
      slot = 1;
    }
    Type[] args = Type.getArgumentTypes(desc);
    for (int i = 0; i < args.length; i++) {
      all.add(new Candidate(LocalSlot.of(parameterName(i, slot), args[i].getDescriptor(), slot, true), null));
      slot += args[i].getSize();
    }
    if (allLocals && localVariables != null) {
      Map<String, Candidate> byVariable = new LinkedHashMap<>();
      for (LocalVariableNode v : localVariables) {
        if (v.index >= slot) {
          byVariable
              .computeIfAbsent(v.index + " " + v.name + " " + v.desc,
                  k -> new Candidate(LocalSlot.of(v.name, v.desc, v.index, false), new ArrayList<>()))
              .ranges
              .add(v);
        }
      }
      List<Candidate> locals = new ArrayList<>(byVariable.values());
      locals.sort(Comparator.comparingInt(c -> c.ranges.stream()
          .mapToInt(v -> instructions.indexOf(v.start)).min().orElse(0)));
      all.addAll(locals);
    }
    return all;
  }

  private String parameterName(int index, int slot) {
    if (localVariables != null) {
      LocalVariableNode best = null;
      for (LocalVariableNode v : localVariables) {
        if (v.index == slot && (best == null
            || instructions.indexOf(v.start) < instructions.indexOf(best.start))) {
          best = v;
        }
      }
      if (best != null) {
        return best.name;
      }
    }
    List<ParameterNode> declared = parameters;
    if (declared != null && declared.size() == Type.getArgumentTypes(desc).length
        && declared.get(index).name != null) {
      return declared.get(index).name;
    }
    return "arg" + index;
  }

  private static boolean loadableEverywhere(Candidate c, Frame<BasicValue>[] frames, int from, int to,
      boolean constructor) {
    char kind = Slots.kind(c.slot.descriptor());
    for (int i = from + 1; i < to; i++) {
      Frame<BasicValue> f = frames[i];
      if (f == null) {
        continue;
      }
      BasicValue v = f.getLocal(c.slot.slot());
      boolean ok;
      switch (kind) {
        case 'I': ok = v == BasicValue.INT_VALUE; break;
        case 'J': ok = v == BasicValue.LONG_VALUE; break;
        case 'F': ok = v == BasicValue.FLOAT_VALUE; break;
        case 'D': ok = v == BasicValue.DOUBLE_VALUE; break;
        default: ok = v == BasicValue.REFERENCE_VALUE || (constructor && c.slot.slot() == 0 && v == THIS_BEFORE_SUPER);
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private int[] lines(AbstractInsnNode[] insns) {
    int[] lineAt = new int[insns.length];
    int line = -1;
    for (int i = 0; i < insns.length; i++) {
      if (insns[i] instanceof LineNumberNode) {
        line = ((LineNumberNode) insns[i]).line;
      }
      lineAt[i] = line;
    }
    return lineAt;
  }

  /**
   * Instructions of the method's own handlers that rethrow what they caught (javac's finally,
   * synchronized and try-with-resources handlers: {@code astore t; …; aload t; athrow}), from the
   * handler's entry to that ATHROW: an exception leaving the frame from there came from the
   * protected code, not from the handler's line.
   */
  private boolean[] rethrowingHandlers(AbstractInsnNode[] insns) {
    boolean[] inHandler = new boolean[insns.length];
    for (TryCatchBlockNode block : tryCatchBlocks) {
      int first = instructions.indexOf(block.handler);
      while (first < insns.length && insns[first].getOpcode() < 0) {
        first++;
      }
      if (first >= insns.length || insns[first].getOpcode() != Opcodes.ASTORE) {
        continue;
      }
      int caught = ((VarInsnNode) insns[first]).var;
      int previous = -1;
      for (int i = first + 1; i < insns.length && i < first + 256; i++) {
        int op = insns[i].getOpcode();
        if (op < 0) {
          continue;
        }
        if (op == Opcodes.ATHROW && previous >= 0 && insns[previous].getOpcode() == Opcodes.ALOAD
            && ((VarInsnNode) insns[previous]).var == caught) {
          for (int j = instructions.indexOf(block.handler); j <= i; j++) {
            inHandler[j] = true;
          }
          break;
        }
        if (op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
          break;
        }
        previous = i;
      }
    }
    return inHandler;
  }

  /** Per candidate, its table ranges as pairs of instruction indexes; null: this or a parameter. */
  private int[][] ranges(List<Candidate> candidates) {
    int[][] ranges = new int[candidates.size()][];
    for (int c = 0; c < candidates.size(); c++) {
      List<LocalVariableNode> entries = candidates.get(c).ranges;
      if (entries != null) {
        ranges[c] = new int[entries.size() * 2];
        for (int e = 0; e < entries.size(); e++) {
          ranges[c][2 * e] = instructions.indexOf(entries.get(e).start);
          ranges[c][2 * e + 1] = instructions.indexOf(entries.get(e).end);
        }
      }
    }
    return ranges;
  }

  private static BitSet scopeAt(int[][] ranges, int i) {
    BitSet scope = new BitSet();
    for (int c = 0; c < ranges.length; c++) {
      if (ranges[c] == null) {
        scope.set(c);
        continue;
      }
      for (int r = 0; r < ranges[c].length; r += 2) {
        if (ranges[c][r] < i && i < ranges[c][r + 1]) {
          scope.set(c);
          break;
        }
      }
    }
    return scope;
  }

  private LabelNode labelBefore(AbstractInsnNode insn) {
    AbstractInsnNode previous = insn.getPrevious();
    while (previous != null && previous.getOpcode() < 0) {
      if (previous instanceof LabelNode) {
        return (LabelNode) previous;
      }
      previous = previous.getPrevious();
    }
    LabelNode label = new LabelNode();
    instructions.insertBefore(insn, label);
    return label;
  }

  /** Pushes {@code [thrown, siteId, point]}, the arguments both bridge calls start with. */
  private static void pushSitePoint(InsnList code, int kept, int siteId, int keptPoint) {
    code.add(new VarInsnNode(Opcodes.ALOAD, kept));
    code.add(pushInt(siteId));
    code.add(new VarInsnNode(Opcodes.ILOAD, keptPoint));
  }

  private static AbstractInsnNode pushInt(int value) {
    if (value >= -1 && value <= 5) {
      return new InsnNode(Opcodes.ICONST_0 + value);
    }
    if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      return new IntInsnNode(Opcodes.BIPUSH, value);
    }
    if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      return new IntInsnNode(Opcodes.SIPUSH, value);
    }
    return new LdcInsnNode(value);
  }

  private static void loadBoxed(InsnList code, LocalSlot slot) {
    String d = slot.descriptor();
    switch (d.charAt(0)) {
      case 'Z': loadAndBox(code, Opcodes.ILOAD, slot, "java/lang/Boolean", d); break;
      case 'B': loadAndBox(code, Opcodes.ILOAD, slot, "java/lang/Byte", d); break;
      case 'C': loadAndBox(code, Opcodes.ILOAD, slot, "java/lang/Character", d); break;
      case 'S': loadAndBox(code, Opcodes.ILOAD, slot, "java/lang/Short", d); break;
      case 'I': loadAndBox(code, Opcodes.ILOAD, slot, "java/lang/Integer", d); break;
      case 'J': loadAndBox(code, Opcodes.LLOAD, slot, "java/lang/Long", d); break;
      case 'F': loadAndBox(code, Opcodes.FLOAD, slot, "java/lang/Float", d); break;
      case 'D': loadAndBox(code, Opcodes.DLOAD, slot, "java/lang/Double", d); break;
      default: code.add(new VarInsnNode(Opcodes.ALOAD, slot.slot()));
    }
  }

  private static void loadAndBox(InsnList code, int load, LocalSlot slot, String box, String d) {
    code.add(new VarInsnNode(load, slot.slot()));
    code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, box, "valueOf", "(" + d + ")L" + box + ";", false));
  }

  /** A value the handler might box, with its table ranges (null: in scope everywhere). */
  private static final class Candidate {
    final LocalSlot slot;
    final List<LocalVariableNode> ranges;

    Candidate(LocalSlot slot, List<LocalVariableNode> ranges) {
      this.slot = slot;
      this.ranges = ranges;
    }
  }

  private static final class Point {
    final int line;
    final BitSet scope;
    final boolean rethrow;

    Point(int line, BitSet scope, boolean rethrow) {
      this.line = line;
      this.scope = scope;
      this.rethrow = rethrow;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Point && ((Point) o).line == line && ((Point) o).scope.equals(scope)
          && ((Point) o).rethrow == rethrow;
    }

    @Override
    public int hashCode() {
      return Objects.hash(line, scope, rethrow);
    }
  }
}
