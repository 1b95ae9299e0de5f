package dev.rdb.agent.start;

import dev.rdb.agent.capture.LocalsMode;
import dev.rdb.agent.serve.ServeOptions;
import dev.rdb.agent.store.CaptureMode;
import java.nio.file.Path;
import java.util.List;

/**
 * The agent's options, parsed by {@link OptionsParser}.
 *
 * @param includes class patterns to instrument; empty: the package of the main class
 * @param excludes class patterns never instrumented
 * @param serve the listener's options
 * @param dump directory for a dump per post-mortem; null: no dumps
 */
record AgentOptions(List<String> includes, List<String> excludes, LocalsMode locals,
    CaptureMode capture, int keep, ServeOptions serve, Path dump) {

  AgentOptions {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  static Builder builder() {
    return new Builder();
  }

  Builder toBuilder() {
    return new Builder().includes(includes).excludes(excludes).locals(locals).capture(capture).keep(keep)
        .serve(serve.toBuilder()).dump(dump);
  }

  static final class Builder {
    private List<String> includes = List.of();
    private List<String> excludes = List.of();
    private LocalsMode locals = LocalsMode.EAGER;
    private CaptureMode capture = CaptureMode.UNCAUGHT;
    private int keep = 100;
    private ServeOptions.Builder serve = ServeOptions.builder();
    private Path dump;

    Builder includes(List<String> v) {
      includes = v;
      return this;
    }

    Builder excludes(List<String> v) {
      excludes = v;
      return this;
    }

    Builder locals(LocalsMode v) {
      locals = v;
      return this;
    }

    Builder capture(CaptureMode v) {
      capture = v;
      return this;
    }

    Builder keep(int v) {
      keep = v;
      return this;
    }

    Builder serve(ServeOptions.Builder v) {
      serve = v;
      return this;
    }

    ServeOptions.Builder serve() {
      return serve;
    }

    Builder dump(Path v) {
      dump = v;
      return this;
    }

    AgentOptions build() {
      return new AgentOptions(includes, excludes, locals, capture, keep, serve.build(), dump);
    }
  }
}
