package dev.rdb.core;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * MessagePack encoding of one marshallable value (a frame body).
 *
 * <p>Decoding trusts nothing: every length the peer wrote (string, binary, array, map) is checked
 * against the bytes left in the frame before anything is allocated, nesting is bounded by
 * {@link #MAX_DEPTH}, map keys must be strings, and the frame must hold exactly one value.
 */
final class FrameCodec {
  /** Deepest nesting of lists and maps accepted in either direction. */
  static final int MAX_DEPTH = 100;

  private FrameCodec() {}

  static void pack(MessagePacker packer, Object value) throws IOException {
    pack(packer, value, 0);
  }

  private static void pack(MessagePacker packer, Object value, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("message nested deeper than " + MAX_DEPTH);
    }
    if (value == null) {
      packer.packNil();
    } else if (value instanceof String) {
      packer.packString((String) value);
    } else if (value instanceof Long) {
      packer.packLong((Long) value);
    } else if (value instanceof Boolean) {
      packer.packBoolean((Boolean) value);
    } else if (value instanceof Double) {
      packer.packDouble((Double) value);
    } else if (value instanceof byte[]) {
      byte[] bytes = (byte[]) value;
      packer.packBinaryHeader(bytes.length);
      packer.writePayload(bytes);
    } else if (value instanceof PackedLongs) {
      PackedLongs longs = (PackedLongs) value;
      packer.packArrayHeader(longs.size());
      for (int i = 0; i < longs.size(); i++) {
        packer.packLong(longs.at(i));
      }
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      packer.packArrayHeader(list.size());
      for (Object element : list) {
        pack(packer, element, depth + 1);
      }
    } else if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      packer.packMapHeader(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          throw new IllegalArgumentException("map key is not a String: " + e.getKey());
        }
        packer.packString((String) e.getKey());
        pack(packer, e.getValue(), depth + 1);
      }
    } else {
      throw new IllegalArgumentException("not marshallable: " + value.getClass().getName());
    }
  }

  /** Decodes the single value held in {@code frame[0, length)}. */
  static Object decode(byte[] frame, int length) throws IOException {
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(frame, 0, length)) {
      Object value = unpack(unpacker, length, 0);
      if (unpacker.getTotalReadBytes() != length) {
        throw new IOException("malformed frame: " + (length - unpacker.getTotalReadBytes())
            + " trailing bytes after the message");
      }
      return value;
    } catch (MessagePackException | IllegalStateException e) {
      throw new IOException("malformed frame: " + e.getMessage(), e);
    }
  }

  private static Object unpack(MessageUnpacker in, int length, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("malformed frame: nested deeper than " + MAX_DEPTH);
    }
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL:
        in.unpackNil();
        return null;
      case BOOLEAN:
        return in.unpackBoolean();
      case INTEGER:
        if (format == MessageFormat.UINT64) {
          BigInteger big = in.unpackBigInteger();
          if (big.bitLength() > 63) {
            throw new IOException("malformed frame: integer " + big + " does not fit a long");
          }
          return big.longValue();
        }
        return in.unpackLong();
      case FLOAT:
        return in.unpackDouble();
      case STRING: {
        int n = in.unpackRawStringHeader();
        checkRemaining(in, length, n, 1, "string");
        return new String(in.readPayload(n), StandardCharsets.UTF_8);
      }
      case BINARY: {
        int n = in.unpackBinaryHeader();
        checkRemaining(in, length, n, 1, "binary");
        return in.readPayload(n);
      }
      case ARRAY: {
        int n = in.unpackArrayHeader();
        checkRemaining(in, length, n, 1, "array");
        return unpackArray(in, length, depth, n);
      }
      case MAP: {
        int n = in.unpackMapHeader();
        checkRemaining(in, length, n, 2, "map");
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
          if (in.getNextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
            throw new IOException("malformed frame: map key is not a string");
          }
          String key = (String) unpack(in, length, depth + 1);
          map.put(key, unpack(in, length, depth + 1));
        }
        return Collections.unmodifiableMap(map);
      }
      default:
        throw new IOException("malformed frame: unsupported MessagePack type " + format);
    }
  }

  /**
   * An array: kept unboxed as {@link PackedLongs} while its elements are integers (the common
   * case of a slice of ints), switching to a list of objects at the first element that is not.
   */
  private static Object unpackArray(MessageUnpacker in, int length, int depth, int n)
      throws IOException {
    long[] longs = null;
    int packed = 0;
    while (packed < n && isPlainInteger(in.getNextFormat())) {
      if (longs == null) {
        longs = new long[n];
      }
      longs[packed++] = in.unpackLong();
    }
    if (packed == n && longs != null) {
      return new PackedLongs(longs, n);
    }
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < packed; i++) {
      list.add(longs[i]);
    }
    for (int i = packed; i < n; i++) {
      list.add(unpack(in, length, depth + 1));
    }
    return Collections.unmodifiableList(list);
  }

  private static boolean isPlainInteger(MessageFormat format) {
    return format.getValueType() == org.msgpack.value.ValueType.INTEGER
        && format != MessageFormat.UINT64;
  }

  /** Refuses a declared count the rest of the frame cannot possibly hold. */
  private static void checkRemaining(MessageUnpacker in, int length, int count, int minBytesEach,
      String what) throws IOException {
    long remaining = length - in.getTotalReadBytes();
    if (count < 0 || (long) count * minBytesEach > remaining) {
      throw new IOException("malformed frame: " + what + " of " + Integer.toUnsignedString(count)
          + " claimed with only " + remaining + " bytes left");
    }
  }
}
