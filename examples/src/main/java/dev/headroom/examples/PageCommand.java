package dev.headroom.examples;

import dev.headroom.EstimationMethod;
import dev.headroom.Quantization;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.ModelEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headroom page [MODEL]}: the seed page, computed, as Markdown or one self-contained HTML file. */
@Command(name = "page", mixinStandardHelpOptions = true,
    description = "The seed page for a model: specs, VRAM by quantization, GPUs and devices that run it, speed, FAQ.")
final class PageCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", defaultValue = "deepseek-r1-distill-qwen-1.5b",
      description = "A catalogued model. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--quant", paramLabel = "Q", defaultValue = "Q4_K_M", converter = Options.QuantConverter.class,
      description = "The quantization for the GPU and device lists. Default: ${DEFAULT-VALUE}.")
  Quantization quant;

  @Option(names = "--method", paramLabel = "M", defaultValue = "exact", converter = Options.MethodConverter.class,
      description = "seed (the seed page's own formulas) or exact. Default: ${DEFAULT-VALUE}.")
  EstimationMethod method;

  @Option(names = "--format", paramLabel = "F", defaultValue = "markdown",
      description = "markdown or html. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path out;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String f = Options.oneOf(spec.commandLine(), "--format", format, "markdown", "html");
    Catalog catalog = Catalog.builtIn();
    ModelEntry entry = catalog.model(model);
    Document doc = new SeedPage(catalog, entry, quant, method).build();
    String text = f.equals("html") ? HtmlRenderer.render(doc) : MarkdownRenderer.render(doc);
    if (out == null) {
      spec.commandLine().getOut().print(text);
    } else {
      try {
        Files.writeString(out, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
      spec.commandLine().getOut().println("wrote " + out);
    }
    return 0;
  }
}
