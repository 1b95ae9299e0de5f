/** The agent's counters: what it would otherwise print, readable in-process and from the debuggee. */
package dev.rdb.agent.metrics;
