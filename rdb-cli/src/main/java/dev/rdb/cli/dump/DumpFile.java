package dev.rdb.cli.dump;

import dev.rdb.cli.debuggee.ThreadInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One dump file, decoded.
 *
 * @param absentReasons for referenced ids that have no object: why ("depth", "budget")
 */
record DumpFile(
    Path path,
    String created,
    List<PostMortemRecord> postMortems,
    Map<String, ObjectRecord> objects,
    Map<String, String> absentReasons,
    List<ThreadInfo> threads) {

  DumpFile {
    postMortems = List.copyOf(postMortems);
    objects = Map.copyOf(objects);
    absentReasons = Map.copyOf(absentReasons);
    threads = List.copyOf(threads);
  }
}
