package dev.headroom.examples;

import java.util.List;
import java.util.Locale;

/**
 * Writes one JSON object with fields in insertion order: strings, whole numbers, finite decimals, booleans, nested
 * objects and arrays of objects. Field names are snake_case by the command's contract.
 */
final class JsonObject {
  private final StringBuilder out = new StringBuilder("{");
  private boolean first = true;

  JsonObject put(String name, String value) {
    key(name);
    quote(value);
    return this;
  }

  JsonObject put(String name, long value) {
    key(name);
    out.append(value);
    return this;
  }

  /** A decimal with up to {@code decimals} places, trailing zeros kept off. */
  JsonObject put(String name, double value, int decimals) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite for JSON but was " + value);
    }
    key(name);
    out.append(Text.plain(value, decimals));
    return this;
  }

  JsonObject put(String name, boolean value) {
    key(name);
    out.append(value);
    return this;
  }

  JsonObject putNull(String name) {
    key(name);
    out.append("null");
    return this;
  }

  JsonObject put(String name, List<JsonObject> values) {
    key(name);
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append(values.get(i));
    }
    out.append(']');
    return this;
  }

  private void key(String name) {
    out.append(first ? "" : ",");
    first = false;
    quote(name);
    out.append(':');
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out + "}";
  }
}
