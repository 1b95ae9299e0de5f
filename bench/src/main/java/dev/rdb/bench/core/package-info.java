/**
 * JMH benchmarks of rdb-core over real loopback TCP: a field read against a raw TCP ping-pong of
 * the same byte sizes, a five-step navigation with and without pipelining, and forcing a remote
 * list of a million integers. Figures and commands are in {@code docs/BENCHMARKS.md}.
 */
package dev.rdb.bench.core;
