/** Code the capture benchmarks load twice: plain and instrumented, in separate class loaders. */
package dev.rdb.bench.agent.workload;
