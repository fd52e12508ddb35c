package dev.headroom.examples;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Document} as one self-contained, well-formed HTML file: inline CSS, charts as inline SVG, no
 * script and no external resource, so it reads the same in a browser without a network.
 */
final class HtmlRenderer {
  private static final String CSS = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
      + "padding:0 1rem;color:#1f2328;line-height:1.5}table{border-collapse:collapse;margin:1rem 0}"
      + "th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}th{background:#f6f8fa}"
      + "h1{font-size:1.8rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}"
      + ".bar-0{fill:#0969da}.bar-1{fill:#bf8700}.axis{stroke:#57606a}svg text{font-size:11px;fill:#1f2328}";
  private static final String[] SERIES_CLASS = {"bar-0", "bar-1"};

  /** The CSS class of the {@code s}th series; the palette repeats. */
  private static String seriesClass(int s) {
    return SERIES_CLASS[s % SERIES_CLASS.length];
  }

  private HtmlRenderer() {}

  static String render(Document doc) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
        .append(escape(doc.title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    for (Document.Block block : doc.blocks) {
      if (block instanceof Document.Heading h) {
        out.append("<h").append(h.level()).append('>').append(escape(h.text())).append("</h").append(h.level())
            .append(">\n");
      } else if (block instanceof Document.Paragraph p) {
        out.append("<p>").append(escape(p.text()).replace("\n", "<br/>")).append("</p>\n");
      } else if (block instanceof Document.Table t) {
        out.append("<table>\n<thead><tr>");
        for (String header : t.headers()) {
          out.append("<th>").append(escape(header)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
          out.append("<tr>");
          for (String cell : row) {
            out.append("<td>").append(escape(cell)).append("</td>");
          }
          out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
      } else if (block instanceof Document.Bullets b) {
        out.append("<ul>\n");
        for (String item : b.items()) {
          out.append("<li>").append(escape(item)).append("</li>\n");
        }
        out.append("</ul>\n");
      } else if (block instanceof Document.Chart c) {
        chart(out, c);
      }
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  /** Horizontal grouped bars: one row per category, one bar per series, a legend on top. */
  private static void chart(StringBuilder out, Document.Chart c) {
    int label = 90;
    int width = 640;
    int barHeight = 12;
    int groupHeight = barHeight * c.series().size() + 8;
    int top = 36;
    int height = top + groupHeight * c.categories().size() + 10;
    double max = 0;
    for (double[] series : c.values()) {
      for (double v : series) {
        max = Math.max(max, v);
      }
    }
    double scale = (width - label - 70) / (max == 0 ? 1 : max);
    out.append(String.format(Locale.ROOT,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
            + "aria-label=\"%s\" class=\"chart\">\n<title>%s</title>\n", width, height, escape(c.title()),
        escape(c.title())));
    for (int s = 0; s < c.series().size(); s++) {
      out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" class=\"%s\"/>"
          + "<text x=\"%d\" y=\"16\">%s</text>\n", label + s * 200, seriesClass(s), label + s * 200 + 16,
          escape(c.series().get(s))));
    }
    for (int i = 0; i < c.categories().size(); i++) {
      int y = top + i * groupHeight;
      out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", label - 6,
          y + groupHeight / 2, escape(c.categories().get(i))));
      for (int s = 0; s < c.series().size(); s++) {
        double v = c.values()[s][i];
        int by = y + s * barHeight;
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"bar %s\" "
            + "data-category=\"%s\"><title>%s: %.1f %s</title></rect><text x=\"%.1f\" y=\"%d\">%.1f %s</text>\n",
            label, by, v * scale, barHeight - 2, seriesClass(s), escape(c.categories().get(i)),
            escape(c.series().get(s)), v, escape(c.unit()), label + v * scale + 4, by + barHeight - 3, v,
            escape(c.unit())));
      }
    }
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n", label,
        top - 4, label, height - 6));
    out.append("</svg>\n<figcaption>").append(escape(c.title())).append("</figcaption>\n</figure>\n");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
