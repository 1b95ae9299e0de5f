package dev.rdb.agent.start;

import dev.rdb.agent.capture.LocalsMode;
import dev.rdb.agent.serve.ServeOptions;
import dev.rdb.agent.store.CaptureMode;
import java.util.List;

/**
 * The agent's options, parsed by {@link OptionsParser}.
 *
 * @param includes class patterns to instrument; empty: the package of the main class
 * @param excludes class patterns never instrumented
 * @param serve the listener's options
 */
record AgentOptions(List<String> includes, List<String> excludes, LocalsMode locals,
    CaptureMode capture, int keep, ServeOptions serve) {

  AgentOptions {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  static Builder builder() {
    return new Builder();
  }

  Builder toBuilder() {
    return new Builder().includes(includes).excludes(excludes).locals(locals).capture(capture).keep(keep)
        .serve(serve.toBuilder());
  }

  static final class Builder {
    private List<String> includes = List.of();
    private List<String> excludes = List.of();
    private LocalsMode locals = LocalsMode.EAGER;
    private CaptureMode capture = CaptureMode.UNCAUGHT;
    private int keep = 100;
    private ServeOptions.Builder serve = ServeOptions.builder();

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

    AgentOptions build() {
      return new AgentOptions(includes, excludes, locals, capture, keep, serve.build());
    }
  }
}
