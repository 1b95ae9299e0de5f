/**
 * The agent's listener: serves the post-mortems to debuggers over rdb-core, one connection per
 * client, behind a token (HMAC challenge in HELLO), optionally TLS, under a readonly or full policy,
 * with redaction of secret-looking names. Entry point: {@link dev.rdb.agent.serve.Server#start}; the
 * root object clients see: {@link dev.rdb.agent.serve.Debuggee}. Options: {@code docs/AGENT-OPTIONS.md};
 * design: {@code docs/ARCHITECTURE.md}, "rdb-agent: serve".
 *
 * <p>Threads (all daemons): {@code rdb-listener}, {@code rdb-handshake-N}, {@code rdb-watchdog},
 * {@code rdb-exit} (shutdown hook), plus rdb-core's {@code rdb-reader-agent-N},
 * {@code rdb-worker-agent-N-M} and {@code rdb-writer-agent-N} per session (only the writer writes
 * to the client's socket). No application thread ever waits for a client.
 */
package dev.rdb.agent.serve;
