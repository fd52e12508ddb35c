package dev.headroom.examples;

import dev.headroom.Architecture;
import dev.headroom.ByteUnit;
import dev.headroom.Bytes;
import dev.headroom.DecodeSpeed;
import dev.headroom.EstimationMethod;
import dev.headroom.Estimator;
import dev.headroom.HardwareKind;
import dev.headroom.MemoryEstimate;
import dev.headroom.ModelSpec;
import dev.headroom.Quantization;
import dev.headroom.QuantizationChoice;
import dev.headroom.Tag;
import dev.headroom.Vendor;
import dev.headroom.catalog.Catalog;
import dev.headroom.catalog.Compatibility;
import dev.headroom.catalog.DeviceFit;
import dev.headroom.catalog.HardwareClass;
import dev.headroom.catalog.ModelEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed page, computed for any catalogued model: spec table, VRAM by quantization, which GPUs and devices run
 * it, speed on named GPUs, the FAQ and related models. With {@link EstimationMethod#SEED} and DeepSeek R1 Distill
 * Qwen 1.5B it prints the seed page's own figures.
 */
final class SeedPage {
  /** The GPUs the seed page names in its speed section. */
  static final List<String> SPEED_GPUS =
      List.of("amd-instinct-mi300x", "nvidia-geforce-rtx-4090", "nvidia-h100-sxm5-80gb", "amd-instinct-mi250x");

  private final Catalog catalog;
  private final ModelEntry entry;
  private final ModelSpec model;
  private final Quantization quant;
  private final EstimationMethod method;
  private final int fullContext;

  SeedPage(Catalog catalog, ModelEntry entry, Quantization quant, EstimationMethod method) {
    this.catalog = catalog;
    this.entry = entry;
    this.model = entry.spec();
    this.quant = quant;
    this.method = method;
    this.fullContext = model.architecture().contextLength();
  }

  private Estimator at(Quantization q) {
    return Estimator.of(model).quant(q).method(method);
  }

  Document build() {
    Document doc = new Document(model.name() + " — Hardware Requirements & GPU Compatibility");
    doc.heading(1, doc.title);
    List<String> tags = new ArrayList<>();
    for (Tag t : model.tags()) {
      tags.add(t.label());
    }
    if (!tags.isEmpty()) {
      doc.paragraph(String.join(" · ", tags));
    }
    doc.paragraph(summary());
    specifications(doc);
    vramTable(doc);
    Compatibility compatibility = catalog.compatibility(at(quant));
    gpus(doc, compatibility);
    devices(doc, compatibility);
    speed(doc);
    faq(doc, compatibility);
    related(doc);
    doc.paragraph(String.format(Locale.ROOT, "Computed by Headroom (%s method) from the catalog. GB = 10^9 bytes, "
        + "GiB = 2^30 bytes; GPU memory is sold in GiB. VRAM at %,d tokens unless noted.", methodName(),
        Estimator.DEFAULT_CONTEXT));
    return doc;
  }

  private String methodName() {
    return method.name().toLowerCase(Locale.ROOT);
  }

  private String summary() {
    Architecture a = model.architecture();
    StringBuilder s = new StringBuilder(model.name());
    s.append(String.format(Locale.ROOT, " has %s parameters (%,d exactly)", size(model.nominalParameters()),
        model.totalParameters()));
    if (model.isMoe()) {
      s.append(String.format(Locale.ROOT, ", of which %s are active per token (%d of %d experts)",
          size(model.activeParameters()), a.moe().expertsPerToken(), a.moe().experts()));
    }
    s.append(String.format(Locale.ROOT, ", %d layers, %d attention heads sharing %d key/value heads, and a trained "
        + "context of %,d tokens.", a.layers(), a.attentionHeads(), a.kvHeads(), a.contextLength()));
    model.publisher().ifPresent(p -> s.append(" Published by ").append(p).append('.'));
    return s.toString();
  }

  private void specifications(Document doc) {
    Architecture a = model.architecture();
    List<List<String>> rows = new ArrayList<>();
    model.publisher().ifPresent(p -> rows.add(List.of("Publisher", p)));
    model.family().ifPresent(f -> rows.add(List.of("Family", f)));
    rows.add(List.of("Parameters", size(model.nominalParameters())
        + String.format(Locale.ROOT, " (%,d)", model.totalParameters())));
    rows.add(List.of("Architecture", model.huggingFaceArchitecture().orElse(a.arch())));
    rows.add(List.of("Context Length", String.format(Locale.ROOT, "%,d tokens", a.contextLength())));
    rows.add(List.of("Vocabulary Size", String.format(Locale.ROOT, "%,d", a.vocabSize())));
    model.releaseDate().ifPresent(d -> rows.add(List.of("Release Date", d.toString())));
    model.license().ifPresent(l -> rows.add(List.of("License", l)));
    model.huggingFaceRepo().ifPresent(r -> rows.add(List.of("Hugging Face", "https://huggingface.co/" + r)));
    doc.heading(2, "Specifications").table(List.of("", ""), rows);
  }

  private void vramTable(Document doc) {
    doc.heading(2, "How Much VRAM Does " + model.name() + " Need?");
    List<List<String>> rows = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    double[][] values = new double[2][QuantizationChoice.CANDIDATES.size()];
    int i = 0;
    for (Quantization q : QuantizationChoice.CANDIDATES) {
      Estimator e = at(q);
      Bytes short_ = e.vram().total();
      Bytes full = e.context(fullContext).vram().total();
      rows.add(List.of(q.name(), String.format(Locale.ROOT, "%.2f", q.bitsPerWeight()), gb1(short_), gb1(full),
          e.fileSize().format(ByteUnit.GB, 2), q.quality()));
      categories.add(q.name());
      values[0][i] = short_.to(ByteUnit.GB);
      values[1][i] = full.to(ByteUnit.GB);
      i++;
    }
    doc.table(List.of("Quantization", "Bits", "VRAM", "+ Context", "File Size", "Quality"), rows);
    doc.paragraph(String.format(Locale.ROOT, "VRAM at %,d tokens; + Context at the full %,d-token context; file "
        + "size is the download.", Estimator.DEFAULT_CONTEXT, fullContext));
    doc.chart(new Document.Chart("VRAM by quantization (GB)", "GB", categories,
        List.of(String.format(Locale.ROOT, "%,d tokens", Estimator.DEFAULT_CONTEXT),
            String.format(Locale.ROOT, "%,d tokens", fullContext)), values));
  }

  private void gpus(Document doc, Compatibility c) {
    Estimator e = at(quant);
    MemoryEstimate m = e.vram();
    MemoryEstimate full = e.context(fullContext).vram();
    List<DeviceFit> gpus = c.fittingGpus();
    doc.heading(2, "Which GPUs Can Run " + model.name() + "?");
    doc.paragraph(quant + " · " + gb1(m.total()));
    doc.paragraph(String.format(Locale.ROOT, "%s (%s) requires %s of VRAM to load the model weights and %s in all at "
        + "%,d tokens. Using the full %s context window adds up to %s, bringing total usage to %s. %d GPU%s can "
        + "run it%s.", model.name(), quant, gb2(m.weights()), gb1(m.total()), Estimator.DEFAULT_CONTEXT,
        contextK(), gb1(full.total().minus(m.total())), gb1(full.total()), gpus.size(), gpus.size() == 1 ? "" : "s",
        including(gpus)));
    doc.table(List.of("GPU", "Memory", "Verdict", "Headroom", "Decode"), rows(gpus));
  }

  private void devices(Document doc, Compatibility c) {
    List<DeviceFit> devices = c.fittingDevices();
    doc.heading(2, "Which Devices Can Run " + model.name() + "?");
    doc.paragraph(String.format(Locale.ROOT, "%d device%s with unified memory or several GPUs can run %s at %s%s. "
        + "Unified memory counts only the share the GPU may use by default.", devices.size(),
        devices.size() == 1 ? "" : "s", model.name(), quant, including(devices)));
    doc.table(List.of("Device", "Usable memory", "Verdict", "Headroom", "Decode"), rows(devices));
  }

  private static List<List<String>> rows(List<DeviceFit> fits) {
    List<List<String>> rows = new ArrayList<>();
    for (DeviceFit f : fits) {
      rows.add(List.of(f.device().name(), f.fit().usableMemory().format(ByteUnit.GIB, 1), f.fit().verdict().label(),
          Bytes.ofBytes(Math.max(0, f.fit().headroomBytes())).format(ByteUnit.GB, 1),
          String.format(Locale.ROOT, "~%.0f tok/s", f.speed().tokensPerSecond())));
    }
    return rows;
  }

  private static String including(List<DeviceFit> fits) {
    if (fits.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(", including ").append(fits.get(0).device().name());
    if (fits.size() > 1) {
      s.append(", ").append(fits.get(1).device().name());
    }
    return s.toString();
  }

  private void speed(Document doc) {
    doc.heading(2, "How Fast Is " + model.name() + "?");
    Estimator e = at(quant);
    boolean seed = method == EstimationMethod.SEED;
    doc.paragraph(seed ? "tok/s = (bandwidth GB/s ÷ model GB) × efficiency"
        : "tok/s = 1000 ÷ (ms reading the active weights and KV cache + ms of arithmetic + fixed ms per token), "
            + "with constants fitted on measured llama.cpp speeds");
    List<List<String>> rows = new ArrayList<>();
    double[] band = {0};
    for (String id : SPEED_GPUS) {
      catalog.findDevice(id).ifPresent(d -> {
        DecodeSpeed s = e.decode(d.hardware());
        band[0] = Math.max(band[0], s.band());
        rows.add(List.of(d.name(), seed ? String.format(Locale.ROOT, "%s ÷ %s × %s = ~%.0f tok/s",
            Text.plain(d.hardware().bandwidthGBps()), s.bytesPerToken().format(ByteUnit.GB, 2).replace(" GB", ""),
            Text.plain(e.calibrationFor(d.hardware()).efficiency()), s.tokensPerSecond()) : s.toString()));
      });
    }
    doc.table(List.of("GPU", seed ? "bandwidth ÷ GB per token × efficiency" : "estimate and its parts"), rows);
    doc.paragraph(String.format(Locale.ROOT, "Real-world results typically within ±%.0f%%. Speed depends on batch "
        + "size, quantization kernel and software stack.", band[0] * 100));
  }

  private void faq(Document doc, Compatibility c) {
    doc.heading(2, "Frequently Asked Questions");
    Estimator q4 = at(Quantization.Q4_K_M);
    MemoryEstimate m4 = q4.vram();
    MemoryEstimate full = q4.context(fullContext).vram();
    doc.heading(3, "How much VRAM does " + model.name() + " need?");
    doc.paragraph(String.format(Locale.ROOT, "%s requires %s of VRAM at Q4_K_M, or %s at Q8_0. Full %s context adds "
        + "up to %s (%s total).", model.name(), gb1(m4.total()), gb1(at(Quantization.Q8_0).vram().total()),
        contextK(), gb1(full.total().minus(m4.total())), gb1(full.total())));
    doc.paragraph("VRAM = Weights + KV Cache + Overhead\n" + weightsFormula(q4) + "\n"
        + String.format(Locale.ROOT, "KV Cache + Overhead ≈ %s (at %,d tokens)%nKV Cache + Overhead ≈ %s (at the "
            + "full %s context)", gb1(m4.kvCache().plus(m4.overhead())), Estimator.DEFAULT_CONTEXT,
            gb1(full.kvCache().plus(full.overhead())), contextK()));

    doc.heading(3, "What's the best quantization for " + model.name() + "?");
    doc.paragraph(String.format(Locale.ROOT, "For %s, Q4_K_M (%s) offers the best balance of quality and VRAM "
        + "usage. Q5_K_M (%s) provides better quality if you have the VRAM. The smallest option is IQ2_XXS at %s.",
        model.name(), gb1(m4.total()), gb1(at(Quantization.Q5_K_M).vram().total()),
        gb1(at(Quantization.IQ2_XXS).vram().total())));

    doc.heading(3, "Can I run " + model.name() + " on a Mac?");
    doc.paragraph(mac(c));

    doc.heading(3, "Can I run " + model.name() + " locally?");
    doc.paragraph(local(c));

    doc.heading(3, "How fast is " + model.name() + "?");
    List<DeviceFit> fitting = c.fitting();
    if (fitting.isEmpty()) {
      doc.paragraph("No catalogued device holds it at " + quant + ".");
    } else {
      DeviceFit top = fitting.get(0);
      String rtx = catalog.findDevice("nvidia-geforce-rtx-4090").map(d -> {
        DecodeSpeed s = at(quant).decode(d.hardware());
        return String.format(Locale.ROOT, " On %s: ~%.0f tok/s%s.", d.name(), s.tokensPerSecond(),
            at(quant).fit(d.hardware()).verdict().fits() ? "" : " (if it fitted)");
      }).orElse("");
      doc.paragraph(String.format(Locale.ROOT, "At %s, %s can reach ~%.0f tok/s on %s.%s Speed depends mainly on "
          + "memory bandwidth. Real-world results typically within ±%.0f%%.", quant, model.name(),
          top.speed().tokensPerSecond(), top.device().name(), rtx, top.speed().band() * 100));
    }

    doc.heading(3, "What's the download size of " + model.name() + "?");
    doc.paragraph(String.format(Locale.ROOT, "At Q4_K_M, the download is about %s. The Q8_0 version is %s. The "
        + "smallest option (IQ2_XXS) is %s.", gb2(q4.fileSize()), gb2(at(Quantization.Q8_0).fileSize()),
        gb2(at(Quantization.IQ2_XXS).fileSize())));
  }

  private String weightsFormula(Estimator q4) {
    if (method == EstimationMethod.SEED) {
      return String.format(Locale.ROOT, "Weights = %s × %s bits ÷ 8 = %s", size(model.nominalParameters()),
          Text.plain(Quantization.Q4_K_M.bitsPerWeight()), gb1(q4.weights()));
    }
    return String.format(Locale.ROOT, "Weights = every tensor at the type llama.cpp gives it in Q4_K_M = %s "
        + "(%,d parameters, %.2f bits per weight on average)", gb2(q4.weights()), model.totalParameters(),
        q4.weights().bytes() * 8.0 / model.totalParameters());
  }

  /** Answered from the catalog's Macs and their GPU share of memory, unlike the seed page. */
  private String mac(Compatibility c) {
    List<DeviceFit> macs = new ArrayList<>();
    DeviceFit largest = null;
    for (DeviceFit d : c.devices()) {
      if (d.device().hardware().vendor() == Vendor.APPLE) {
        if (d.fit().verdict().fits()) {
          macs.add(d);
        }
        if (largest == null || d.fit().usableMemory().compareTo(largest.fit().usableMemory()) > 0) {
          largest = d;
        }
      }
    }
    Bytes need = at(quant).vram().total();
    if (macs.isEmpty()) {
      return String.format(Locale.ROOT, "Not at %s: it needs %s, and even the largest catalogued Mac (%s) lets its "
          + "GPU use only %s by default.", quant, gb1(need), largest == null ? "none" : largest.device().name(),
          largest == null ? "0 GB" : gb1(largest.fit().usableMemory()));
    }
    DeviceFit smallest = macs.stream().min(Comparator.comparing(d -> d.fit().usableMemory())).orElseThrow();
    return String.format(Locale.ROOT, "Yes. At %s it needs %s, and %d catalogued Mac configurations can hold it, "
        + "down to %s (its GPU may use %s of %s by default; macOS lets the GPU use about 2/3 of memory below 64 GB "
        + "and 3/4 above, and `sudo sysctl iogpu.wired_limit_mb` raises that).", quant, gb1(need), macs.size(),
        smallest.device().name(), gb1(smallest.fit().usableMemory()), gb1(smallest.device().hardware().memory()));
  }

  private String local(Compatibility c) {
    long consumer = c.fitting().stream().filter(d -> d.device().hardwareClass() == HardwareClass.CONSUMER).count();
    Optional<DeviceFit> cheapest = c.fittingGpus().stream()
        .filter(d -> d.device().hardwareClass() == HardwareClass.CONSUMER)
        .min(Comparator.comparing(d -> d.fit().usableMemory()));
    Bytes need = at(quant).vram().total();
    if (consumer == 0) {
      return String.format(Locale.ROOT, "Not on consumer hardware at %s: it needs %s. Try a smaller quantization, "
          + "a shorter context, or a workstation or datacenter GPU.", quant, gb1(need));
    }
    return String.format(Locale.ROOT, "Yes — %s can run locally on consumer hardware. At %s it needs %s; %d "
        + "consumer GPUs and Macs in the catalog hold it%s. Popular tools include Ollama, LM Studio, and llama.cpp.",
        model.name(), quant, gb1(need), consumer,
        cheapest.map(d -> ", from the " + d.device().name() + " up").orElse(""));
  }

  private void related(Document doc) {
    List<ModelEntry> related = catalog.related(entry);
    doc.heading(2, "Related Models");
    if (related.isEmpty()) {
      doc.paragraph("None catalogued.");
      return;
    }
    List<String> items = new ArrayList<>();
    for (ModelEntry r : related) {
      String relation = entry.baseModel().filter(r.id()::equals).isPresent() ? " — base model" : "";
      items.add(r.name() + " (" + r.id() + ")" + relation);
    }
    doc.bullets(items);
  }

  /** The context as the seed page writes it: thousands of tokens, "131K" for 131,072. */
  private String contextK() {
    return fullContext >= 10_000 ? Math.round(fullContext / 1000.0) + "K"
        : String.format(Locale.ROOT, "%,d-token", fullContext);
  }

  static String size(long parameters) {
    double b = parameters / 1e9;
    if (b >= 1) {
      return Text.plain(b, 1) + "B";
    }
    return String.format(Locale.ROOT, "%.0fM", parameters / 1e6);
  }

  private static String gb1(Bytes b) {
    return b.format(ByteUnit.GB, 1);
  }

  private static String gb2(Bytes b) {
    return b.format(ByteUnit.GB, 2);
  }

}
