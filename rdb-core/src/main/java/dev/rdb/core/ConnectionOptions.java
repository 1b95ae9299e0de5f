package dev.rdb.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How one end of a {@link Connection} behaves: the shared token, the object it exports as its
 * root, what it lets the peer do, which names it redacts, and how long its calls wait.
 */
public final class ConnectionOptions {
  /** Default time a call waits for its reply: 30 seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private final byte[] token;
  private final Object root;
  private final Policy policy;
  private final Redaction redaction;
  private final Duration callTimeout;
  private final String name;

  ConnectionOptions(Builder b) {
    if (b.token == null || b.token.length == 0) {
      throw new IllegalArgumentException("token is required (both ends must share it)");
    }
    if (b.callTimeout.isNegative() || b.callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout <= 0: " + b.callTimeout);
    }
    this.token = b.token.clone();
    this.root = b.root;
    this.policy = b.policy;
    this.redaction = b.redaction;
    this.callTimeout = b.callTimeout;
    this.name = b.name;
  }

  /** A builder with the defaults: no root, {@link Policy#readOnly()}, {@link Redaction#defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.token = token.clone();
    b.root = root;
    b.policy = policy;
    b.redaction = redaction;
    b.callTimeout = callTimeout;
    b.name = name;
    return b;
  }

  byte[] token() {
    return token;
  }

  /** The object exported as this end's root, or {@code null}. */
  public Object root() {
    return root;
  }

  /** What the peer may do with this end's objects. */
  public Policy policy() {
    return policy;
  }

  /** Names whose values this end never sends. */
  public Redaction redaction() {
    return redaction;
  }

  /** How long each call from this end waits for its reply. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** A short name used in thread names and messages. */
  public String name() {
    return name;
  }

  /** Builds {@link ConnectionOptions}. */
  public static final class Builder {
    private byte[] token;
    private Object root;
    private Policy policy = Policy.readOnly();
    private Redaction redaction = Redaction.defaults();
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private String name = "rdb";

    Builder() {}

    /** The shared secret, as UTF-8. Required; never sent on the wire. */
    public Builder token(String token) {
      this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The shared secret as bytes. */
    public Builder token(byte[] token) {
      this.token = token == null ? null : token.clone();
      return this;
    }

    /** The object the peer sees as {@link Connection#root()}. */
    public Builder root(Object root) {
      this.root = root;
      return this;
    }

    public Builder policy(Policy policy) {
      if (policy == null) {
        throw new IllegalArgumentException("policy is null");
      }
      this.policy = policy;
      return this;
    }

    public Builder redaction(Redaction redaction) {
      if (redaction == null) {
        throw new IllegalArgumentException("redaction is null");
      }
      this.redaction = redaction;
      return this;
    }

    public Builder callTimeout(Duration callTimeout) {
      if (callTimeout == null) {
        throw new IllegalArgumentException("callTimeout is null");
      }
      this.callTimeout = callTimeout;
      return this;
    }

    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name is blank: " + name);
      }
      this.name = name;
      return this;
    }

    public ConnectionOptions build() {
      return new ConnectionOptions(this);
    }
  }
}
