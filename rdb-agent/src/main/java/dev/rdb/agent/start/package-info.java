/** Start-up of the agent proper: options, wiring, the uncaught-exception hook, adaptive upgrades. */
package dev.rdb.agent.start;
