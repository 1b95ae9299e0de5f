/**
 * The dump-file target: reads the JSON format of {@code docs/DUMP-FORMAT.md} with jackson-core's
 * streaming parser and answers the {@link dev.rdb.cli.debuggee.Debuggee} and
 * {@link dev.rdb.cli.debuggee.ObjectPort} contracts from memory. What the dump did not record
 * answers "not in dump (…)"; method calls, apart from a few on recorded JDK collections, say
 * they need a live agent.
 */
package dev.rdb.cli.dump;
