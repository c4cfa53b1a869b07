package ai.ailock.distribution.schemas;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialization, the byte form every signature in the profile
 * {@code ailock-e2ee-v1} is computed over.
 *
 * <p>Object members are sorted by their names' UTF-16 code units, strings are escaped as ECMAScript's
 * {@code JSON.stringify} does, and no whitespace is emitted. Signed documents of this protocol hold only
 * strings, booleans, null and integers within ±(2<sup>53</sup>-1) (the range where RFC 8785's ECMAScript
 * number form equals the integer's decimal digits); any other number is refused rather than approximated.
 */
public final class CanonicalJson {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  /**
   * @return the canonical UTF-8 bytes of {@code node}
   * @throws IllegalArgumentException if {@code node} holds a fractional or out-of-range number
   */
  public static byte[] bytes(JsonNode node) {
    return string(node).getBytes(StandardCharsets.UTF_8);
  }

  /** @return the canonical form of {@code node}; see {@link #bytes(JsonNode)} */
  public static String string(JsonNode node) {
    var out = new StringBuilder(256);
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      members.sort(Map.Entry.comparingByKey()); // String.compareTo orders by UTF-16 code units
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeString(members.get(i).getKey(), out);
        out.append(':');
        write(members.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isString()) {
      writeString(node.asString(), out);
    } else if (node.isIntegralNumber() && node.canConvertToLong()
        && Math.abs(node.longValue()) <= MAX_SAFE_INTEGER) {
      out.append(node.longValue());
    } else if (node.isBoolean() || node.isNull()) {
      out.append(node.toString());
    } else {
      throw new IllegalArgumentException("not canonicalizable in this protocol: " + node.getNodeType());
    }
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
