package dev.rdb.agent.capture;

import org.objectweb.asm.Type;

/**
 * One value a capture site boxes into its {@code Object[]}: {@code this}, a parameter or a local.
 *
 * @param name source name, or {@code arg0…} when the class has no names
 * @param type declared type in Java source form ({@code int}, {@code java.lang.String[]})
 * @param descriptor JVM descriptor of the declared type
 * @param slot the local-variable slot the handler loads it from
 * @param argument true for {@code this} and parameters (in scope wherever they can be read; see
 *     {@link CapturePoint#inScope})
 */
public record LocalSlot(String name, String type, String descriptor, int slot, boolean argument) {

  static LocalSlot of(String name, String descriptor, int slot, boolean argument) {
    return new LocalSlot(name, Type.getType(descriptor).getClassName(), descriptor, slot, argument);
  }
}
