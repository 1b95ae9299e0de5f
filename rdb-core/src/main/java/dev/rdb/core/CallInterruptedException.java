package dev.rdb.core;

/**
 * The thread waiting for a reply was interrupted (the CLI does this on Ctrl-C). The interrupt flag
 * is set again; the connection stays open and the late reply is dropped.
 */
public final class CallInterruptedException extends RdbException {
  private static final long serialVersionUID = 1L;

  CallInterruptedException(String what) {
    super(what + " was interrupted while waiting for its reply", null);
  }
}
