package dev.headroom.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A strict JSON reader for configuration files: objects become {@code Map<String, Object>} (insertion order),
 * arrays {@code List<Object>}, numbers {@code Long} when whole (and within a long) and {@code Double} otherwise,
 * plus {@code String}, {@code Boolean} and {@code null}. Errors name the source and character offset. Nesting deeper
 * than 64 levels or text longer than 16 MiB is refused, so a hostile file cannot exhaust the stack or memory.
 */
final class Json {
  static final int MAX_DEPTH = 64;
  static final int MAX_LENGTH = 16 << 20;

  private final String text;
  private final String source;
  private int pos;

  private Json(String text, String source) {
    this.text = text;
    this.source = source;
  }

  static @Nullable Object parse(String text, String source) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is %,d characters; at most %,d are read",
          source, text.length(), MAX_LENGTH));
    }
    Json json = new Json(text, source);
    json.space();
    @Nullable Object value = json.value(0);
    json.space();
    if (json.pos != text.length()) {
      throw json.error("unexpected text after the value");
    }
    return value;
  }

  private @Nullable Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (pos >= text.length()) {
      throw error("unexpected end of text");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{': return object(depth);
      case '[': return array(depth);
      case '"': return string();
      case 't': return literal("true", Boolean.TRUE);
      case 'f': return literal("false", Boolean.FALSE);
      case 'n': return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, @Nullable Object> object(int depth) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    pos++;
    space();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("expected a quoted key");
      }
      String key = string();
      space();
      expect(':');
      space();
      map.put(key, value(depth + 1));
      space();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<@Nullable Object> array(int depth) {
    List<@Nullable Object> list = new ArrayList<>();
    pos++;
    space();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      space();
      list.add(value(depth + 1));
      space();
      char c = next();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        char e = next();
        switch (e) {
          case '"': out.append('"'); break;
          case '\\': out.append('\\'); break;
          case '/': out.append('/'); break;
          case 'b': out.append('\b'); break;
          case 'f': out.append('\f'); break;
          case 'n': out.append('\n'); break;
          case 'r': out.append('\r'); break;
          case 't': out.append('\t'); break;
          case 'u':
            if (pos + 4 > text.length()) {
              throw error("truncated \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
            break;
          default:
            pos--;
            throw error("bad escape '\\" + e + "'");
        }
      } else if (c < 0x20) {
        pos--;
        throw error("control character in a string");
      } else {
        out.append(c);
      }
    }
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    boolean fraction = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c >= '0' && c <= '9') {
        pos++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        fraction = true;
        pos++;
      } else {
        break;
      }
    }
    String s = text.substring(start, pos);
    try {
      if (!fraction) {
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException beyondLong) {
          // Still valid JSON: read as a double, so that the config reader names the key and its range.
        }
      }
      double d = Double.parseDouble(s);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      pos = start;
      throw error("bad number '" + s + "'");
    }
  }

  private @Nullable Object literal(String word, @Nullable Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected character '" + text.charAt(pos) + "'");
    }
    pos += word.length();
    return value;
  }

  private void space() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of text");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s is not valid JSON at offset %d: %s", source,
        pos, what));
  }
}
