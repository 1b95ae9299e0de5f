package dev.rdb.agent.serve;

import dev.rdb.core.Policy;
import dev.rdb.core.Policy.Action;

/**
 * The policy a session runs under, named as the option is ({@code readonly}, {@code full}) so the
 * client reads the same name in HELLO ({@code Connection.peerPolicy().name()}).
 *
 * <p>Both allow every method of {@link Debuggee} (they are side-effect free) and deny reading or
 * writing its fields: those lead to the store, the listener and the instrumentation, which are the
 * agent's, not the application's.
 */
final class DebuggeePolicy {

  private DebuggeePolicy() {}

  static Policy of(ServeOptions.PolicyChoice choice) {
    Policy base = choice == ServeOptions.PolicyChoice.FULL ? Policy.full() : Policy.readOnly();
    Policy.Builder b = Policy.builder(choice.optionName());
    for (Policy.Rule rule : base.rules()) {
      if (rule.allow()) {
        b.allow(rule.action(), rule.classPattern(), rule.memberPattern());
      } else {
        b.deny(rule.action(), rule.classPattern(), rule.memberPattern());
      }
    }
    String root = Debuggee.class.getName();
    return b.allow(Action.CALL, root, "*")
        .deny(Action.READ, root, "*")
        .deny(Action.WRITE, root, "*")
        .build();
  }
}
