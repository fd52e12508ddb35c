package dev.headroom.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A small RFC 4180 reader: a header row, then rows of quoted or plain fields. */
final class Csv {
  private final String source;
  private final Map<String, Integer> columns;
  private final List<String[]> rows;
  private final List<Integer> lines;

  private Csv(String source, Map<String, Integer> columns, List<String[]> rows, List<Integer> lines) {
    this.source = source;
    this.columns = columns;
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads a whole table.
   *
   * @throws IllegalArgumentException naming the source and line when a row is malformed
   */
  static Csv read(Reader in, String source, List<String> requiredColumns) {
    return read(text(in, source), source, requiredColumns);
  }

  /**
   * Reads a whole table from its text.
   *
   * @throws IllegalArgumentException naming the source and line when a row is malformed
   */
  static Csv read(String text, String source, List<String> requiredColumns) {
    List<List<String>> records = new ArrayList<>();
    List<Integer> startLines = new ArrayList<>();
    parse(text, source, records, startLines);
    if (records.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty; expected a header row");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = records.get(0);
    for (int i = 0; i < header.size(); i++) {
      // A spreadsheet may save UTF-8 with a byte-order mark before the first column name.
      String name = header.get(i);
      name = i == 0 && name.startsWith("\uFEFF") ? name.substring(1) : name;
      columns.put(name.strip(), i);
    }
    for (String required : requiredColumns) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException(source + " has no column '" + required + "'; header is " + header);
      }
    }
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> record = records.get(r);
      if (record.size() == 1 && record.get(0).isBlank()) {
        continue;
      }
      if (record.size() != header.size()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d has %d fields; the header has %d",
            source, startLines.get(r), record.size(), header.size()));
      }
      String[] fields = new String[record.size()];
      for (int f = 0; f < fields.length; f++) {
        fields[f] = record.get(f).strip();
      }
      rows.add(fields);
      lines.add(startLines.get(r));
    }
    return new Csv(source, columns, rows, lines);
  }

  private static void parse(String text, String source, List<List<String>> records, List<Integer> startLines) {
    // Fields are cut out with indexOf and substring: a call per character costs the catalog's first load far more
    // before the JIT warms up.
    int n = text.length();
    int line = 1;
    int i = 0;
    while (i < n) {
      List<String> record = new ArrayList<>();
      int recordLine = line;
      int lineEnd = lineEnd(text, i);
      while (true) {
        String field;
        if (text.charAt(i) == '"') {
          StringBuilder quoted = new StringBuilder();
          i++;
          while (true) {
            int quote = text.indexOf('"', i);
            if (quote < 0) {
              throw new IllegalArgumentException(source + " line " + recordLine
                  + " has an unterminated quoted field");
            }
            for (int lf = text.indexOf('\n', i); lf >= 0 && lf < quote; lf = text.indexOf('\n', lf + 1)) {
              line++;
            }
            quoted.append(text, i, quote);
            i = quote + 1;
            if (i > lineEnd) {
              lineEnd = lineEnd(text, i);
            }
            if (i < n && text.charAt(i) == '"') {
              quoted.append('"');
              i++;
            } else {
              break;
            }
          }
          int end = fieldEnd(text, i, lineEnd);
          field = quoted.append(withoutCarriageReturns(text.substring(i, end))).toString();
          i = end;
        } else {
          int end = fieldEnd(text, i, lineEnd);
          field = withoutCarriageReturns(text.substring(i, end));
          i = end;
        }
        record.add(field);
        if (i >= n || text.charAt(i) == '\n') {
          break;
        }
        i++;
        if (i == n) {
          record.add("");
          break;
        }
      }
      records.add(record);
      startLines.add(recordLine);
      i++;
      line++;
    }
  }

  /** The index of the line feed at or after {@code from}, or the length. */
  private static int lineEnd(String text, int from) {
    int lineFeed = text.indexOf('\n', from);
    return lineFeed < 0 ? text.length() : lineFeed;
  }

  /** The index of the comma or line end that ends the unquoted field starting at {@code from}. */
  private static int fieldEnd(String text, int from, int lineEnd) {
    int comma = text.indexOf(',', from);
    return comma < 0 || comma > lineEnd ? lineEnd : comma;
  }

  private static String withoutCarriageReturns(String field) {
    return field.indexOf('\r') < 0 ? field : field.replace("\r", "");
  }

  /**
   * The whole text of {@code in}.
   *
   * @throws UncheckedIOException naming the source when it cannot be read
   */
  static String text(Reader in, String source) {
    char[] buffer = new char[8192];
    StringBuilder text = new StringBuilder();
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return text.toString();
  }

  int size() {
    return rows.size();
  }

  /** The field, stripped; empty when blank. */
  String get(int row, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new IllegalArgumentException(source + " has no column '" + column + "'");
    }
    return rows.get(row)[index];
  }

  /** The field, stripped; null when blank or when the table has no such column. */
  @Nullable String optional(int row, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      return null;
    }
    String value = rows.get(row)[index];
    return value.isEmpty() ? null : value;
  }

  /** "source line N" for messages. */
  String where(int row) {
    return source + " line " + lines.get(row);
  }
}
