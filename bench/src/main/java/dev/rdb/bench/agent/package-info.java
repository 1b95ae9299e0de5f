/** JMH benchmarks of the agent's capture: normal-path overhead, exception cost, retained heap. */
package dev.rdb.bench.agent;
