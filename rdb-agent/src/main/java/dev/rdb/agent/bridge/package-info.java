/**
 * The bootstrap-class-path part of the agent: {@link dev.rdb.agent.bridge.Bridge}, the one class that
 * instrumented code calls, and the {@link dev.rdb.agent.bridge.Sink} the agent proper implements.
 * java.base only; everything here is visible to every class loader of the application.
 */
package dev.rdb.agent.bridge;
