package dev.rdb.cli.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.ObjectGraph;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpReaderTest {
  @TempDir Path dir;

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  private static String minimal(String postMortems) {
    return "{\"format\":\"rdb-dump\",\"version\":1,\"created\":\"2026-01-01T00:00:00Z\",\"jvm\":{},"
        + "\"postMortems\":" + postMortems + ",\"objects\":{}}";
  }

  @Test
  void readsPostMortemsFramesAndTypedLocals() {
    DumpDebuggee dump = Dumps.shop();
    assertThat(dump.postMortems()).extracting(s -> s.id() + " " + s.name())
        .containsExactly("1 java.lang.ArithmeticException", "2 ShopTest.checkoutTotals");
    PostMortem pm = dump.postMortem(2);
    assertThat(pm.frames()).extracting(f -> f.stackTraceLine() + " " + f.captured()).containsExactly(
        "com.acme.Order.check(Order.java:42) true", "com.acme.Shop.checkout(Shop.java:17) true",
        "com.acme.Main.main(Main.java:9) false");
    assertThat(pm.exception().cause().postMortemId()).hasValue(1);
    FrameLocals locals = dump.locals(2, 0, 0);
    assertThat(locals.locals()).extracting(Local::value).containsExactly(
        new Value.ObjectRef("o1", "com.acme.Order", "Order#7"), Value.of(100), Value.of(9007199254740993L),
        Value.of(0.25), Value.of(false), Value.of('Q'), Value.of("rush \"order\""),
        new Value.EnumConstant("com.acme.Status", "PAID"), Value.NULL);
  }

  @Test
  void describeStopsAtTheRequestedDepthAndKeepsSharedObjectsOnce() {
    DumpDebuggee dump = Dumps.shop();
    Value.ObjectRef order = new Value.ObjectRef("o1", "com.acme.Order", "");
    ObjectGraph shallow = dump.objects().describe(List.of(order), 0);
    assertThat(shallow.size()).isEqualTo(1);
    ObjectGraph deep = dump.objects().describe(List.of(order), 5);
    assertThat(deep.find(new Value.ObjectRef("o6", "com.acme.Customer", ""))).isPresent();
    Description items = deep.find(new Value.ObjectRef("o3", "java.util.ArrayList", "")).orElseThrow();
    assertThat(items.kind()).isEqualTo(Description.Kind.COLLECTION);
    assertThat(items.size()).isEqualTo(2);
  }

  @Test
  void truncatedJsonIsOneLineNamingFileLineAndColumn() throws IOException {
    String full = Files.readString(Dumps.path("shop.json"));
    Path cut = write("cut.json", full.substring(0, full.length() / 2));
    assertThatThrownBy(() -> DumpDebuggee.open(cut)).isInstanceOf(DumpFormatException.class)
        .hasMessageStartingWith("cut.json: line ")
        .hasMessageContaining("end-of-input")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void garbageIsRefusedClearly() throws IOException {
    assertThatThrownBy(() -> DumpDebuggee.open(write("g.json", "PK\u0003\u0004 not json")))
        .hasMessageStartingWith("g.json: line 1, column ").hasMessageContaining("Unrecognized token");
    assertThatThrownBy(() -> DumpDebuggee.open(write("a.json", "[1, 2]")))
        .hasMessage("a.json: the document must be a JSON object starting with '{'");
    assertThatThrownBy(() -> DumpDebuggee.open(write("o.json", "{\"hello\": 1}")))
        .hasMessage("o.json: missing \"format\": not an rdb dump");
    assertThatThrownBy(() -> DumpDebuggee.open(write("e.json", "")))
        .hasMessage("e.json: the document must be a JSON object starting with '{'");
    assertThatThrownBy(() -> DumpDebuggee.open(dir.resolve("absent.json")))
        .isInstanceOf(TargetException.class).hasMessageEndingWith("absent.json: no such file");
  }

  @Test
  void controlCharactersFromTheFileAreEscapedInMessages() throws IOException {
    Path odd = write("odd.json", "{\"format\": \"rdb\\ndump\", \"version\": 1, \"postMortems\": []}");
    assertThatThrownBy(() -> DumpDebuggee.open(odd)).hasMessage("odd.json: format is \"rdb\\u000adump\", not \"rdb-dump\"");
  }

  @Test
  void aNewerVersionIsRefusedWithBothVersions() throws IOException {
    Path newer = write("v2.json", minimal("[]").replace("\"version\":1", "\"version\":2"));
    assertThatThrownBy(() -> DumpDebuggee.open(newer))
        .hasMessage("v2.json: unsupported dump version 2 (this rdb reads version 1)");
  }

  @Test
  void schemaViolationsNameTheMember() throws IOException {
    Path noMethod = write("m.json", minimal(
        "[{\"id\":1,\"exception\":{\"type\":\"E\"},\"frames\":[{\"class\":\"A\",\"line\":1}]}]"));
    assertThatThrownBy(() -> DumpDebuggee.open(noMethod))
        .hasMessage("m.json: postMortems[0].frames[0]: missing \"method\"");
    Path badChar = write("c.json", minimal("[{\"id\":1,\"exception\":{\"type\":\"E\"},\"frames\":[{\"class\":\"A\","
        + "\"method\":\"m\",\"locals\":[{\"name\":\"c\",\"type\":\"char\",\"value\":\"xy\"}]}]}]"));
    assertThatThrownBy(() -> DumpDebuggee.open(badChar))
        .hasMessage("c.json: postMortems[0].frames[0].locals[0].value: a char must be a one-character string, got \"xy\"");
    Path badInt = write("i.json", minimal("[{\"id\":1,\"exception\":{\"type\":\"E\"},\"frames\":[{\"class\":\"A\","
        + "\"method\":\"m\",\"locals\":[{\"name\":\"i\",\"type\":\"int\",\"value\":3000000000}]}]}]"));
    assertThatThrownBy(() -> DumpDebuggee.open(badInt))
        .hasMessage("i.json: postMortems[0].frames[0].locals[0].value: out of range for int: 3000000000");
  }

  @Test
  void unknownMembersAreIgnoredForForwardCompatibility() throws IOException {
    Path extra = write("x.json", minimal("[]").replace("\"jvm\":{}", "\"jvm\":{},\"future\":{\"a\":[1,{\"b\":2}]}"));
    assertThat(DumpDebuggee.open(extra).postMortems()).isEmpty();
  }

  @Test
  void aDirectoryOpensEveryDumpRenumberedAndSkipsBrokenOnes() throws IOException {
    Files.copy(Dumps.path("shop.json"), dir.resolve("1-shop.json"));
    Files.copy(Dumps.path("shop.json"), dir.resolve("2-shop.json"));
    write("3-broken.json", "{\"format\": \"rdb-dump\", ");
    write("notes.txt", "not a dump");
    DumpDebuggee all = DumpDebuggee.open(dir);
    assertThat(all.postMortems()).extracting(s -> s.id() + " " + s.origin())
        .containsExactly("1 1-shop.json", "2 1-shop.json", "3 2-shop.json", "4 2-shop.json");
    assertThat(all.postMortem(4).exception().cause().postMortemId()).hasValue(3);
    assertThat(all.warnings()).singleElement().asString().startsWith("skipped 3-broken.json: line 1");
    assertThat(all.locals(4, 0, 1).graph().size()).isPositive();
  }

  @Test
  void aDirectoryWithoutDumpsIsAnError() {
    assertThatThrownBy(() -> DumpDebuggee.open(dir)).hasMessageEndingWith("no *.json dump in this directory");
  }
}
