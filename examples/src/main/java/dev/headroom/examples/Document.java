package dev.headroom.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * A page as a list of blocks, rendered to Markdown ({@link MarkdownRenderer}) or to one self-contained HTML file
 * ({@link HtmlRenderer}) from the same content.
 */
final class Document {
  sealed interface Block permits Heading, Paragraph, Table, Bullets, Chart {}

  record Heading(int level, String text) implements Block {}

  record Paragraph(String text) implements Block {}

  record Table(List<String> headers, List<List<String>> rows) implements Block {}

  record Bullets(List<String> items) implements Block {}

  /** A grouped bar chart: one group per category, one bar per series, values in {@code unit}. */
  record Chart(String title, String unit, List<String> categories, List<String> series, double[][] values)
      implements Block {}

  final String title;
  final List<Block> blocks = new ArrayList<>();

  Document(String title) {
    this.title = title;
  }

  Document heading(int level, String text) {
    blocks.add(new Heading(level, text));
    return this;
  }

  Document paragraph(String text) {
    blocks.add(new Paragraph(text));
    return this;
  }

  Document table(List<String> headers, List<List<String>> rows) {
    blocks.add(new Table(List.copyOf(headers), List.copyOf(rows)));
    return this;
  }

  Document bullets(List<String> items) {
    blocks.add(new Bullets(List.copyOf(items)));
    return this;
  }

  Document chart(Chart chart) {
    blocks.add(chart);
    return this;
  }
}
