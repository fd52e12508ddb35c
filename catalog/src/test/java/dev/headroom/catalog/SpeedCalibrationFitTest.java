package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.Backend;
import dev.headroom.Bytes;
import dev.headroom.DecodeSpeed;
import dev.headroom.EstimationMethod;
import dev.headroom.Estimator;
import dev.headroom.Hardware;
import dev.headroom.LlamaCppRuntime;
import dev.headroom.ModelSpec;
import dev.headroom.PrefillSpeed;
import dev.headroom.Quantization;
import dev.headroom.SpeedCalibration;
import dev.headroom.Vendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Recomputes the speed model's constants from the measurements and checks they are the ones in
 * {@link SpeedCalibration}; checks the accuracy the README states. Training data: ground-truth/measured-throughput.csv
 * (llama-bench tg/pp on Apple, CUDA, ROCm, Vulkan and CPU) and the decode rows of ground-truth/llamacpp-buffers.csv
 * (this 2-core machine: 34.2 GB/s with one thread, 65.6 GB/s with two). Constants are fitted per backend class, never
 * per device: for each class the coefficients minimising the mean absolute percentage error of the predicted speed,
 * by iteratively reweighted non-negative least squares (deterministic, so the constants in the code can be checked
 * exactly). The prefill cost of super-block weights is one figure for every class, the one that minimises the error
 * of the CUDA rows (the only ones with k-quant models), searched in steps of 0.05.
 *
 * <p>Run with {@code -Dheadroom.report=true} to print the fitted constants, per-class errors and the rows left out.
 */
