package dev.rdb.cli.repl;

import java.util.List;
import org.jline.utils.AttributedString;

/** Shows long output a page at a time; returns false when it did not (so the caller prints). */
public interface Pager {
  Pager NONE = lines -> false;

  boolean page(List<AttributedString> lines);
}
