/**
 * Hardening integration tests: third-party test suites, exception storms and agent-side faults, each
 * in real target JVMs started with the built agent jar. Full-length versions are scripts in
 * {@code bench/scripts}; figures in {@code docs/TESTING.md}.
 */
package dev.rdb.agent.hardening;
