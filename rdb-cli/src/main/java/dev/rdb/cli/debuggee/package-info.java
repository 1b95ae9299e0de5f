/**
 * What the debugger is looking at: a {@link dev.rdb.cli.debuggee.Debuggee} (post-mortems, frames,
 * locals, threads) and its {@link dev.rdb.cli.debuggee.ObjectPort} (member access for expressions
 * and rendering). Every method of both is meant to be one exchange with a live agent: a dump file
 * answers them from memory, a live target turns each into one rdb-core {@code Batch}.
 *
 * <p>Values crossing this boundary are {@link dev.rdb.cli.debuggee.Value}s, never rdb-core types, so
 * the evaluator, the renderers and the REPL do not care which kind of target they talk to.
 */
package dev.rdb.cli.debuggee;
