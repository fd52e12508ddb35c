package dev.headroom.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small RFC 4180 reader: a header row, then rows of quoted or plain fields.
 *
 * <p>Reading finds every row and checks its quotes; a row's fields are cut out of the text when the row is first
 * asked for, so that the catalog's load, which needs only the first few fields of each row, skips the rest. Not
 * thread-safe: the catalog reads a table at load, then under {@link LazyEntries}' lock.
 */
final class Csv {
  private final String text;
  private final String source;
  private final Map<String, Integer> columns;
  private final int width;
  /** Each row's first character in the text, the line feed (or text end) that ends it, the line it starts on. */
  private final int[] starts;
  private final int[] ends;
  private final int[] lines;
  /** Each row's stripped fields as far as cut, and whether cut whole (and so counted). */
  private final @Nullable String[][] rows;
  private final boolean[] whole;

  private Csv(String text, String source, Map<String, Integer> columns, int width, int[] starts, int[] ends,
      int[] lines) {
    this.text = text;
    this.source = source;
    this.columns = columns;
    this.width = width;
    this.starts = starts;
    this.ends = ends;
    this.lines = lines;
    this.rows = new String[starts.length][];
    this.whole = new boolean[starts.length];
  }

  /**
   * Reads a whole table from its text, every row cut and checked now.
   *
   * @throws IllegalArgumentException naming the source and line when a row is malformed
   */
  static Csv read(String text, String source, List<String> requiredColumns) {
    Csv csv = index(text, source, requiredColumns);
    for (int r = 0; r < csv.size(); r++) {
      csv.fields(r);
    }
    return csv;
  }

  /**
   * Reads a table's header and finds its rows, checking their quotes; each row's fields are cut, and counted
   * against the header, when the row is first asked for.
   *
   * @throws IllegalArgumentException naming the source and line when the header lacks a column or a quoted field
   *     is not closed
   */
  static Csv index(String text, String source, List<String> requiredColumns) {
    List<Integer> starts = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    findRecords(text, source, starts, ends, lines);
    if (starts.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty; expected a header row");
    }
    Map<String, Integer> columns = new HashMap<>();
    List<String> header = cut(text, starts.get(0), ends.get(0), Integer.MAX_VALUE);
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
    int[] rowStarts = new int[starts.size() - 1];
    int[] rowEnds = new int[rowStarts.length];
    int[] rowLines = new int[rowStarts.length];
    int rows = 0;
    for (int r = 1; r < starts.size(); r++) {
      if (!isBlank(text, starts.get(r), ends.get(r))) {
        rowStarts[rows] = starts.get(r);
        rowEnds[rows] = ends.get(r);
        rowLines[rows] = lines.get(r);
        rows++;
      }
    }
    return new Csv(text, source, columns, header.size(), Arrays.copyOf(rowStarts, rows),
        Arrays.copyOf(rowEnds, rows), Arrays.copyOf(rowLines, rows));
  }

  /**
   * Finds where each record starts and ends, and on which line it starts: a record ends at a line feed outside
   * quotes. A field is quoted only when a quote is its first character; a quote elsewhere is text. Whole lines are
   * skipped with {@code indexOf}: a call per character costs the catalog's first load far more before the JIT warms
   * up.
   */
  private static void findRecords(String text, String source, List<Integer> starts, List<Integer> ends,
      List<Integer> lines) {
    int n = text.length();
    int line = 1;
    int i = 0;
    int quote = text.indexOf('"');
    while (i < n) {
      starts.add(i);
      lines.add(line);
      int recordLine = line;
      int end = lineEnd(text, i);
      while (quote >= 0 && quote < end) {
        if (quote > i && text.charAt(quote - 1) != ',') {
          quote = text.indexOf('"', quote + 1);
          continue;
        }
        int close = closingQuote(text, quote + 1);
        if (close < 0) {
          throw new IllegalArgumentException(source + " line " + recordLine + " has an unterminated quoted field");
        }
        if (close > end) {
          // The quoted field holds line breaks: they count as lines, and the record goes on after it.
          for (int lf = end; lf >= 0 && lf < close; lf = text.indexOf('\n', lf + 1)) {
            line++;
          }
          end = lineEnd(text, close);
        }
        quote = text.indexOf('"', close + 1);
      }
      ends.add(end);
      i = end + 1;
      line++;
    }
  }

