package dev.headroom.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the entry types. */
final class Entries {
  private Entries() {}

  /** Like {@link Objects#requireNonNull(Object, String)}, without building the message (or a lambda) up front. */
  static void requireNonNull(@Nullable Object value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
  }

  static String nonBlank(String value, String name) {
    requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank but was '" + value + "'");
    }
    return value.strip();
  }

  static List<String> names(List<String> values, String name) {
    requireNonNull(values, name);
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      // The element's name only for a message: building every bundled entry checks a thousand aliases.
      out.add(v != null && !v.isBlank() ? v.strip() : nonBlank(v, name + " element"));
    }
    return List.copyOf(out);
  }
}
