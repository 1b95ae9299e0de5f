package dev.rdb.agent.start;

import java.io.IOException;
import java.util.jar.JarFile;

/** Finds the application's main class from the launcher's command line, to default the includes. */
final class MainClass {

  private MainClass() {}

  /** The main class's binary name, or null when the launcher did not say (or said it oddly). */
  static String of(String javaCommand) {
    if (javaCommand == null || javaCommand.isBlank()) {
      return null;
    }
    String first = javaCommand.trim().split("\\s+")[0];
    if (first.endsWith(".jar")) {
      try (JarFile jar = new JarFile(first)) {
        return jar.getManifest() == null ? null
            : jar.getManifest().getMainAttributes().getValue("Main-Class");
      } catch (IOException e) {
        return null;
      }
    }
    int slash = first.indexOf('/');
    return slash >= 0 ? first.substring(slash + 1) : first;
  }

  /** The package of a binary class name; empty for the unnamed package. */
  static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