  /** The quote that closes a quoted field whose text starts at {@code from} ({@code ""} is a quote in it), or -1. */
  private static int closingQuote(String text, int from) {
    int quote = text.indexOf('"', from);
    while (quote >= 0 && quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
      quote = text.indexOf('"', quote + 2);
    }
    return quote;
  }

  /** Whether the record from {@code start} to {@code end} is one blank field, the only kind a table skips. */
  private static boolean isBlank(String text, int start, int end) {
    int i = start;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i == end) {
      return true;
    }
    if (text.charAt(i) != '"') {
      return false;
    }
    List<String> record = cut(text, start, end, 2);
    return record.size() == 1 && record.get(0).isBlank();
  }

  /**
   * Up to {@code limit} fields of the record from {@code from} to {@code end}, unstripped. The record's quotes were
   * checked, and its end found, when the table was read.
   */
  private static List<String> cut(String text, int from, int end, int limit) {
    // Fields are cut out with indexOf and substring: a call per character costs the catalog's first load far more
    // before the JIT warms up.
    int n = text.length();
    List<String> record = new ArrayList<>();
    int i = from;
    while (record.size() < limit) {
      String field;
      if (i < n && text.charAt(i) == '"') {
        StringBuilder quoted = new StringBuilder();
        i++;
        while (true) {
          int quote = text.indexOf('"', i);
          quoted.append(text, i, quote);
          i = quote + 1;
          if (i < n && text.charAt(i) == '"') {
            quoted.append('"');
            i++;
          } else {
            break;
          }
        }
        int fieldEnd = fieldEnd(text, i, end);
        field = quoted.append(withoutCarriageReturns(text.substring(i, fieldEnd))).toString();
        i = fieldEnd;
      } else {
        int fieldEnd = fieldEnd(text, i, end);
        field = withoutCarriageReturns(text.substring(i, fieldEnd));
        i = fieldEnd;
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
    return record;
  }

  /** The index of the line feed at or after {@code from}, or the length. */
  private static int lineEnd(String text, int from) {
    int lineFeed = text.indexOf('\n', from);
    return lineFeed < 0 ? text.length() : lineFeed;
  }

  /** The index of the comma or record end that ends the unquoted field starting at {@code from}. */
  private static int fieldEnd(String text, int from, int end) {
    int comma = text.indexOf(',', from);
    return comma < 0 || comma > end ? end : comma;
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
    StringWriter text = new StringWriter();
    try {
      in.transferTo(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return text.toString();
  }

  int size() {
    return starts.length;
  }

  /**
   * Cuts all of the row's fields now, once: a row about to be read whole, not field by field.
   *
   * @throws IllegalArgumentException naming the source and line when the row has not as many fields as the header
   */
  void cutRow(int row) {
    fields(row);
  }

  /** The row's fields, stripped, cut on first use. */
  private String[] fields(int row) {
    if (!whole[row]) {
      List<String> record = cut(text, starts[row], ends[row], Integer.MAX_VALUE);
      if (record.size() != width) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d has %d fields; the header has %d",
            source, lines[row], record.size(), width));
      }
      rows[row] = stripped(record, width);
      whole[row] = true;
    }
    return rows[row];
  }

  /**
   * The field, stripped. A row not cut yet is cut only as far as the field, so reading the first fields of every
   * row leaves the rest of the text alone; a row too short for the field is cut whole, which reports it.
   */
  private String field(int row, int index) {
    String[] fields = rows[row];
    if (fields != null && index < fields.length) {
      return fields[index];
    }
    List<String> prefix = cut(text, starts[row], ends[row], index + 1);
    if (prefix.size() <= index) {
      return fields(row)[index];
    }
    rows[row] = stripped(prefix, index + 1);
    return rows[row][index];
  }

  private static String[] stripped(List<String> record, int count) {
    String[] fields = new String[count];
    for (int f = 0; f < count; f++) {
      fields[f] = record.get(f).strip();
    }
    return fields;
  }

  /** The field, stripped; empty when blank. */
  String get(int row, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new IllegalArgumentException(source + " has no column '" + column + "'");
    }
    return field(row, index);
  }

  /** The field, stripped; null when blank or when the table has no such column. */
  @Nullable String optional(int row, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      return null;
    }
    String value = field(row, index);
    return value.isEmpty() ? null : value;
  }

  /** "source line N" for messages. */
  String where(int row) {
    return source + " line " + lines[row];
  }

  /** {@code e} as an error of the row, its message led by the row's file and line. */
  IllegalArgumentException at(int row, RuntimeException e) {
    return new IllegalArgumentException(where(row) + ": " + e.getMessage(), e);
  }
}
