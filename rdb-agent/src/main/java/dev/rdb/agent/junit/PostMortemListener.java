package dev.rdb.agent.junit;

import dev.rdb.agent.Rdb;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Keeps every failing test (or container) as a post-mortem named after it, with the locals the agent
 * captured from the test method down to the throw; with {@code dump=DIR} it is written there.
 *
 * <p>Registered by {@code META-INF/services} in the agent jar, so a project under test needs no
 * dependency on rdb. Inert unless the agent runs in this JVM; switched off by the configuration
 * parameter (or system property) {@value #ENABLED}{@code =false}. Never throws, prints nothing.
 *
 * <p>INTERNAL: public only because the JUnit Platform instantiates it.
 */
public final class PostMortemListener implements TestExecutionListener {

  /** Configuration parameter: {@code false} turns the listener off. Default {@code true}. */
  public static final String ENABLED = "rdb.junit.enabled";

  private volatile boolean enabled = true;

  /** Called by the JUnit Platform's {@code ServiceLoader}. */
  public PostMortemListener() {}

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    enabled = Rdb.active() && enabledIn(testPlan);
  }

  private static boolean enabledIn(TestPlan testPlan) {
    try {
      return testPlan.getConfigurationParameters().getBoolean(ENABLED).orElse(Boolean.TRUE);
    } catch (LinkageError platformBefore18) {
      // TestPlan.getConfigurationParameters() came with Platform 1.8: read the system property.
      return !"false".equalsIgnoreCase(System.getProperty(ENABLED));
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!enabled || result.getStatus() != TestExecutionResult.Status.FAILED) {
      return;
    }
    result.getThrowable().ifPresent(thrown -> Rdb.postMortem(thrown, TestNames.of(test)));
  }
}
