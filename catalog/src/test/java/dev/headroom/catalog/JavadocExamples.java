package dev.headroom.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the claim "every public type has a javadoc example that a test compiles and runs": reads the main sources
 * of one package and a test class, and lists each public top-level type (and the package) whose javadoc has no
 * {@code <pre>{@code …}</pre>} example, or none whose code lines all appear in the test class. Comments and blank
 * lines of an example are ignored, and so is indentation; the test class may add setup and assertions around them.
 * Used for core's sources as well as catalog's: catalog builds after core, beside it.
 */
final class JavadocExamples {
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public (?:(?:final|abstract|sealed|non-sealed|strictfp) )*(?:class|record|enum|interface|@interface) ");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ");
  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code(.*?)}</pre>", Pattern.DOTALL);

  private JavadocExamples() {}

  /**
   * The problems found, one line each, empty when every public type's example runs.
   *
   * @param sources the folder of one package's main sources, for example {@code src/main/java/dev/headroom}
   * @param test the test class that runs the examples
   * @return one line per type whose example is missing or not run, naming the lines not run
   * @throws IOException if a file cannot be read
   */
  static List<String> problems(Path sources, Path test) throws IOException {
    Set<String> testLines = new HashSet<>();
    for (String line : Files.readString(test).split("\\R")) {
      testLines.add(normalize(line));
    }
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(sources)) {
      files = list.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      String text = Files.readString(file);
      String name = file.getFileName().toString().replace(".java", "");
      int declaration;
      if (name.equals("package-info")) {
        Matcher pkg = PACKAGE.matcher(text);
        declaration = pkg.find() ? pkg.start() : -1;
      } else {
        Matcher type = PUBLIC_TYPE.matcher(text);
        if (!type.find()) {
          continue;
        }
        declaration = type.start();
      }
      int start = text.lastIndexOf("/**", declaration);
      int end = start < 0 ? -1 : text.indexOf("*/", start);
      if (start < 0 || end > declaration) {
        problems.add(name + ": no javadoc");
        continue;
      }
      Matcher example = EXAMPLE.matcher(text.substring(start, end));
      List<String> missing = null;
      while (example.find()) {
        List<String> notRun = new ArrayList<>();
        for (String line : example.group(1).split("\\R")) {
          String code = normalize(line.replaceFirst("^\\s*\\*", ""));
          if (!code.isEmpty() && !testLines.contains(code)) {
            notRun.add(code);
          }
        }
        if (missing == null || notRun.size() < missing.size()) {
          missing = notRun;
        }
      }
      if (missing == null) {
        problems.add(name + ": no <pre>{@code …}</pre> example in its javadoc");
      } else if (!missing.isEmpty()) {
        problems.add(name + ": " + test.getFileName() + " does not run " + missing);
      }
    }
    return problems;
  }

  /** The line without indentation, runs of spaces or a trailing comment; empty for a comment line. */
  private static String normalize(String line) {
    String code = line.strip();
    if (code.startsWith("//")) {
      return "";
    }
    return code.replaceFirst("\\s+//.*$", "").replaceAll("\\s+", " ");
  }
}
