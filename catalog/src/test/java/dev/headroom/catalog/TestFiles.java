package dev.headroom.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Reads test resources of this package. */
final class TestFiles {
  private TestFiles() {}

  static String text(String name) {
    try (InputStream in = Objects.requireNonNull(TestFiles.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
