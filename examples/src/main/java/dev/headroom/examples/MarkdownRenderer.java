package dev.headroom.examples;

import java.util.List;
import java.util.Locale;

/** Renders a {@link Document} as GitHub-flavoured Markdown; a chart becomes a table of its values. */
final class MarkdownRenderer {
  private MarkdownRenderer() {}

  static String render(Document doc) {
    StringBuilder out = new StringBuilder();
    for (Document.Block block : doc.blocks) {
      if (block instanceof Document.Heading h) {
        out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (block instanceof Document.Paragraph p) {
        out.append(p.text()).append("\n\n");
      } else if (block instanceof Document.Table t) {
        table(out, t.headers(), t.rows());
      } else if (block instanceof Document.Bullets b) {
        for (String item : b.items()) {
          out.append("- ").append(item).append('\n');
        }
        out.append('\n');
      } else if (block instanceof Document.Chart c) {
        out.append("**").append(c.title()).append("**\n\n");
        List<String> headers = new java.util.ArrayList<>(List.of(""));
        headers.addAll(c.series());
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < c.categories().size(); i++) {
          List<String> row = new java.util.ArrayList<>(List.of(c.categories().get(i)));
          for (int s = 0; s < c.series().size(); s++) {
            row.add(String.format(Locale.ROOT, "%.1f %s", c.values()[s][i], c.unit()));
          }
          rows.add(row);
        }
        table(out, headers, rows);
      }
    }
    return out.toString().stripTrailing() + "\n";
  }

  private static void table(StringBuilder out, List<String> headers, List<List<String>> rows) {
    out.append("| ").append(String.join(" | ", headers)).append(" |\n");
    out.append("|").append("---|".repeat(headers.size())).append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    out.append('\n');
  }
}
