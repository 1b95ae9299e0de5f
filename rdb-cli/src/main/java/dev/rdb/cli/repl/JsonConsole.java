package dev.rdb.cli.repl;

import java.io.PrintWriter;

/**
 * Prints one JSON document per command on one line:
 * {@code {"command":"p x","ok":true,"result":{…}}} or
 * {@code {"command":"p y","ok":false,"error":"…","kind":"failed"}}.
 */
public final class JsonConsole implements Console {
  private final PrintWriter out;

  public JsonConsole(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void show(Result result) {
    var document = JsonData.map("command", result.command(), "ok", result.ok());
    if (result.ok()) {
      document.put("result", result.reply().data());
    } else {
      document.put("error", result.failure().message());
      document.put("kind", result.failure().kind().name().toLowerCase());
    }
    out.println(JsonLines.line(document));
    out.flush();
  }

  @Override
  public void info(String line) {
    // Tools read results only; banners and hints would break their line-per-result contract.
  }
}
