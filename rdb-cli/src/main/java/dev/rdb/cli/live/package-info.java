/**
 * The debugger's port ({@link dev.rdb.cli.debuggee.Debuggee}) over a live agent, through rdb-core:
 * {@link dev.rdb.cli.live.LiveDebuggee} turns each port call into one pipelined rdb-core batch, and
 * the connecting classes find the agent (address, token from the option, the environment or the
 * agent file, TLS pinned on first use) before anything is read.
 */
package dev.rdb.cli.live;
