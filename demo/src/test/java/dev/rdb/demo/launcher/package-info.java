/**
 * Tests of what a newcomer runs first: {@code ./rdb demo} and {@code ./rdb demo --seed} as real
 * processes without a terminal, and the guard that every command in README.md is exercised.
 */
package dev.rdb.demo.launcher;
