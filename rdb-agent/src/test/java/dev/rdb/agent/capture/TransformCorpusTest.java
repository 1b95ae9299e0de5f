package dev.rdb.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.rdb.agent.metrics.Counter;
import dev.rdb.agent.store.FrameView;
import dev.rdb.agent.store.LocalView;
import dev.rdb.agent.store.PostMortemView;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Every shape of issue 3, item 2: instrumented, verified by ASM's analyzer, defined (so verified by
 * the JVM), run until it throws, and the captured names, types and values asserted.
 */
class TransformCorpusTest {

  private static final String CORPUS = "dev.rdb.fixtures.Corpus";

  private final TestAgent.InstrumentingLoader loader =
      new TestAgent.InstrumentingLoader("dev.rdb.fixtures.", LocalsMode.EAGER);

  @Test
  void longAndDoubleLocalsAreCapturedWithEveryPrimitiveType() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "longDouble", 4), "longDouble");
    assertThat(values(f)).containsExactly(entry("seed", 4), entry("big", 1L << 40),
        entry("ratio", 2.5), entry("half", 0.5f), entry("small", 5), entry("letter", 'q'),
        entry("flag", true), entry("sh", (short) 12), entry("by", (byte) -3));
    assertThat(types(f)).containsEntry("big", "long").containsEntry("ratio", "double")
        .containsEntry("letter", "char").containsEntry("by", "byte");
    assertThat(f.locals().get(0).argument()).as("seed is a parameter").isTrue();
  }

  @Test
  void variablesSharingASlotEachKeepTheirOwnValueAndOnlyTheOneInScopeShows() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "reusedSlots", 3), "reusedSlots");
    assertThat(values(f)).containsExactly(entry("n", 3), entry("text", "reused"));
  }

  @Test
  void nestedScopesShowEveryEnclosingVariable() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "nestedScopes", 9), "nestedScopes");
    assertThat(values(f)).containsExactly(entry("n", 9), entry("outer", 1), entry("middle", 2),
        entry("inner", 3));
  }

  @Test
  void loopVariablesHoldTheirValueWhereTheExceptionLeftTheFrame() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "loopVariables", List.of("a", "b", "c", "d")),
        "loopVariables");
    assertThat(values(f)).containsEntry("total", 6).containsEntry("item", "c")
        .doesNotContainKey("i");
  }

  @Test
  void catchParameterAndItsBlockLocalsAreCapturedAndCauseFramesJoin() throws Exception {
    PostMortemView pm = crashStatic(CORPUS, "catchParameter");
    assertThat(pm.exceptionType()).isEqualTo("java.lang.IllegalStateException");
    FrameView f = frame(pm, "catchParameter");
    assertThat(values(f)).containsEntry("code", 7);
    assertThat(values(f).get("e")).isSameAs(pm.throwable().getCause());
  }

  @Test
  void patternMatchingVariableIsCaptured() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "patternVariable", "abcd"), "patternVariable");
    assertThat(values(f)).containsExactly(entry("o", "abcd"), entry("s", "abcd"), entry("len", 4));
    assertThat(types(f)).containsEntry("o", "java.lang.Object").containsEntry("s", "java.lang.String");
  }

  @Test
  void tryWithResourcesVariableIsCapturedAsItIsAtFrameExit() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "tryWithResources"), "tryWithResources");
    Object resource = values(f).get("r");
    assertThat(resource).isNotNull();
    assertThat(resource.getClass().getField("closed").getBoolean(resource))
        .as("the resource was closed before the frame was left: rdb shows the value at exit")
        .isTrue();
    assertThat(values(f)).containsEntry("inside", 5);
  }

  @Test
  void synchronizedMethodLeavesItsMonitorBalanced() throws Exception {
    Class<?> corpus = loader.loadClass(CORPUS);
    FrameView f = frame(crashStatic(CORPUS, "synchronizedMethod", 21), "synchronizedMethod");
    assertThat(values(f)).containsExactly(entry("x", 21), entry("doubled", 42));
    assertThat(Thread.holdsLock(corpus)).isFalse();
    assertThat(lockableFromAnotherThread(corpus)).isTrue();
  }

  @Test
  void synchronizedBlockLeavesItsMonitorBalanced() throws Exception {
    Object lock = loader.loadClass(CORPUS).getField("LOCK").get(null);
    FrameView f = frame(crashStatic(CORPUS, "synchronizedBlock", 1), "synchronizedBlock");
    assertThat(values(f)).containsEntry("inBlock", 2);
    assertThat(Thread.holdsLock(lock)).isFalse();
    assertThat(lockableFromAnotherThread(lock)).isTrue();
  }

  @Test
  void stringSwitchCaseLocalIsCaptured() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "stringSwitch", "beta"), "stringSwitch");
    assertThat(values(f)).containsEntry("key", "beta").containsEntry("chosen", 9);
  }

  @Test
  void enumSwitchCaseLocalIsCaptured() throws Exception {
    Class<?> color = loader.loadClass(CORPUS + "$Color");
    Object green = color.getField("GREEN").get(null);
    FrameView f = frame(crashStatic(CORPUS, "enumSwitch", green), "enumSwitch");
    assertThat(values(f)).containsEntry("c", green).containsEntry("green", "g");
  }

  @Test
  void lambdaBodyIsCapturedUnderItsSyntheticMethod() throws Exception {
    PostMortemView pm = crashStatic(CORPUS, "lambda", 8);
    FrameView body = pm.frames().stream()
        .filter(fr -> fr.captured() && fr.methodName().startsWith("lambda$")).findFirst().orElseThrow();
    assertThat(values(body)).containsExactly(entry("v", 8), entry("w", 16));
    assertThat(values(frame(pm, "lambda"))).containsEntry("start", 8).containsKey("twice");
  }

  @Test
  void anonymousAndInnerClassFramesAreCaptured() throws Exception {
    Class<?> corpus = loader.loadClass(CORPUS);
    Object instance = corpus.getConstructor(String.class).newInstance("T");
    PostMortemView anon = TestAgent.crash(corpus.getMethod("anonymous", int.class), instance, 10);
    FrameView getAsInt = frame(anon, "getAsInt");
    assertThat(getAsInt.className()).isEqualTo(CORPUS + "$1");
    assertThat(values(getAsInt)).containsEntry("fromAnonymous", 11).containsKey("this");

    PostMortemView inner = TestAgent.crash(corpus.getMethod("inner"), instance);
    FrameView explode = frame(inner, "explode");
    assertThat(explode.className()).isEqualTo(CORPUS + "$Inner");
    assertThat(values(explode)).containsEntry("why", "!").containsEntry("combined", "T!4");
  }

  @Test
  void recordCompactConstructorAndMethodAreCaptured() throws Exception {
    Class<?> range = loader.loadClass(CORPUS + "$Range");
    Constructor<?> ctor = range.getConstructor(int.class, int.class);
    PostMortemView pm = crashConstructor(ctor, 5, 1);
    assertThat(values(frame(pm, "<init>"))).containsEntry("low", 5).containsEntry("high", 1)
        .containsEntry("width", -4);

    Object ok = ctor.newInstance(1, 4);
    PostMortemView method = TestAgent.crash(range.getMethod("widthOrBoom", int.class), ok, 2);
    assertThat(values(frame(method, "widthOrBoom"))).containsEntry("scaled", 6).containsEntry("this", ok);
  }

  @Test
  void enumMethodIsCaptured() throws Exception {
    Class<?> planet = loader.loadClass(CORPUS + "$Planet");
    Object earth = planet.getField("EARTH").get(null);
    FrameView f = frame(TestAgent.crash(planet.getMethod("weigh", double.class), earth, 2.0), "weigh");
    assertThat(values(f)).containsEntry("factor", 2.0).containsEntry("weight", 5.97e24 * 2.0);
  }

  @Test
  void interfaceDefaultAndStaticMethodsAreCaptured() throws Exception {
    Class<?> shape = loader.loadClass(CORPUS + "$Shape");
    Object square = loader.loadClass(CORPUS + "$Square").getConstructor().newInstance();
    FrameView describe = frame(TestAgent.crash(shape.getMethod("describe", String.class), square, "p"), "describe");
    assertThat(describe.className()).isEqualTo(CORPUS + "$Shape");
    assertThat(values(describe)).containsEntry("prefix", "p").containsEntry("count", 4);
    FrameView create = frame(TestAgent.crash(shape.getMethod("create", int.class), null, 3), "create");
    assertThat(values(create)).containsEntry("twice", 6);
  }

  @Test
  void failingStaticInitializerIsCaptured() throws Exception {
    PostMortemView pm = null;
    try {
      Class.forName("dev.rdb.fixtures.StaticInit", true, loader);
    } catch (ExceptionInInitializerError e) {
      dev.rdb.agent.bridge.Bridge.postMortem(e);
      List<PostMortemView> all = TestAgent.STORE.postMortems();
      pm = all.get(all.size() - 1);
    }
    assertThat(pm).as("static initializer failed").isNotNull();
    assertThat(pm.exceptionType()).isEqualTo("java.lang.ExceptionInInitializerError");
    assertThat(values(frame(pm, "<clinit>"))).containsExactly(entry("computed", 41));
  }

  @Test
  void genericVarargsMethodIsCaptured() throws Exception {
    Method m = loader.loadClass(CORPUS).getMethod("genericVarargs", Comparable[].class);
    FrameView f = frame(TestAgent.crash(m, null, (Object) new String[] {"b", "z", "a"}), "genericVarargs");
    assertThat(values(f)).containsEntry("best", "z").containsKey("values");
    assertThat(values(f).get("seen")).isEqualTo(List.of("b", "z", "a"));
    assertThat(types(f)).containsEntry("values", "java.lang.Comparable[]");
  }

  @Test
  void wideLocalAfterNarrowOneIsCaptured() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "longAfterInt", 1), "longAfterInt");
    assertThat(values(f)).containsEntry("a", 1).containsEntry("wide", 77L).containsEntry("d", 0.25);
  }

  @Test
  void finallyBlockThatRanBeforeFrameExitShowsTheExitValue() throws Exception {
    FrameView f = frame(crashStatic(CORPUS, "finallyChangesValue"), "finallyChangesValue");
    assertThat(values(f)).as("the finally block ran before the frame was left").containsEntry("state", 3);
  }

  @Test
  void constructorsAreProtectedBeforeAndAfterTheirSuperOrThisCall() throws Exception {
    Class<?> ctors = loader.loadClass("dev.rdb.fixtures.Constructors");
    PostMortemView pm = crashConstructor(ctors.getConstructor(int.class), 5);
    assertThat(values(frame(pm, "<init>"))).containsEntry("value", 5).containsEntry("local", 15)
        .containsKey("this");

    // Thrown inside this(...): the call itself is not covered (see UnwindHandler), so the
    // delegating constructor's frame is shown from the stack trace, without values.
    PostMortemView delegated = crashConstructor(ctors.getConstructor(String.class), "abcdef");
    List<FrameView> inits = delegated.frames().stream()
        .filter(fr -> fr.methodName().equals("<init>") && fr.className().endsWith("Constructors")).toList();
    assertThat(inits).extracting(FrameView::captured).containsExactly(true, false);
    assertThat(values(inits.get(0))).containsEntry("local", 18);

    // Thrown while computing super(...)'s argument, before `this` exists: the parameters, no `this`.
    PostMortemView early = crashConstructor(ctors.getConstructor(long.class), -4L);
    FrameView init = frame(early, "<init>");
    assertThat(init.captured()).isTrue();
    assertThat(init.locals()).extracting(LocalView::name).containsExactly("code");
    assertThat(values(init)).containsEntry("code", -4L);
    assertThat(values(frame(early, "kindOf"))).containsEntry("code", -4L);
  }

  @Test
  void classWithoutDebugInformationYieldsThisAndArgumentsByPosition() throws Exception {
    byte[] stripped = stripDebugInfo(CaptureTransformer.read(getClass().getClassLoader(),
        "dev/rdb/fixtures/Constructors"));
    byte[] instrumented = TestAgent.instrumentAndVerify(stripped, LocalsMode.EAGER);
    ClassLoader isolated = new ClassLoader(getClass().getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals("dev.rdb.fixtures.Constructors")) {
          synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : defineClass(name, instrumented, 0, instrumented.length);
          }
        }
        return super.loadClass(name, resolve);
      }
    };
    Class<?> ctors = isolated.loadClass("dev.rdb.fixtures.Constructors");
    FrameView f = frame(crashConstructor(ctors.getConstructor(int.class), 7), "<init>");
    assertThat(f.namesAvailable()).isFalse();
    assertThat(f.locals()).extracting(LocalView::name).containsExactly("this", "arg0");
    assertThat(f.locals()).extracting(LocalView::type)
        .containsExactly("dev.rdb.fixtures.Constructors", "int");
    assertThat(f.locals().get(1).value()).isEqualTo(7);
    assertThat(f.line()).as("no line numbers either").isEqualTo(-1);
  }

  @Test
  void catchAllEntriesComeLastInEveryInstrumentedMethod() throws Exception {
    for (String name : List.of(CORPUS, CORPUS + "$Range", "dev.rdb.fixtures.Constructors")) {
      loader.loadClass(name);
    }
    int checked = 0;
    for (Map.Entry<String, byte[]> e : loader.defined.entrySet()) {
      ClassNode before = node(CaptureTransformer.read(getClass().getClassLoader(),
          e.getKey().replace('.', '/')));
      ClassNode after = node(e.getValue());
      for (MethodNode m : after.methods) {
        if (m.name.startsWith(BoxingMethods.PREFIX)) {
          continue;
        }
        MethodNode o = before.methods.stream()
            .filter(x -> x.name.equals(m.name) && x.desc.equals(m.desc)).findFirst().orElseThrow();
        if (m.tryCatchBlocks.size() == o.tryCatchBlocks.size()) {
          continue;
        }
        checked++;
        for (int i = 0; i < o.tryCatchBlocks.size(); i++) {
          assertThat(m.tryCatchBlocks.get(i).type).as("%s.%s own handler %d keeps its place", e.getKey(), m.name, i)
              .isEqualTo(o.tryCatchBlocks.get(i).type);
        }
        List<TryCatchBlockNode> appended = m.tryCatchBlocks.subList(o.tryCatchBlocks.size(), m.tryCatchBlocks.size());
        assertThat(appended).as("%s.%s guards and catch-alls", e.getKey(), m.name).hasSizeGreaterThan(2);
        assertThat(appended).as("%s.%s appended entries catch everything", e.getKey(), m.name)
            .allMatch(b -> b.type == null);
        // Two guards per shared handler: one handler, or two in a constructor (before and after
        // its super(...) call).
        int guards = 0;
        while (guards < 4 && countsTheHandlersFailure(appended.get(guards))) {
          assertThat(firstInstruction(appended.get(guards + 1).handler).getOpcode())
              .as("%s.%s last-resort guard drops the failure", e.getKey(), m.name).isEqualTo(Opcodes.POP);
          guards += 2;
        }
        assertThat(guards).as("%s.%s guards", e.getKey(), m.name).isIn(2, 4);
        for (TryCatchBlockNode ours : appended.subList(guards, appended.size())) {
          AbstractInsnNode first = firstInstruction(ours.handler);
          AbstractInsnNode jump = first.getNext();
          while (jump.getOpcode() < 0) {
            jump = jump.getNext();
          }
          assertThat(jump.getOpcode()).as("%s.%s handler stub is push point; goto", e.getKey(), m.name)
              .isEqualTo(Opcodes.GOTO);
        }
      }
    }
    assertThat(checked).as("instrumented methods checked").isGreaterThan(20);
  }

  private static boolean countsTheHandlersFailure(TryCatchBlockNode entry) {
    AbstractInsnNode first = firstInstruction(entry.handler);
    return first instanceof MethodInsnNode && ((MethodInsnNode) first).name.equals("captureFailed");
  }

  private static AbstractInsnNode firstInstruction(AbstractInsnNode label) {
    AbstractInsnNode first = label.getNext();
    while (first.getOpcode() < 0) {
      first = first.getNext();
    }
    return first;
  }

  @Test
  void eagerHandlersBoxThroughOneSyntheticMethodPerShape() throws Exception {
    loader.loadClass(CORPUS);
    ClassNode corpus = node(loader.defined.get(CORPUS));
    List<MethodNode> boxing = corpus.methods.stream()
        .filter(m -> m.name.startsWith(BoxingMethods.PREFIX)).toList();
    assertThat(boxing).isNotEmpty();
    assertThat(boxing).allMatch(m -> (m.access & Opcodes.ACC_SYNTHETIC) != 0
        && (m.access & Opcodes.ACC_PRIVATE) != 0 && (m.access & Opcodes.ACC_STATIC) != 0);
    assertThat(boxing.stream().map(m -> m.desc).distinct().count()).as("one per shape").isEqualTo(boxing.size());
    Class<?> shape = loader.loadClass(CORPUS + "$Shape");
    assertThat(java.util.Arrays.stream(shape.getDeclaredMethods()).map(Method::getName))
        .as("interfaces of Java 9+ get private boxing methods too").anyMatch(n -> n.startsWith(BoxingMethods.PREFIX));
  }

  @Test
  void retransformingAClassLoadedBeforeTheAgentAddsNoMethod() throws Exception {
    byte[] original = CaptureTransformer.read(getClass().getClassLoader(), CORPUS.replace('.', '/'));
    byte[] result = TestAgent.transformer(LocalsMode.EAGER).instrument(original,
        CaptureTransformer.hierarchyOf(n -> CaptureTransformer.read(getClass().getClassLoader(), n)),
        false);
    List<String> before = node(original).methods.stream().map(m -> m.name + m.desc).toList();
    List<String> after = node(result).methods.stream().map(m -> m.name + m.desc).toList();
    assertThat(after).as("retransformation may not add methods").isEqualTo(before);
  }

  @Test
  void methodsThatCannotThrowAreLeftAlone() throws Exception {
    loader.loadClass(CORPUS + "$Square");
    ClassNode square = node(loader.defined.get(CORPUS + "$Square"));
    MethodNode sides = square.methods.stream().filter(m -> m.name.equals("sides")).findFirst().orElseThrow();
    assertThat(sides.tryCatchBlocks).isEmpty();
  }

  @Test
  void methodThatWouldPassTheCodeLimitIsLeftAloneAndCounted() {
    long before = TestAgent.COUNTERS.get(Counter.METHOD_TOO_LARGE);
    byte[] huge = generated("gen/Huge", mv -> {
      for (int i = 0; i < 21_840; i++) {
        mv.visitIincInsn(0, 1);
      }
      mv.visitVarInsn(Opcodes.ILOAD, 0);
      mv.visitInsn(Opcodes.ICONST_0);
      mv.visitInsn(Opcodes.IDIV);
      mv.visitInsn(Opcodes.IRETURN);
    });
    assertThat(TestAgent.transformer(LocalsMode.EAGER).instrument(huge,
        CaptureTransformer.hierarchyOf(n -> CaptureTransformer.read(getClass().getClassLoader(), n))))
        .as("nothing else to instrument: class left as it was").isNull();
    assertThat(TestAgent.COUNTERS.get(Counter.METHOD_TOO_LARGE)).isEqualTo(before + 1);
  }

  @Test
  void classThatFailsToTransformLoadsUnchangedAndIsCounted() {
    long before = TestAgent.COUNTERS.get(Counter.TRANSFORM_FAILED);
    byte[] unknownTypes = generated("gen/Unknown", mv -> {
      org.objectweb.asm.Label other = new org.objectweb.asm.Label();
      org.objectweb.asm.Label join = new org.objectweb.asm.Label();
      mv.visitVarInsn(Opcodes.ILOAD, 0);
      mv.visitJumpInsn(Opcodes.IFEQ, other);
      mv.visitTypeInsn(Opcodes.NEW, "nowhere/A");
      mv.visitInsn(Opcodes.DUP);
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "nowhere/A", "<init>", "()V", false);
      mv.visitJumpInsn(Opcodes.GOTO, join);
      mv.visitLabel(other);
      mv.visitTypeInsn(Opcodes.NEW, "nowhere/B");
      mv.visitInsn(Opcodes.DUP);
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "nowhere/B", "<init>", "()V", false);
      mv.visitLabel(join);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I", false);
      mv.visitInsn(Opcodes.IRETURN);
    });
    CaptureTransformer transformer = TestAgent.transformer(LocalsMode.EAGER);
    ClassLoader appLoader = new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader());
    assertThat(transformer.transform(null, appLoader, "gen/Unknown", null, null, unknownTypes))
        .as("null: the JVM keeps the original bytes").isNull();
    assertThat(TestAgent.COUNTERS.get(Counter.TRANSFORM_FAILED)).isEqualTo(before + 1);
  }

  // --- helpers ---

  private PostMortemView crashStatic(String className, String method, Object... args) throws Exception {
    Class<?> c = loader.loadClass(className);
    Method m = null;
    for (Method candidate : c.getMethods()) {
      if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
        m = candidate;
      }
    }
    assertThat(m).as("method %s.%s", className, method).isNotNull();
    return TestAgent.crash(m, null, args);
  }

  private static PostMortemView crashConstructor(Constructor<?> ctor, Object... args) throws Exception {
    try {
      ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      dev.rdb.agent.bridge.Bridge.postMortem(e.getCause());
      List<PostMortemView> all = TestAgent.STORE.postMortems();
      return all.get(all.size() - 1);
    }
    throw new AssertionError(ctor + " did not throw");
  }

  private static FrameView frame(PostMortemView pm, String methodName) {
    return pm.frames().stream()
        .filter(f -> f.captured() && f.methodName().equals(methodName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no captured frame " + methodName + " in " + pm.frames()));
  }

  private static Map<String, Object> values(FrameView f) {
    Map<String, Object> m = new LinkedHashMap<>();
    f.locals().forEach(l -> m.put(l.name(), l.value()));
    return m;
  }

  private static Map<String, String> types(FrameView f) {
    Map<String, String> m = new LinkedHashMap<>();
    f.locals().forEach(l -> m.put(l.name(), l.type()));
    return m;
  }

  private static boolean lockableFromAnotherThread(Object lock) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      synchronized (lock) {
        return true;
      }
    }).get(10, TimeUnit.SECONDS);
  }

  private static ClassNode node(byte[] bytes) {
    ClassNode n = new ClassNode();
    new ClassReader(bytes).accept(n, ClassReader.SKIP_FRAMES);
    return n;
  }

  private static byte[] stripDebugInfo(byte[] classFile) {
    ClassWriter w = new ClassWriter(0);
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, w) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
          @Override
          public void visitParameter(String parameterName, int parameterAccess) {
            // dropped: javac without -parameters
          }
        };
      }
    }, ClassReader.SKIP_DEBUG);
    return w.toByteArray();
  }

  private static byte[] generated(String name, java.util.function.Consumer<MethodVisitor> body) {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    MethodVisitor mv = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "(I)I", null, null);
    mv.visitCode();
    body.accept(mv);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }
}
