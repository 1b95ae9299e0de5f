package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.FrameInfo;
import dev.rdb.cli.debuggee.Local;
import java.util.List;

/** A frame of a dump with its recorded locals. */
record FrameRecord(FrameInfo info, List<Local> locals) {
  FrameRecord {
    locals = List.copyOf(locals);
  }
}
