package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.Description;
import dev.rdb.cli.debuggee.FrameLocals;
import dev.rdb.cli.debuggee.PostMortem;
import dev.rdb.cli.debuggee.ThreadInfo;
import java.util.List;
import java.util.Map;

/**
 * What one dump holds: post-mortems with the locals of their captured frames, the objects kept
 * within the limits (in the order they were reached), why the others were left out
 * ({@code "depth"} or {@code "budget"}), and the target's threads.
 *
 * @param locals per post-mortem id, per frame index
 */
record Capture(List<PostMortem> postMortems, Map<Integer, Map<Integer, FrameLocals>> locals,
    Map<String, Description> objects, Map<String, String> leftOut, List<ThreadInfo> threads) {}
