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
    List<List<String>> records = new ArrayList<>();
    List<Integer> startLines = new ArrayList<>();
    try {
      parse(in, source, records, startLines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    if (records.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty; expected a header row");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = records.get(0);
    for (int i = 0; i < header.size(); i++) {
      // A spreadsheet may save UTF-8 with a byte-order mark before the first column name.
      String name = i == 0 ? header.get(i).replaceFirst("^\uFEFF", "") : header.get(i);
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

  private static void parse(Reader in, String source, List<List<String>> records, List<Integer> startLines)
      throws IOException {
    // The whole text first: one bulk read is far cheaper than a call per character before the JIT warms up.
    char[] text = readAll(in);
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length; i++) {
      char ch = text[i];
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length && text[i + 1] == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '"' && field.length() == 0 && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (ch == '\n') {
        record.add(field.toString());
        records.add(record);
        startLines.add(recordLine);
        record = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        line++;
        recordLine = line;
      } else if (ch != '\r') {
        field.append(ch);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(source + " line " + recordLine + " has an unterminated quoted field");
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
      startLines.add(recordLine);
    }
  }

  private static char[] readAll(Reader in) throws IOException {
    char[] buffer = new char[8192];
    StringBuilder text = new StringBuilder();
    int n;
    while ((n = in.read(buffer)) != -1) {
      text.append(buffer, 0, n);
    }
    char[] out = new char[text.length()];
    text.getChars(0, out.length, out, 0);
    return out;
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
