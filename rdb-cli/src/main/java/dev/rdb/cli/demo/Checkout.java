package dev.rdb.cli.demo;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The source checkout rdb runs from, and the built artifacts {@code rdb demo} needs in it. The
 * launcher {@code ./rdb} passes the checkout as {@code -Drdb.root=…}; without it, the checkout is
 * found from where rdb's own classes are ({@code rdb-cli/target/rdb.jar} or
 * {@code rdb-cli/target/classes}).
 */
public record Checkout(Path root) {
  /** The command that builds everything {@link #missing()} may list, as the launcher runs it. */
  public static final String BUILD = "mvn -B -q -pl rdb-cli,rdb-agent,demo -am package -DskipTests";

  /** The checkout of this rdb, or empty when rdb does not run from one. */
  public static Checkout locate() {
    String property = System.getProperty("rdb.root");
    if (property != null && !property.isBlank()) {
      return new Checkout(Path.of(property).toAbsolutePath().normalize());
    }
    try {
      Path code = Path.of(Checkout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // rdb-cli/target/rdb.jar or rdb-cli/target/classes: three levels below the checkout.
      Path root = code.toAbsolutePath().getParent().getParent().getParent();
      return new Checkout(root == null ? Path.of("").toAbsolutePath() : root);
    } catch (URISyntaxException | RuntimeException e) {
      return new Checkout(Path.of("").toAbsolutePath());
    }
  }

  public Path agentJar() {
    return root.resolve("rdb-agent/target/rdb-agent.jar");
  }

  public Path cliJar() {
    return root.resolve("rdb-cli/target/rdb.jar");
  }

  public Path demoClasses() {
    return root.resolve("demo/target/classes");
  }

  /** Where {@code list} finds the demo's sources. */
  public Path demoSources() {
    return root.resolve("demo/src/main/java");
  }

  /** Where the demo JVMs' output goes once the REPL owns the terminal. */
  public Path demoLog(String name) {
    return root.resolve("demo/target/rdb-demo-" + name + ".log");
  }

  /** The artifacts that are not built yet, by path; empty when the demo can run. */
  public List<Path> missing() {
    List<Path> missing = new ArrayList<>();
    for (Path path : List.of(agentJar(), demoClasses().resolve("dev/rdb/demo/shop/ShopService.class"),
        demoClasses().resolve("dev/rdb/demo/seed/SeedServer.class"))) {
      if (!Files.exists(path)) {
        missing.add(path);
      }
    }
    return missing;
  }
}
