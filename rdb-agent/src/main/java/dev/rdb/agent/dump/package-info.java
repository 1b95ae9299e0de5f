/**
 * Post-mortem dumps ({@code dump=DIR}): each post-mortem and the objects its locals reach, written as
 * {@code docs/DUMP-FORMAT.md} JSON and as text like the REPL's {@code where} and {@code locals}.
 *
 * <p>Pipeline: {@link dev.rdb.agent.dump.DumpWriter} (the {@code rdb-dump} thread, the bounded queue
 * and the exit hook) → {@code GraphWalker} (reads the live objects once, breadth first, into a
 * {@code Snapshot} within {@link dev.rdb.agent.dump.DumpLimits}) → {@code DumpJson} and
 * {@code DumpText} (write the snapshot, never the live objects) → {@code DumpFiles} (names, atomic
 * writes). Reading objects never runs application code: fields are read reflectively, JDK
 * collections are iterated only when every class involved is the JDK's, and only JDK value classes
 * are summarised by their {@code toString()}.
 */
package dev.rdb.agent.dump;
