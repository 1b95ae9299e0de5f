package dev.rdb.core;

/**
 * An enum constant, copied by class and name. Passed as an argument, it becomes the constant of
 * the parameter's enum type on the remote side.
 *
 * @param type binary name of the enum class
 * @param name the constant's name
 */
public record EnumValue(String type, String name) {
  public EnumValue {
    if (type == null || name == null) {
      throw new IllegalArgumentException("type and name are required: " + type + "." + name);
    }
  }

  /** The value for a local enum constant. */
  public static EnumValue of(Enum<?> constant) {
    return new EnumValue(constant.getDeclaringClass().getName(), constant.name());
  }

  @Override
  public String toString() {
    return type + "." + name;
  }
}