final class SpeedCalibrationFitTest {
  private static final Catalog CATALOG = Catalog.builtIn();
  private static final Pattern COUNT = Pattern.compile("^(.*?)\\s{2,}(\\d+)$");
  private static final Pattern NUMBER = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)");

  /** The copy core's buffer tests read (Surefire runs in the module directory; catalog builds after core). */
  private static final String CORE_BUFFERS = read(Path.of("../core/src/test/resources/dev/headroom/ground-truth/"
      + "llamacpp-buffers.csv"));

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One measurement with everything the model needs. */
  record Sample(String what, Backend backend, Hardware hardware, Estimator estimator, boolean decode, int tokens,
      double measured) {}

  static List<Sample> samples(List<String> skipped) {
    List<Sample> out = new ArrayList<>();
    Csv csv = Csv.read(TestFiles.text("ground-truth/measured-throughput.csv"),
        "measured-throughput.csv", List.of("hardware", "backend", "model", "quant", "test", "tokens_per_s"));
    for (int r = 0; r < csv.size(); r++) {
      String hw = csv.get(r, "hardware");
      String test = csv.get(r, "test");
      String what = hw + " | " + csv.get(r, "backend") + " | " + csv.get(r, "model") + " " + csv.get(r, "quant")
          + " | " + test;
      Backend backend = backend(csv.get(r, "backend"));
      ModelSpec model = model(csv.get(r, "model"));
      Quantization quant = quant(csv.get(r, "quant"));
      Hardware hardware = hardware(hw, csv.get(r, "memory_bandwidth_gbps"), backend);
      if (backend == null || model == null || quant == null || hardware == null) {
        skipped.add(what + " (no catalogued " + (hardware == null ? "device" : model == null ? "model" : "quant")
            + ")");
        continue;
      }
      boolean decode = test.startsWith("tg");
      Matcher n = Pattern.compile("^(tg|pp)(\\d+)").matcher(test);
      n.find();
      int tokens = Integer.parseInt(n.group(2));
      // llama-bench generates from an empty cache: the average depth of tgN is N/2.
      Estimator e = Estimator.of(model).quant(quant).context(decode ? Math.max(1, tokens / 2) : tokens)
          .runtime(LlamaCppRuntime.defaults().withBackend(backend));
      out.add(new Sample(what, backend, hardware, e, decode, tokens, Double.parseDouble(csv.get(r, "tokens_per_s"))));
    }
    Csv cpu = Csv.read(CORE_BUFFERS, "llamacpp-buffers.csv", List.of("model", "mode", "threads", "decode_tok_s"));
    for (int r = 0; r < cpu.size(); r++) {
      if (!cpu.get(r, "mode").equals("decode")) {
        continue;
      }
      String name = cpu.get(r, "model");
      ModelSpec model = CATALOG.model(name.startsWith("r1") ? "deepseek-r1-distill-qwen-1.5b" : "qwen2.5-0.5b-instruct")
          .spec();
      Quantization quant = Quantization.parse(name.substring(name.lastIndexOf('-') + 1));
      double bandwidth = cpu.get(r, "threads").equals("1") ? 34.2 : 65.6;
      Hardware machine = Hardware.cpu("2-core x86 VM", Vendor.AMD, Bytes.ofGibibytes(24), bandwidth);
      Estimator e = Estimator.of(model).quant(quant).context(16)
          .runtime(LlamaCppRuntime.defaults().withBackend(Backend.CPU));
      out.add(new Sample(name + " | CPU " + cpu.get(r, "threads") + " threads", Backend.CPU, machine, e, true, 4,
          Double.parseDouble(cpu.get(r, "decode_tok_s"))));
    }
    return out;
  }

  private static Backend backend(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("cuda")) {
      return Backend.CUDA;
    }
    if (n.contains("metal")) {
      return Backend.METAL;
    }
    if (n.startsWith("rocm") || n.startsWith("hip")) {
      return Backend.ROCM;
    }
    if (n.startsWith("vulkan")) {
      return Backend.VULKAN;
    }
    return n.equals("cpu") ? Backend.CPU : null;
  }

  private static ModelSpec model(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String id = n.contains("2 7b") ? "llama-2-7b-chat" : n.contains("3 8b") ? "llama-3-8b-instruct"
        : n.contains("3 70b") ? "llama-3-70b-instruct" : n.contains("3.1 8b") ? "llama-3.1-8b-instruct"
        : n.contains("gpt-oss-20b") ? "gpt-oss-20b" : null;
    return id == null ? null : CATALOG.model(id).spec();
  }

  private static Quantization quant(String name) {
    if (name.startsWith("MXFP4")) {
      return Quantization.MXFP4_MOE;
    }
    try {
      return Quantization.parse(name.split(" ")[0]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The catalogued device (times N for "3090 24GB  6"), with the row's own bandwidth when it gives one. */
  private static Hardware hardware(String name, String bandwidth, Backend backend) {
    Matcher m = COUNT.matcher(name);
    String device = m.matches() ? m.group(1) : name;
    int count = m.matches() ? Integer.parseInt(m.group(2)) : 1;
    if (backend == Backend.CPU) {
      Matcher b = NUMBER.matcher(bandwidth);
      return b.find() ? Hardware.cpu(device, Vendor.AMD, Bytes.ofGibibytes(128), Double.parseDouble(b.group(1)))
          : null;
    }
    HardwareEntry entry = CATALOG.findDevice(device.replace("(Vulkan)", "").replace("Nvidia ", "")).orElse(null);
    if (entry == null) {
      return null;
    }
    Hardware h = entry.hardware();
    Matcher b = NUMBER.matcher(bandwidth);
    if (b.find()) {
      Hardware given = Hardware.of(h.name(), h.kind(), h.vendor(), h.memory(), Double.parseDouble(b.group(1)));
      if (h.fp16Tflops().isPresent()) {
        given = given.withFp16Tflops(h.fp16Tflops().getAsDouble());
      }
      h = h.fp32Tflops().isPresent() ? given.withFp32Tflops(h.fp32Tflops().getAsDouble()) : given;
    }
    return count > 1 ? h.times(count) : h;
  }

  /** A calibration whose decode terms read off the model's raw quantities: all shares 1, no fixed costs. */
  private static final SpeedCalibration UNIT = new SpeedCalibration(Backend.CUDA, 1, 1, 0, 0, 0, 1, 1, 0, 1);
  /** The prefill costs of super-block weights searched: 1 to 3 in steps of 0.05. */
  private static final int SUPER_BLOCK_STEPS = 40;
  private static final String VULKAN_ON_APPLE = "VULKAN on Apple";

  /**
   * The regressors of one decode row, in seconds per token: bytes ÷ bandwidth, FLOPs ÷ FP32 throughput (0 when
   * unknown), 1 ms, and 1 ms per extra device; the model is their dot product with (1/efficiency,
   * 1/computeUtilization, overhead ms, hop ms).
   */
  static double[] decodeTerms(Sample s) {
    DecodeSpeed unit = s.estimator().speedCalibration(UNIT).decode(s.hardware());
    return new double[] {unit.memoryMillis() / 1000, unit.computeMillis() / 1000, 1e-3,
        (s.hardware().count() - 1) * 1e-3};
  }

  /**
   * The regressors of one prefill row, in seconds per prompt: FLOPs ÷ FP16 throughput and FLOPs ÷ FP32 throughput,
   * both through the pipeline factor and with super-block weights at {@code superBlockCost}; then the weights' reads
   * at the class's efficiency, a fixed part. The first two are separated by solving two predictions that price one
   * kind of unit 100 times cheaper.
   */
  static double[] prefillTerms(Sample s, double efficiency, double superBlockCost) {
    double big = 100;
    PrefillSpeed matrix = prefill(s, new SpeedCalibration(Backend.CUDA, 1, 1, 0, 0, 0, 1, big, 0, superBlockCost));
    PrefillSpeed vector = prefill(s, new SpeedCalibration(Backend.CUDA, 1, 1, 0, 0, 0, big, 1, 0, superBlockCost));
    double x1 = (matrix.computeSeconds() - vector.computeSeconds() / big) / (1 - 1 / (big * big));
    double x2 = (vector.computeSeconds() - matrix.computeSeconds() / big) / (1 - 1 / (big * big));
    return new double[] {x1, x2, matrix.memorySeconds() / efficiency};
  }

  private static PrefillSpeed prefill(Sample s, SpeedCalibration cal) {
    return s.estimator().speedCalibration(cal).prefill(s.hardware(), s.tokens()).orElseThrow();
  }

  /**
   * The coefficients β ≥ lower minimising the speed's mean absolute percentage error Σ |t / p − 1| with the
   * predicted time p = offset + x·β, by iteratively reweighted least squares: each step minimises
   * Σ((offset + x·β − t) / s)² with s = p' · √(|t − p'| / t) at the previous prediction p', whose stationary point
   * is the percentage error's. Each step is exact: the best of the unconstrained fits on every subset of free
   * coefficients that stays within bounds. Coefficients whose column is all zero stay at {@code fallback}.
   */
  static double[] fitPercentageError(List<double[]> x, double[] offset, double[] t, double[] lower,
      double[] fallback) {
    double[] scale = t.clone();
    double[] beta = lower;
    for (int iteration = 0; iteration < 200; iteration++) {
      beta = fitRelative(x, offset, t, scale, lower, fallback);
      for (int i = 0; i < t.length; i++) {
        double pred = predicted(x.get(i), offset[i], beta);
        scale[i] = pred * Math.sqrt(Math.max(Math.abs(t[i] - pred), 1e-6 * t[i]) / t[i]);
      }
    }
    return beta;
  }

  private static double predicted(double[] x, double offset, double[] beta) {
    double pred = offset;
    for (int j = 0; j < beta.length; j++) {
      pred += x[j] * beta[j];
    }
    return pred;
  }

  private static double percentageError(List<double[]> x, double[] offset, double[] t, double[] beta) {
    double sum = 0;
    for (int i = 0; i < t.length; i++) {
      sum += Math.abs(t[i] / predicted(x.get(i), offset[i], beta) - 1);
    }
    return sum;
  }

  private static double[] fitRelative(List<double[]> x, double[] offset, double[] t, double[] scale, double[] lower,
      double[] fallback) {
    int p = lower.length;
    double[] best = null;
    double bestLoss = Double.MAX_VALUE;
    for (int mask = 0; mask < 1 << p; mask++) {
      double[] beta = lower.clone();
      boolean usable = true;
      int m = Integer.bitCount(mask);
      double[][] a = new double[m][m + 1];
      int[] cols = new int[m];
      for (int j = 0, c = 0; j < p; j++) {
        if ((mask & 1 << j) != 0) {
          cols[c++] = j;
        }
      }
      for (int i = 0; i < t.length; i++) {
        double w = 1 / (scale[i] * scale[i]);
        double r = t[i] - offset[i];
        for (int j = 0; j < p; j++) {
          r -= x.get(i)[j] * lower[j];
        }
        for (int u = 0; u < m; u++) {
          for (int v = 0; v < m; v++) {
            a[u][v] += w * x.get(i)[cols[u]] * x.get(i)[cols[v]];
          }
          a[u][m] += w * x.get(i)[cols[u]] * r;
        }
      }
      double[] g = solve(a);
      if (g == null) {
        continue;
      }
      for (int u = 0; u < m; u++) {
        if (g[u] < 0) {
          usable = false;
        }
        beta[cols[u]] += g[u];
      }
      if (!usable) {
        continue;
      }
      double loss = 0;
      for (int i = 0; i < t.length; i++) {
        double pred = offset[i];
        for (int j = 0; j < p; j++) {
          pred += x.get(i)[j] * beta[j];
        }
        loss += Math.pow((pred - t[i]) / scale[i], 2);
      }
      if (loss < bestLoss - 1e-15) {
        bestLoss = loss;
        best = beta;
      }
    }
    double[] out = best == null ? lower.clone() : best;
    for (int j = 0; j < p; j++) {
      final int col = j;
      if (x.stream().allMatch(r -> r[col] == 0)) {
        out[j] = fallback[j];
      }
    }
    return out;
  }

  /** Gauss-Jordan elimination of an augmented matrix; null when singular. */
  private static double[] solve(double[][] a) {
    int n = a.length;
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][c]) < 1e-300) {
        return null;
      }
      double[] tmp = a[c];
      a[c] = a[pivot];
      a[pivot] = tmp;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = c; k <= n; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = a[i][n] / a[i][i];
    }
    return g;
  }

  /** The 80th percentile by nearest rank (the ⌈0.8 n⌉-th smallest), rounded up to a whole percent. */
  private static double band(List<Double> errors) {
    List<Double> sorted = new ArrayList<>(errors);
    sorted.sort(Double::compare);
    return sorted.isEmpty() ? 0 : Math.ceil(sorted.get((int) Math.ceil(0.8 * sorted.size()) - 1) * 100) / 100;
  }

  private static double mean(List<Double> errors) {
    return errors.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /** The class of fitted constants a row belongs to: its backend, with Apple GPUs under Vulkan apart. */
  static String group(Sample s) {
    return s.backend() == Backend.VULKAN && s.hardware().vendor() == Vendor.APPLE ? VULKAN_ON_APPLE
        : s.backend().name();
  }

  /**
   * The constants the data gives, per backend class, and the report of their errors. Apple GPUs under Vulkan have
   * three decode rows, too few for three coefficients: they take Vulkan's share of FP32 and fixed cost and fit only
   * their share of the bandwidth.
   */
  static Map<String, SpeedCalibration> fit(List<Sample> all, StringBuilder report) {
    Map<String, SpeedCalibration> fitted = new LinkedHashMap<>();
    // Only CUDA rows span several devices and have k-quant models: the hop and the super-block cost they give apply
    // to every backend.
    double hop = Double.NaN;
    double superBlockCost = Double.NaN;
    for (String c : List.of("CUDA", "METAL", "ROCM", "VULKAN", VULKAN_ON_APPLE, "CPU")) {
      Backend b = c.equals(VULKAN_ON_APPLE) ? Backend.VULKAN : Backend.valueOf(c);
      List<Sample> decode = all.stream().filter(s -> group(s).equals(c) && s.decode()).toList();
      List<double[]> x = decode.stream().map(SpeedCalibrationFitTest::decodeTerms).toList();
      double[] t = decode.stream().mapToDouble(s -> 1 / s.measured()).toArray();
      double[] d = c.equals(VULKAN_ON_APPLE) ? fitBandwidthOnly(x, t, fitted.get("VULKAN"))
          : fitPercentageError(x, new double[t.length], t, new double[] {1, 0.01, 0, Double.isNaN(hop) ? 0 : hop},
              new double[] {1, 1, 0, Double.isNaN(hop) ? 0 : hop});
      if (Double.isNaN(hop)) {
        hop = round(d[3], 2);
      } else {
        d[3] = hop;
      }
      double efficiency = round(1 / d[0], 3);
      List<Sample> prefill = all.stream().filter(s -> group(s).equals(c) && !s.decode() && computeKnown(s)).toList();
      if (Double.isNaN(superBlockCost)) {
        superBlockCost = bestSuperBlockCost(prefill, efficiency);
      }
      double[] p = fitPrefill(prefill, efficiency, superBlockCost);
      SpeedCalibration rough = new SpeedCalibration(b, efficiency, round(1 / d[1], 3), round(d[2], 2), hop, 0,
          round(1 / p[0], 3), round(1 / p[1], 3), 0, superBlockCost);
      List<Double> dErr = errors(decode, rough, true);
      List<Double> pErr = errors(prefill, rough, false);
      fitted.put(c, new SpeedCalibration(b, rough.efficiency(), rough.computeUtilization(), rough.overheadMillis(),
          hop, band(dErr), rough.prefillUtilization(), rough.prefillVectorUtilization(), band(pErr), superBlockCost));
      report.append(String.format(Locale.ROOT, "%s: decode n=%d MAPE %.1f%% | prefill n=%d MAPE %.1f%%%n", c,
          decode.size(), 100 * mean(dErr), prefill.size(), 100 * mean(pErr)));
    }
    return fitted;
  }

  /**
   * The decode coefficients of rows that share {@code like}'s share of FP32, fixed cost and hop and fit only their
   * own 1 / efficiency.
   */
  private static double[] fitBandwidthOnly(List<double[]> x, double[] t, SpeedCalibration like) {
    double[] fixed = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      double[] r = x.get(i);
      fixed[i] = r[1] / like.computeUtilization() + r[2] * like.overheadMillis() + r[3] * like.hopMillis();
    }
    double[] memory = fitPercentageError(x.stream().map(r -> new double[] {r[0]}).toList(), fixed, t,
        new double[] {1}, new double[] {1});
    return new double[] {memory[0], 1 / like.computeUtilization(), like.overheadMillis(), like.hopMillis()};
  }

  /** The prefill coefficients (1 / utilization of the matrix and of the vector units) of one class's rows. */
  private static double[] fitPrefill(List<Sample> rows, double efficiency, double superBlockCost) {
    List<double[]> terms = rows.stream().map(s -> prefillTerms(s, efficiency, superBlockCost)).toList();
    List<double[]> x = terms.stream().map(r -> new double[] {r[0], r[1]}).toList();
    double[] t = rows.stream().mapToDouble(s -> s.tokens() / s.measured()).toArray();
    double[] fixed = terms.stream().mapToDouble(r -> r[2]).toArray();
    return fitPercentageError(x, fixed, t, new double[] {0.01, 0.01}, new double[] {1, 1});
  }

  /** The super-block cost, 1 to 3 in steps of 0.05, whose prefill fit has the least percentage error on the rows. */
  private static double bestSuperBlockCost(List<Sample> rows, double efficiency) {
    double[] t = rows.stream().mapToDouble(s -> s.tokens() / s.measured()).toArray();
    double best = 1;
    double bestError = Double.MAX_VALUE;
    for (int step = 0; step <= SUPER_BLOCK_STEPS; step++) {
      double cost = round(1 + step * 0.05, 2);
      List<double[]> terms = rows.stream().map(s -> prefillTerms(s, efficiency, cost)).toList();
      List<double[]> x = terms.stream().map(r -> new double[] {r[0], r[1]}).toList();
      double[] fixed = terms.stream().mapToDouble(r -> r[2]).toArray();
      double error = percentageError(x, fixed, t, fitPrefill(rows, efficiency, cost));
      if (error < bestError - 1e-12) {
        bestError = error;
        best = cost;
      }
    }
    return best;
  }

  private static boolean computeKnown(Sample s) {
    return s.hardware().fp16Tflops().isPresent() || s.hardware().fp32Tflops().isPresent();
  }

  static List<Double> errors(List<Sample> rows, SpeedCalibration cal, boolean decode) {
    List<Double> out = new ArrayList<>();
    for (Sample s : rows) {
      Estimator e = s.estimator().speedCalibration(cal);
      double predicted = decode ? e.decode(s.hardware()).tokensPerSecond()
          : e.prefill(s.hardware(), s.tokens()).orElseThrow().tokensPerSecond();
      out.add(Math.abs(predicted / s.measured() - 1));
    }
    return out;
  }

  @Test
  void constantsInTheCode_areTheFit_andMeetTheAccuracyTargets() {
    List<String> skipped = new ArrayList<>();
    List<Sample> all = samples(skipped);
    StringBuilder report = new StringBuilder();
    Map<String, SpeedCalibration> fitted = fit(all, report);
    List<Double> decodeErrors = new ArrayList<>();
    List<Double> prefillErrors = new ArrayList<>();
    List<Double> seedErrors = new ArrayList<>();
    for (Sample s : all) {
      SpeedCalibration code = SpeedCalibration.of(s.hardware(), s.backend());
      if (s.decode()) {
        decodeErrors.addAll(errors(List.of(s), code, true));
        Estimator seed = s.estimator().method(EstimationMethod.SEED).context(Estimator.DEFAULT_CONTEXT);
        seedErrors.add(Math.abs(seed.decode(s.hardware()).tokensPerSecond() / s.measured() - 1));
      } else if (computeKnown(s)) {
        prefillErrors.addAll(errors(List.of(s), code, false));
      }
    }
    report.append(String.format(Locale.ROOT, "decode MAPE %.1f%% over %d rows (seed formula %.1f%%), prefill MAPE "
        + "%.1f%% over %d rows; %d rows left out%n", 100 * mean(decodeErrors), decodeErrors.size(),
        100 * mean(seedErrors), 100 * mean(prefillErrors), prefillErrors.size(), skipped.size()));
    if (Boolean.getBoolean("headroom.report")) {
      System.out.print(report);
      fitted.forEach((c, f) -> System.out.printf(Locale.ROOT, "    %s: new SpeedCalibration("
          + "Backend.%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)%n", c, f.backend(), f.efficiency(),
          f.computeUtilization(), f.overheadMillis(), f.hopMillis(), f.decodeBand(), f.prefillUtilization(),
          f.prefillVectorUtilization(), f.prefillBand(), f.superBlockPrefillCost()));
      skipped.forEach(s -> System.out.println("left out: " + s));
      for (Sample s : all) {
        if (s.decode() || computeKnown(s)) {
          double e = errors(List.of(s), fitted.get(group(s)), s.decode()).get(0);
          System.out.printf(Locale.ROOT, "%s %-100s measured %9.2f error %5.1f%%%n", s.decode() ? "tg" : "pp",
              s.what(), s.measured(), 100 * e);
        }
      }
    }
    for (Sample s : all) {
      assertThat(SpeedCalibration.of(s.hardware(), s.backend())).as(report.toString()).isEqualTo(fitted.get(group(s)));
    }
    for (Backend b : Backend.values()) {
      assertThat(SpeedCalibration.of(b)).as(report.toString()).isEqualTo(fitted.get(b.name()));
    }
    assertThat(mean(decodeErrors)).as(report.toString()).isLessThanOrEqualTo(0.15);
    assertThat(mean(prefillErrors)).as(report.toString()).isLessThanOrEqualTo(0.25);
    assertThat(mean(decodeErrors)).isLessThan(mean(seedErrors));
    assertThat(decodeErrors.size()).isGreaterThanOrEqualTo(150);
  }
}
