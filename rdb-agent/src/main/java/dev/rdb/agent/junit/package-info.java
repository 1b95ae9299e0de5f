/**
 * JUnit Platform integration: a {@code TestExecutionListener} that turns every failing test into a
 * post-mortem named after the test.
 *
 * <p>Class loaders: the JUnit Platform finds {@link dev.rdb.agent.junit.PostMortemListener} through
 * {@code META-INF/services} in the {@code -javaagent} jar, which the JVM appends to the system class
 * path, so the application class loader defines it next to JUnit. The same jar is on the bootstrap
 * class path ({@code Boot-Class-Path}), where JUnit is not: a bootstrap copy of the listener could
 * not link, and parent-first delegation would make every test run fail. So the jar keeps these
 * classes only under {@code META-INF/versions/17/} of a multi-release jar: the application loader
 * reads that on JDK 17+, the bootstrap path does not. This package reaches the agent only through
 * {@link dev.rdb.agent.Rdb} (bootstrap), never through the agent's own loader.
 */
package dev.rdb.agent.junit;
