package dev.rdb.agent.capture;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.metrics.Counters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableAnnotationNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Step 1 of 3: gives every local variable of the local-variable table its own slot, so that one
 * catch-all handler can read each with one type. Compilers reuse slots — javac for variables of
 * disjoint scopes, for its temporaries of string switches and for-each loops — and a reused slot
 * holds different types in different places, which a handler covering the whole method cannot load.
 *
 * <p>Entries with the same slot, name and descriptor are one variable (javac splits a variable's range
 * where it is not definitely assigned). Each load, store and IINC is assigned to the variable whose
 * range holds it (a store just before the range starts counts: javac starts ranges after the first
 * store). The assignment is then checked against the data flow of the original method: every value a
 * load reads must have been stored by an instruction assigned to the same variable. A slot failing the
 * check (a table that lies, as some compilers' do) keeps its original numbering and is counted.
 * Parameters keep their slots. Temporaries without a name stay where they were.
 */
final class SlotSplitter extends MethodNode {

  private final String owner;
  private final MethodVisitor next;
  private final Counters counters;

  SlotSplitter(String owner, int access, String name, String descriptor, String signature,
      String[] exceptions, MethodVisitor next, Counters counters) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.owner = owner;
    this.next = next;
    this.counters = counters;
  }

  @Override
  public void visitEnd() {
    split();
    accept(next);
  }

  private void split() {
    if (localVariables == null || localVariables.isEmpty()) {
      return;
    }
    int firstLocal = Slots.firstLocal(access, desc);
    Map<String, Variable> variables = new LinkedHashMap<>();
    for (LocalVariableNode entry : localVariables) {
      if (entry.index >= firstLocal && entry.index < maxLocals) {
        variables
            .computeIfAbsent(entry.index + " " + entry.name + " " + entry.desc,
                k -> new Variable(entry.index, entry.desc))
            .entries
            .add(entry);
      }
    }
    if (variables.isEmpty()) {
      return;
    }
    Map<Integer, List<Variable>> bySlot = new HashMap<>();
    for (Variable v : variables.values()) {
      bySlot.computeIfAbsent(v.slot, k -> new ArrayList<>()).add(v);
    }

    Map<AbstractInsnNode, Variable> assigned = new HashMap<>();
    Set<Integer> unsplittable = new TreeSet<>();
    AbstractInsnNode[] insns = instructions.toArray();
    for (int i = 0; i < insns.length; i++) {
      int slot = varOf(insns[i]);
      if (slot < firstLocal || !bySlot.containsKey(slot)) {
        continue;
      }
      Variable match = null;
      boolean ambiguous = false;
      for (Variable v : bySlot.get(slot)) {
        if (v.kind == Slots.kind(insns[i].getOpcode()) && v.holds(instructions, insns, i)) {
          ambiguous |= match != null;
          match = v;
        }
      }
      if (ambiguous) {
        unsplittable.add(slot);
      } else if (match != null) {
        assigned.put(insns[i], match);
      }
    }
    checkDataFlow(insns, firstLocal, bySlot, assigned, unsplittable);
    counters.add(Counter.SLOTS_NOT_SPLIT, unsplittable.size());

    int nextSlot = maxLocals;
    for (Variable v : variables.values()) {
      if (!unsplittable.contains(v.slot)) {
        v.newSlot = nextSlot;
        nextSlot += Slots.size(v.descriptor);
      }
    }
    for (Map.Entry<AbstractInsnNode, Variable> e : assigned.entrySet()) {
      Variable v = e.getValue();
      if (v.newSlot >= 0) {
        if (e.getKey() instanceof VarInsnNode) {
          ((VarInsnNode) e.getKey()).var = v.newSlot;
        } else {
          ((IincInsnNode) e.getKey()).var = v.newSlot;
        }
      }
    }
    for (Variable v : variables.values()) {
      if (v.newSlot >= 0) {
        for (LocalVariableNode entry : v.entries) {
          entry.index = v.newSlot;
        }
      }
    }
    remapAnnotations(visibleLocalVariableAnnotations, variables);
    remapAnnotations(invisibleLocalVariableAnnotations, variables);
    maxLocals = nextSlot;
  }

  /** Marks slots whose assignment disagrees with the original data flow. */
  private void checkDataFlow(AbstractInsnNode[] insns, int firstLocal,
      Map<Integer, List<Variable>> bySlot, Map<AbstractInsnNode, Variable> assigned,
      Set<Integer> unsplittable) {
    Frame<SourceValue>[] frames;
    try {
      frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, this);
    } catch (AnalyzerException e) {
      unsplittable.addAll(bySlot.keySet());
      return;
    }
    for (int i = 0; i < insns.length; i++) {
      AbstractInsnNode insn = insns[i];
      int slot = varOf(insn);
      if (slot < firstLocal || !bySlot.containsKey(slot) || Slots.isStore(insn.getOpcode())
          || frames[i] == null) {
        continue;
      }
      Variable reader = assigned.get(insn);
      for (AbstractInsnNode definition : frames[i].getLocal(slot).insns) {
        if (varOf(definition) == slot && assigned.get(definition) != reader) {
          unsplittable.add(slot);
        }
      }
    }
  }

  /** Type annotations on locals name slots: follow the split, or drop the ones that cannot. */
  private static void remapAnnotations(List<LocalVariableAnnotationNode> annotations,
      Map<String, Variable> variables) {
    if (annotations == null) {
      return;
    }
    annotations.removeIf(a -> {
      for (int r = 0; r < a.index.size(); r++) {
        int slot = a.index.get(r);
        Variable owner = null;
        boolean slotWasSplit = false;
        for (Variable v : variables.values()) {
          if (v.slot == slot && v.newSlot >= 0) {
            slotWasSplit = true;
            LabelNode start = a.start.get(r);
            if (v.entries.stream().anyMatch(e -> e.start == start)) {
              owner = v;
            }
          }
        }
        if (owner != null) {
          a.index.set(r, owner.newSlot);
        } else if (slotWasSplit) {
          return true;
        }
      }
      return false;
    });
  }

  private static int varOf(AbstractInsnNode insn) {
    if (insn instanceof VarInsnNode) {
      return insn.getOpcode() == Opcodes.RET ? -1 : ((VarInsnNode) insn).var;
    }
    if (insn instanceof IincInsnNode) {
      return ((IincInsnNode) insn).var;
    }
    return -1;
  }

  /** One named variable: all table entries with one slot, name and descriptor. */
  private static final class Variable {
    final int slot;
    final String descriptor;
    final char kind;
    final List<LocalVariableNode> entries = new ArrayList<>();
    int newSlot = -1;

    Variable(int slot, String descriptor) {
      this.slot = slot;
      this.descriptor = descriptor;
      this.kind = Slots.kind(descriptor);
    }

    /** True when instruction {@code i} (a load, store or IINC of this slot) belongs to this variable. */
    boolean holds(InsnList list, AbstractInsnNode[] insns, int i) {
      int at = i;
      if (Slots.isStore(insns[i].getOpcode())) {
        at = i + 1;
        while (at < insns.length && insns[at].getOpcode() < 0) {
          at++;
        }
      }
      for (LocalVariableNode entry : entries) {
        int start = list.indexOf(entry.start);
        int end = list.indexOf(entry.end);
        if (start < at && i < end) {
          return true;
        }
      }
      return false;
    }
  }
}
