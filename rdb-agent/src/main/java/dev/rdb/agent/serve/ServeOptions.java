package dev.rdb.agent.serve;

import dev.rdb.core.Redaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The listener's options ({@code port=}, {@code host=}, {@code token=}, {@code policy=},
 * {@code redact=}, {@code tls=}, {@code keystore=}, {@code storepass=}, {@code wait=}). The agent's
 * options parser hands each of {@link #KEYS} to {@link Builder#set}; a bad value or a bad combination
 * is an {@link IllegalArgumentException} whose message is the one line the agent prints.
 *
 * @param port the TCP port, {@code 0} for a free one, {@link #OFF} for no listener
 * @param portGiven whether {@code port=} was given: only the default port gives way to a free one
 *     when it is taken
 * @param token the shared secret; null: generate one and write it to the agent file
 * @param redact names whose values never leave the JVM (a case-insensitive find); null: the default
 * @param keystore PKCS12 or JKS key store with the server's key; null with {@code tls}: self-signed
 * @param waitSeconds how long a JVM that is exiting with unseen post-mortems waits for a debugger;
 *     0: it does not wait
 */
public record ServeOptions(int port, boolean portGiven, String host, String token,
    PolicyChoice policy, Pattern redact, boolean tls, Path keystore, String storepass,
    int waitSeconds) {

  /** {@code port=off}: the agent captures but does not listen. */
  public static final int OFF = -1;
  public static final int DEFAULT_PORT = 7777;
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The option names this record owns, in the order the documentation lists them. */
  public static final List<String> KEYS =
      List.of("port", "host", "token", "policy", "redact", "tls", "keystore", "storepass", "wait");

  /** What a session may do with the objects it reaches. */
  public enum PolicyChoice {
    /** Field reads and side-effect-free methods (the default). */
    READONLY,
    /** Any method call and field write. */
    FULL;

    /** The name used in options, in HELLO and by {@code Debuggee.policy()}. */
    public String optionName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ServeOptions {
    if (port < OFF || port > 65535) {
      throw new IllegalArgumentException("port: out of range: " + port);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host: empty");
    }
    if (policy == null) {
      throw new IllegalArgumentException("policy: null");
    }
    if (keystore != null && !tls) {
      throw new IllegalArgumentException("keystore= needs tls=on");
    }
    if ((keystore == null) != (storepass == null)) {
      throw new IllegalArgumentException(keystore == null ? "storepass= needs keystore="
          : "keystore= needs storepass=");
    }
    if (waitSeconds < 0) {
      throw new IllegalArgumentException("wait: negative: " + waitSeconds);
    }
  }

  /** The defaults: port 7777 on 127.0.0.1, generated token, readonly, default redaction, no TLS. */
  public static ServeOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.portGiven = portGiven;
    b.host = host;
    b.token = token;
    b.policy = policy;
    b.redact = redact;
    b.tls = tls;
    b.keystore = keystore;
    b.storepass = storepass;
    b.waitSeconds = waitSeconds;
    return b;
  }

  /** Never shows the token or the store password. */
  @Override
  public String toString() {
    return "ServeOptions[" + (listens() ? host + ":" + port : "off") + ", " + policy.optionName()
        + (token == null ? ", generated token" : ", given token") + (tls ? ", tls" : "")
        + (keystore == null ? "" : ", keystore=" + keystore)
        + (redact == null ? "" : ", redact=" + redact.pattern())
        + (waitSeconds == 0 ? "" : ", wait=" + waitSeconds) + "]";
  }

  /** What never leaves the JVM, through the listener or a dump file: {@code redact=} or the defaults. */
  public Redaction redaction() {
    return redact == null ? Redaction.defaults() : Redaction.matching(redact);
  }

  /** False for {@code port=off}. */
  public boolean listens() {
    return port != OFF;
  }

  /** Collects the options as the parser meets them. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private boolean portGiven;
    private String host = DEFAULT_HOST;
    private String token;
    private PolicyChoice policy = PolicyChoice.READONLY;
    private Pattern redact;
    private boolean tls;
    private Path keystore;
    private String storepass;
    private int waitSeconds;
    private Function<String, String> environment = System::getenv;

    Builder() {}

    /** Where {@code env:NAME} values are looked up; tests replace {@link System#getenv}. */
    Builder environment(Function<String, String> environment) {
      this.environment = environment;
      return this;
    }

    /** Sets option {@code key} (one of {@link #KEYS}) from its text. */
    public Builder set(String key, String value) {
      switch (key) {
        case "port":
          port = "off".equals(value) ? OFF : number(key, value, 0, 65535, "0..65535 or off");
          portGiven = true;
          break;
        case "host":
          if (value.isEmpty() || !value.matches("[\\p{Alnum}.:%_\\-]+")) {
            throw new IllegalArgumentException("host: expected a host name or address, got '"
                + value + "'");
          }
          host = value;
          break;
        case "token":
          token = secret(key, value);
          break;
        case "policy":
          policy = choice(value);
          break;
        case "redact":
          try {
            redact = Pattern.compile(value, Pattern.CASE_INSENSITIVE);
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("redact: bad regular expression '" + value + "': "
                + e.getDescription());
          }
          break;
        case "tls":
          if (!"on".equals(value) && !"off".equals(value)) {
            throw new IllegalArgumentException("tls: expected on|off, got '" + value + "'");
          }
          tls = "on".equals(value);
          break;
        case "keystore":
          if (value.isEmpty()) {
            throw new IllegalArgumentException("keystore: empty path");
          }
          keystore = Path.of(value);
          break;
        case "storepass":
          storepass = secret(key, value);
          break;
        case "wait":
          waitSeconds = number(key, value, 0, 86_400, "seconds 0..86400");
          break;
        default:
          throw new IllegalArgumentException("not a listener option: " + key);
      }
      return this;
    }

    public ServeOptions build() {
      return new ServeOptions(port, portGiven, host, token, policy, redact, tls, keystore, storepass,
          waitSeconds);
    }

    /** A literal value, or {@code env:NAME} to keep it off the command line. */
    private String secret(String key, String value) {
      String secret = value;
      if (value.startsWith("env:")) {
        String name = value.substring(4);
        secret = name.isEmpty() ? null : environment.apply(name);
        if (secret == null) {
          throw new IllegalArgumentException(key + ": environment variable '" + name
              + "' is not set");
        }
      }
      if (secret.isEmpty()) {
        throw new IllegalArgumentException(key + ": empty");
      }
      return secret;
    }

    private static int number(String key, String value, int min, int max, String expected) {
      try {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below with the value
      }
      throw new IllegalArgumentException(key + ": expected " + expected + ", got '" + value + "'");
    }

    private static PolicyChoice choice(String value) {
      for (PolicyChoice p : PolicyChoice.values()) {
        if (p.optionName().equals(value)) {
          return p;
        }
      }
      throw new IllegalArgumentException("policy: expected readonly|full, got '" + value + "'");
    }
  }
}
