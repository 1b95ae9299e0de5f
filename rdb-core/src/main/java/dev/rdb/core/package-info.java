/**
 * rdb-core: transparent, lazy access to objects that live in another JVM.
 *
 * <p>A {@link dev.rdb.core.Channel} carries plain values; a {@link dev.rdb.core.Connection} runs
 * the protocol over it (HELLO with HMAC authentication, then calls in both directions); a
 * {@link dev.rdb.core.RemoteRef} stands for an object exported by the peer and reads it member by
 * member. {@link dev.rdb.core.Batch} pipelines dependent operations into one round trip and
 * {@code describe} summarises many references at once. The wire format is in
 * {@code docs/PROTOCOL.md}.
 *
 * <p>Thread rules: every public type is safe to use from many threads unless its comment says
 * otherwise. Each connection owns one reader thread ({@code rdb-reader-…}) that never runs code
 * of the application, and daemon worker threads ({@code rdb-worker-…}) that run incoming calls;
 * each {@link dev.rdb.core.StreamChannel} owns one writer thread ({@code rdb-writer-…}), the only
 * one that waits to write to its stream, so no other thread waits for a peer that does not read.
 */
package dev.rdb.core;
