package dev.rdb.agent.dump;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance fields a dump can read of a class: its own first, then its superclasses', each made
 * accessible once and cached per class ({@link ClassValue}, so classes still unload). Fields the
 * module system keeps closed (JDK internals) are left out, and the class says that some were.
 *
 * @param readable accessible instance fields, in the order they are written
 * @param someClosed true when some instance fields could not be made accessible
 */
record InstanceFields(List<Readable> readable, boolean someClosed) {

  /** A field and its declared type in Java source form. */
  record Readable(Field field, String type) {}

  private static final ClassValue<InstanceFields> CACHE = new ClassValue<>() {
    @Override
    protected InstanceFields computeValue(Class<?> type) {
      return compute(type);
    }
  };

  InstanceFields {
    readable = List.copyOf(readable);
  }

  static InstanceFields of(Class<?> type) {
    return CACHE.get(type);
  }

  private static InstanceFields compute(Class<?> type) {
    List<Readable> readable = new ArrayList<>();
    boolean closed = false;
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Field[] declared;
      try {
        declared = c.getDeclaredFields();
      } catch (LinkageError | RuntimeException e) {
        // A field type that cannot be loaded (NoClassDefFoundError): the class's fields stay unknown.
        closed = true;
        continue;
      }
      for (Field f : declared) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        boolean open;
        try {
          open = f.trySetAccessible();
        } catch (RuntimeException e) {
          open = false;
        }
        if (open) {
          readable.add(new Readable(f, declaredType(f)));
        } else {
          closed = true;
        }
      }
    }
    return new InstanceFields(readable, closed);
  }

  private static String declaredType(Field f) {
    try {
      return f.getGenericType().getTypeName();
    } catch (LinkageError | RuntimeException e) {
      // A malformed or unloadable generic signature: the erased type is still true.
      return f.getType().getTypeName();
    }
  }
}
