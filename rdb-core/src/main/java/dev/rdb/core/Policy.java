package dev.rdb.core;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the serving side of a connection lets its peer do, consulted for every operation.
 *
 * <p>A policy is a list of rules, each allowing or denying one {@link Action} on classes and
 * members matched by glob patterns ({@code *} matches any run of characters, so {@code java.util.*}
 * covers sub-packages too; class names are binary names such as {@code java.util.Map$Entry}). An
 * operation is permitted when some allow rule matches and no deny rule does.
 *
 * <p>For a method call the rules are matched against every class in the receiver's hierarchy
 * that declares the method (same name and parameter types), so an allow rule for
 * {@code java.util.List.get} permits {@code ArrayList.get}, and a deny rule on any of those
 * declarations wins. Field rules match the field's declaring class. Element access (index, length,
 * slice, the elements shown by describe) is a {@link Action#READ} of the member {@code []}.
 */
public final class Policy {

  /** What a rule governs. */
  public enum Action {
    /** Reading fields (instance and static) and elements. */
    READ,
    /** Writing fields. */
    WRITE,
    /** Invoking methods (including {@code toString}, {@code equals}, {@code hashCode}). */
    CALL
  }

  /**
   * One rule.
   *
   * @param allow true to allow, false to deny
   * @param action what it governs
   * @param classPattern glob over binary class names
   * @param memberPattern glob over field or method names
   */
  public record Rule(boolean allow, Action action, String classPattern, String memberPattern) {
    public Rule {
      if (action == null || classPattern == null || memberPattern == null) {
        throw new IllegalArgumentException("action, classPattern and memberPattern are required");
      }
    }

    boolean matches(Action a, String className, String member) {
      return action == a && glob(classPattern).matcher(className).matches()
          && glob(memberPattern).matcher(member).matches();
    }

    @Override
    public String toString() {
      return (allow ? "allow " : "deny ") + action + " " + classPattern + "." + memberPattern;
    }
  }

  /** The side-effect-free methods {@link #readOnly()} allows, as (class, method) pairs. */
  private static final String[][] READ_ONLY_CALLS = {
      {"java.lang.Object", "toString|hashCode|equals|getClass"},
      {"java.lang.CharSequence", "length|charAt|isEmpty|subSequence"},
      {"java.lang.String", "length|charAt|isEmpty|substring|contains|startsWith|endsWith|indexOf"},
      {"java.util.Collection", "size|isEmpty|contains|iterator"},
      {"java.util.List", "get|indexOf|subList"},
      {"java.util.Map", "get|size|isEmpty|containsKey|keySet|values|entrySet|getOrDefault"},
      {"java.util.Map$Entry", "getKey|getValue"},
      {"java.util.Iterator", "hasNext|next"},
      {"java.util.Optional", "isPresent|isEmpty|get|orElse"},
      {"java.lang.Enum", "name|ordinal"},
      {"java.lang.Number", "intValue|longValue|doubleValue|floatValue"},
      {"java.lang.Class", "getName|getSimpleName|getSuperclass|getInterfaces|isInstance"},
      {"java.lang.Throwable",
          "getMessage|getLocalizedMessage|getCause|getStackTrace|getSuppressed"},
      {"java.lang.Thread", "getName|getState|isDaemon|getId|getStackTrace"},
      {"java.lang.StackTraceElement", "getClassName|getMethodName|getFileName|getLineNumber"},
  };

  private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

  private static final Policy FULL = new Policy("full", List.of(
      new Rule(true, Action.READ, "*", "*"),
      new Rule(true, Action.WRITE, "*", "*"),
      new Rule(true, Action.CALL, "*", "*")));

  private static final Policy READ_ONLY = readOnlyPolicy();

  private final String name;
  private final List<Rule> rules;
  /**
   * Decisions already taken, per class (weakly, through {@link ClassValue}): matching rules walks
   * the class hierarchy and runs regular expressions, far more work than the read it guards.
   */
  private final ClassValue<Map<Object, Boolean>> decisions = new ClassValue<>() {
    @Override
    protected Map<Object, Boolean> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  Policy(String name, List<Rule> rules) {
    this.name = name;
    this.rules = List.copyOf(rules);
  }

  /**
   * Field and element reads of every class, plus a short list of side-effect-free methods
   * ({@code toString}, {@code size}, {@code length}, {@code get}, {@code getClass},
   * {@code getMessage}, {@code getCause}, {@code getStackTrace}, …). No writes.
   */
  public static Policy readOnly() {
    return READ_ONLY;
  }

  /** Everything: reads, writes and calls of any method. */
  public static Policy full() {
    return FULL;
  }

  /** Starts an empty policy (which permits nothing) named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name, List.of());
  }

  /** A builder starting from this policy's rules. */
  public Builder toBuilder() {
    return new Builder(name, rules);
  }

  /** The policy's name, e.g. {@code read-only}. */
  public String name() {
    return name;
  }

  /** The rules, in the order they were added. */
  public List<Rule> rules() {
    return rules;
  }

  /** Whether reading {@code member} of {@code owner} (a field, or {@code []}) is allowed. */
  public boolean allowsRead(Class<?> owner, String member) {
    return decisions.get(owner).computeIfAbsent("R:" + member,
        k -> permits(Action.READ, Set.of(owner.getName()), member));
  }

  /** Whether writing field {@code field} declared by {@code owner} is allowed. */
  public boolean allowsWrite(Class<?> owner, String field) {
    return decisions.get(owner).computeIfAbsent("W:" + field,
        k -> permits(Action.WRITE, Set.of(owner.getName()), field));
  }

  /** Whether calling {@code method} on an instance of {@code receiverClass} is allowed. */
  public boolean allowsCall(Class<?> receiverClass, Method method) {
    return decisions.get(receiverClass).computeIfAbsent(method,
        k -> permits(Action.CALL, declarers(receiverClass, method), method.getName()));
  }

  private boolean permits(Action action, Set<String> classNames, String member) {
    boolean allowed = false;
    for (Rule rule : rules) {
      for (String className : classNames) {
        if (rule.matches(action, className, member)) {
          if (!rule.allow()) {
            return false;
          }
          allowed = true;
        }
      }
    }
    return allowed;
  }

  /** Every class or interface above {@code start} that declares the method's signature. */
  private static Set<String> declarers(Class<?> start, Method method) {
    Set<String> names = new HashSet<>();
    names.add(method.getDeclaringClass().getName());
    Deque<Class<?>> todo = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      try {
        c.getDeclaredMethod(method.getName(), method.getParameterTypes());
        names.add(c.getName());
      } catch (NoSuchMethodException | SecurityException | NoClassDefFoundError ignored) {
        // c does not declare it; keep walking.
      }
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
      todo.addAll(Arrays.asList(c.getInterfaces()));
    }
    return names;
  }

  /** How the serving side could permit an operation this policy refused, for error messages. */
  String howToAllow(Action action, String className, String member) {
    return "policy '" + name + "' denies it; to allow it the serving side can use Policy.full() or "
        + "add Policy.Builder.allow(Action." + action + ", \"" + className + "\", \"" + member
        + "\")";
  }

  @Override
  public String toString() {
    return "Policy[" + name + ", " + rules.size() + " rules]";
  }

  private static Policy readOnlyPolicy() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(true, Action.READ, "*", "*"));
    for (String[] call : READ_ONLY_CALLS) {
      for (String method : call[1].split("\\|")) {
        rules.add(new Rule(true, Action.CALL, call[0], method));
      }
    }
    return new Policy("read-only", rules);
  }

  private static Pattern glob(String glob) {
    return GLOBS.computeIfAbsent(glob, Policy::compileGlob);
  }

  private static Pattern compileGlob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  /** Builds a policy from rules; later rules never override a deny. */
  public static final class Builder {
    private final String name;
    private final List<Rule> rules;

    Builder(String name, List<Rule> rules) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("policy name is blank: " + name);
      }
      this.name = name;
      this.rules = new ArrayList<>(rules);
    }

    /** Allows {@code action} on members matching {@code memberPattern} of matching classes. */
    public Builder allow(Action action, String classPattern, String memberPattern) {
      rules.add(new Rule(true, action, classPattern, memberPattern));
      return this;
    }

    /** Denies {@code action}; a matching deny rule wins over every allow rule. */
    public Builder deny(Action action, String classPattern, String memberPattern) {
      rules.add(new Rule(false, action, classPattern, memberPattern));
      return this;
    }

    public Policy build() {
      return new Policy(name, rules);
    }
  }
}
