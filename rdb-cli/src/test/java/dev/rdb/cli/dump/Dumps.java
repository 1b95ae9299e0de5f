package dev.rdb.cli.dump;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The dump fixtures under src/test/resources/dumps. */
public final class Dumps {
  private Dumps() {}

  public static Path path(String name) {
    try {
      return Path.of(Dumps.class.getResource("/dumps/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test dump " + name, e);
    }
  }

  public static DumpDebuggee shop() {
    return DumpDebuggee.open(path("shop.json"));
  }
}
