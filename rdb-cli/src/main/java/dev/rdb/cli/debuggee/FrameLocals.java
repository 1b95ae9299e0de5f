package dev.rdb.cli.debuggee;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The locals of one frame and the descriptions of the objects they refer to. */
public record FrameLocals(List<Local> locals, ObjectGraph graph) {
  public FrameLocals {
    locals = List.copyOf(locals);
    Objects.requireNonNull(graph, "graph");
  }

  public Optional<Local> find(String name) {
    return locals.stream().filter(l -> l.name().equals(name)).findFirst();
  }
}
