package dev.rdb.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdb.cli.debuggee.FrameInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFinderTest {
  @TempDir Path dir;

  private static final FrameInfo ORDER_CHECK =
      new FrameInfo(0, "com.acme.Order", "check", "Order.java", 2, true, "");

  private Path jar(String name, String entry, String text) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }

  @Test
  void findsSourcesInsideAJarOnTheSourcePath() throws IOException {
    Path jar = jar("shop-sources.jar", "com/acme/Order.java", "package com.acme;\nclass Order {}\n");
    var source = SourceFinder.find(ORDER_CHECK, List.of(dir.resolve("absent"), jar)).orElseThrow();
    assertThat(source.location()).endsWith("shop-sources.jar!/com/acme/Order.java");
    assertThat(source.lines()).containsExactly("package com.acme;", "class Order {}");
  }

  @Test
  void findsTheSourcesJarBesideTheJarTheClassCameFrom() throws IOException {
    jar("shop-1.4-sources.jar", "com/acme/Order.java", "a\nb\n");
    FrameInfo fromJar = new FrameInfo(0, "com.acme.Order", "check", "Order.java", 2, true,
        dir.resolve("shop-1.4.jar").toString());
    assertThat(SourceFinder.find(fromJar, List.of())).isPresent();
    assertThat(SourceFinder.find(ORDER_CHECK, List.of())).isEmpty();
  }

  @Test
  void aCorruptArchiveIsSkippedNotFatal() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
    assertThat(SourceFinder.find(ORDER_CHECK, List.of(broken))).isEmpty();
  }
}
