package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.Estimator;
import dev.headroom.Hardware;
import dev.headroom.ModelSpec;
import dev.headroom.Offload;
import dev.headroom.Quantization;
import dev.headroom.QuantizationChoice;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The catalog and the estimator from many threads at once: every thread must get, byte for byte, the answers one
 * thread gets alone. The races that matter are on first use (the bundled catalog loaded lazily, each model's tensor
 * tables derived lazily, each estimator's memory computed once), so the tests start every thread behind one gate on
 * state nobody has touched yet.
 */
final class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int ROUNDS = 2;

  /** Catalog lookups and every estimator question, as one text to compare between threads. */
  public static final class Workload implements Supplier<String> {
    @Override
    public String get() {
      Catalog catalog = Catalog.builtIn();
      List<Estimator> estimators = new ArrayList<>();
      for (String id : MODELS) {
        estimators.add(Estimator.of(catalog.model(id).spec()).context(8192));
      }
      return lookups(catalog) + questions(catalog, estimators);
    }
  }

  /** A dense model, a mixture of experts, latent attention and sliding windows. */
  private static final List<String> MODELS = List.of("deepseek-r1:1.5b", "qwen3-30b-a3b", "deepseek-v3",
      "gemma-3-27b-it");

  private static String lookups(Catalog catalog) {
    StringBuilder out = new StringBuilder();
    out.append(catalog.models().size()).append(catalog.devices().size());
    out.append(catalog.findModel("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B")).append(catalog.searchModels("qwen3"));
    out.append(catalog.suggestModels("lama 3 8b", 3)).append(catalog.device("rtx 4090"));
    out.append(catalog.searchDevices("m3 max")).append(catalog.suggestDevices("rtx 40900", 3));
    out.append(catalog.related(catalog.model("deepseek-r1:1.5b")));
    out.append(Catalog.builder().addBuiltIn().build().models().size());
    return out.toString();
  }

  private static String questions(Catalog catalog, List<Estimator> estimators) {
    Hardware gpu = catalog.device("rtx 4090").hardware();
    Hardware mac = catalog.device("m3 max 128gb").hardware();
    Hardware host = Hardware.parse("kind=cpu,vendor=amd,memory_gib=128,bandwidth_gbps=83,fp32_tflops=2");
    StringBuilder out = new StringBuilder();
    for (Estimator e : estimators) {
      for (Hardware h : List.of(gpu, mac)) {
        out.append(e.vram()).append(e.fit(h)).append(e.decode(h)).append(e.prefill(h, 4096));
        out.append(e.place(h, host, Offload.LAYERS)).append(e.place(h, host, Offload.EXPERTS));
        out.append(e.bestQuantization(h, QuantizationChoice.BEST_BALANCE));
        out.append(e.bestQuantization(h, QuantizationChoice.HIGHEST_QUALITY));
        out.append(e.longestContext(h)).append(e.maxParallel(h)).append(e.quant(Quantization.Q8_0).fileSize());
      }
    }
    out.append(catalog.compatibility(estimators.get(0)).fitting());
    out.append(catalog.smallestDevice(estimators.get(1), 50));
    out.append(catalog.modelsFor(gpu, 8192, QuantizationChoice.BEST_BALANCE));
    return out.toString();
  }

  /** Runs {@code task} on {@link #THREADS} threads released at once, {@link #ROUNDS} times each. */
  private static List<String> race(Function<Integer, String> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Callable<List<String>> worker = () -> {
          ready.countDown();
          gate.await();
          List<String> answers = new ArrayList<>();
          for (int round = 0; round < ROUNDS; round++) {
            answers.add(task.apply(round));
          }
          return answers;
        };
        futures.add(pool.submit(worker));
      }
      ready.await();
      gate.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        all.addAll(f.get(5, TimeUnit.MINUTES));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The first use of everything, raced: core and catalog are loaded again by a class loader of their own, so the
   * bundled catalog, the models' tables and every lazy figure start uninitialised however many tests ran before.
   */
  @Test
  void firstUse_racedByManyThreads_givesTheSingleThreadedAnswers() throws Exception {
    String expected = new Workload().get();
    URL[] classes = {location(Estimator.class), location(Catalog.class), location(ConcurrencyTest.class)};
    try (URLClassLoader fresh = new Isolated(classes)) {
      @SuppressWarnings("unchecked")
      Supplier<String> workload = (Supplier<String>) fresh.loadClass(Workload.class.getName())
          .getConstructor().newInstance();
      assertThat(workload.getClass().getClassLoader()).isSameAs(fresh);
      List<String> answers = race(round -> workload.get());
      assertThat(answers).hasSize(THREADS * ROUNDS).allSatisfy(a -> assertThat(a).isEqualTo(expected));
    }
  }

  /**
   * Estimators shared between threads, each question asked of the same instances at once: the lazily computed
   * memory and tensor tables must be published whole. The specs are rebuilt so that their tables start empty.
   */
  @Test
  void sharedEstimators_queriedByManyThreads_giveTheSingleThreadedAnswers() throws Exception {
    Catalog catalog = Catalog.builtIn();
    String expected = questions(catalog, fresh(catalog));
    List<List<Estimator>> shared = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      shared.add(fresh(catalog));
    }
    List<String> answers = race(round -> questions(catalog, shared.get(round)));
    assertThat(answers).hasSize(THREADS * ROUNDS).allSatisfy(a -> assertThat(a).isEqualTo(expected));
  }

  /** Estimators nobody has asked anything yet, on copies of the specs whose tables are not derived yet. */
  private static List<Estimator> fresh(Catalog catalog) {
    List<Estimator> out = new ArrayList<>();
    for (String id : MODELS) {
      ModelSpec copy = catalog.model(id).spec().toBuilder().build();
      out.add(Estimator.of(copy).context(8192));
    }
    return out;
  }

  /**
   * Loads Headroom's classes itself, child first, and the rest from the JDK: the JDK's loaders would otherwise
   * hand back the classes the test already loaded, from the module they know.
   */
  private static final class Isolated extends URLClassLoader {
    Isolated(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.headroom.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = findClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
