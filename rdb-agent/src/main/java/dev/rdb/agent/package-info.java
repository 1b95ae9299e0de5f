/**
 * The agent jar's entry point ({@link dev.rdb.agent.Main}) and the public API an application may
 * compile against ({@link dev.rdb.agent.Rdb}). Everything else of the agent lives in its own class
 * loader (packages {@code start}, {@code capture}, {@code store}, {@code metrics}).
 */
package dev.rdb.agent;
