package dev.rdb.cli.expr;

import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.Local;
import dev.rdb.cli.debuggee.Value;
import java.util.Optional;

/** The scope of a selected frame: its recorded locals and its class. */
public record FrameScope(FrameLocals locals, String className) implements Scope {
  @Override
  public Optional<Value> local(String name) {
    return locals.find(name).map(Local::value);
  }

  @Override
  public Optional<String> frameClass() {
    return Optional.ofNullable(className);
  }
}
