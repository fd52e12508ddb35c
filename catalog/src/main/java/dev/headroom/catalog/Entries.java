package dev.headroom.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the entry types. */
final class Entries {
  private Entries() {}

  static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, () -> name + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank but was '" + value + "'");
    }
    return value.strip();
  }

  static List<String> names(List<String> values, String name) {
    Objects.requireNonNull(values, () -> name + " must not be null");
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(nonBlank(v, name + " element"));
    }
    return List.copyOf(out);
  }
}
