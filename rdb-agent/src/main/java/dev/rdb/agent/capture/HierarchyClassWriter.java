package dev.rdb.agent.capture;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} computing frames with a {@link ClassHierarchy} instead of loading classes.
 * Class files older than Java 6 have no frames (the JVM infers types, and JSR/RET may occur, which
 * frame computation rejects): for those only the maximums are computed.
 */
final class HierarchyClassWriter extends ClassWriter {

  private final ClassHierarchy hierarchy;

  HierarchyClassWriter(ClassReader reader, ClassHierarchy hierarchy) {
    super(reader, (reader.readUnsignedShort(6) & 0xFFFF) < 50 ? ClassWriter.COMPUTE_MAXS : ClassWriter.COMPUTE_FRAMES);
    this.hierarchy = hierarchy;
  }

  @Override
  protected String getCommonSuperClass(String type1, String type2) {
    return hierarchy.commonSuperClass(type1, type2);
  }

  @Override
  protected ClassLoader getClassLoader() {
    throw new UnsupportedOperationException("the transformer never loads classes");
  }
}
