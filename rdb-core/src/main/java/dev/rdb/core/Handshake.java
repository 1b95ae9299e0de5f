package dev.rdb.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 challenge–response: each side proves it knows the token by keying an HMAC over both
 * fresh nonces with a label for its role, so the token never crosses the wire, a proof cannot be
 * replayed on another connection, and one side's proof is useless as the other's.
 */
final class Handshake {
  static final String CLIENT_LABEL = "rdb/1 client proof";
  static final String SERVER_LABEL = "rdb/1 server proof";
  static final int NONCE_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Handshake() {}

  static byte[] nonce() {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  /** HMAC-SHA256(token, label ‖ 0x00 ‖ first ‖ second). */
  static byte[] proof(byte[] token, String label, byte[] first, byte[] second) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token, "HmacSHA256"));
      mac.update(label.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      mac.update(first);
      mac.update(second);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  /** Constant-time comparison of an expected proof with what the peer sent. */
  static boolean matches(byte[] expected, Object received) {
    return received instanceof byte[] && MessageDigest.isEqual(expected, (byte[]) received);
  }
}
