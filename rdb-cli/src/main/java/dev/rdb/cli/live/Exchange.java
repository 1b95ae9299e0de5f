package dev.rdb.cli.live;

import dev.rdb.cli.debuggee.StepResult;
import dev.rdb.cli.debuggee.TargetException;
import dev.rdb.cli.debuggee.TargetLostException;
import dev.rdb.core.AuthenticationException;
import dev.rdb.core.Batch;
import dev.rdb.core.CallInterruptedException;
import dev.rdb.core.ConnectionClosedException;
import dev.rdb.core.InvalidOperationException;
import dev.rdb.core.PolicyDeniedException;
import dev.rdb.core.ProtocolException;
import dev.rdb.core.RdbException;
import dev.rdb.core.RemoteException;

/**
 * Runs one batch as one exchange and says what its failures mean to the debugger: a failure of the
 * whole exchange becomes a {@link TargetException} (the target is gone: {@link TargetLostException};
 * Ctrl-C: a {@code TargetException} with the thread's interrupt flag set, the late reply dropped),
 * a failure of one step becomes a {@link StepResult.Failed} of the right kind.
 */
final class Exchange {
  private final String target;

  /** @param target the agent's name for messages ({@code 127.0.0.1:7777}) */
  Exchange(String target) {
    this.target = target;
  }

  String target() {
    return target;
  }

  /** Sends {@code batch} and waits for its reply. */
  void run(Batch batch) {
    try {
      batch.execute();
    } catch (RdbException e) {
      throw whole(e);
    }
  }

  /** The value of a step the exchange cannot do without (the root's answer). */
  <T> T value(Batch.Step<T> step) {
    try {
      return step.value();
    } catch (RemoteException e) {
      throw new TargetException(target + ": " + (e.remoteMessage() == null ? e.remoteClassName() : e.remoteMessage()), e);
    } catch (RdbException e) {
      throw whole(e);
    }
  }

  /** What a failed exchange means to the debugger. */
  TargetException whole(RdbException e) {
    if (e instanceof CallInterruptedException) {
      Thread.currentThread().interrupt();
      return new TargetException("cancelled", e);
    }
    if (e instanceof ConnectionClosedException closed) {
      return new TargetLostException(target + ": " + lost(closed), e);
    }
    if (e instanceof AuthenticationException || e instanceof ProtocolException) {
      return new TargetLostException(target + ": " + e.getMessage(), e);
    }
    return new TargetException(target + ": " + e.getMessage(), e);
  }

  private static String lost(ConnectionClosedException e) {
    return switch (e.closedBy()) {
      case PEER -> "the agent closed the connection: " + e.reason();
      case CHANNEL -> "connection to the agent lost (" + e.reason() + ")";
      case THIS_END -> "connection closed: " + e.reason();
    };
  }

  /** What a failed step means: refused by policy, thrown by the method, no such member, bad operand. */
  static StepResult.Failed step(RdbException e) {
    if (e instanceof PolicyDeniedException) {
      return new StepResult.Failed(StepResult.Failure.REFUSED_BY_POLICY, refused(e.getMessage()));
    }
    if (e instanceof RemoteException remote) {
      return new StepResult.Failed(StepResult.Failure.THREW, "threw " + remote.remoteClassName()
          + (remote.remoteMessage() == null ? "" : ": " + remote.remoteMessage()));
    }
    if (e instanceof InvalidOperationException) {
      String message = e.getMessage();
      boolean missing = message.startsWith("no ") || message.startsWith("unknown ");
      return new StepResult.Failed(missing ? StepResult.Failure.NO_SUCH_MEMBER : StepResult.Failure.BAD_OPERAND,
          message);
    }
    return new StepResult.Failed(StepResult.Failure.BAD_OPERAND, e.getMessage());
  }

  /**
   * rdb-core says what was refused and how a program would allow it
   * ({@code call of Cart.clear(): policy 'readonly' denies it; to allow it the serving side can use
   * Policy.full() …}); a user needs the agent option instead.
   */
  static String refused(String coreMessage) {
    int cut = coreMessage.indexOf(": policy '");
    String what = cut < 0 ? coreMessage : coreMessage.substring(0, cut);
    return what + ": refused by the agent's read-only policy (start the agent with the option policy=full "
        + "to allow method calls and field writes)";
  }
}
