package dev.rdb.agent.serve;

import org.msgpack.core.buffer.MessageBuffer;

/**
 * Initialises the agent's (relocated) msgpack buffer class with its universal implementation: the
 * default one uses {@code sun.misc.Unsafe}, and JDK 24+ prints a warning the first time it does.
 * msgpack reads the choice from the system property {@value #PROPERTY} while its buffer class
 * initialises, so the property is set for that moment only and restored right after: the
 * application's own msgpack (a different class, unrelocated) sees what it would have seen.
 */
final class UniversalBuffer {

  static final String PROPERTY = "msgpack.universal-buffer";

  private UniversalBuffer() {}

  static void select() {
    synchronized (UniversalBuffer.class) {
      String previous = System.getProperty(PROPERTY);
      System.setProperty(PROPERTY, "true");
      try {
        Class.forName(MessageBuffer.class.getName(), true, MessageBuffer.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("msgpack is missing from the agent jar", e);
      } finally {
        if (previous == null) {
          System.clearProperty(PROPERTY);
        } else {
          System.setProperty(PROPERTY, previous);
        }
      }
    }
  }
}
