package dev.headroom;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Splits one estimate's parts between GPUs and host memory; see {@link Estimator#place}. */
final class Placer {
  private final Estimator estimator;
  private final ModelParts parts;
  /** llama.cpp's KV cache, compute buffer (each GPU's) and output buffer, as the estimator sized them. */
  private final long kvBytes;
  private final long computeBytes;
  private final long outputBytes;
  private final Hardware gpu;
  private final @Nullable Hardware host;
  private final Offload offload;
  private final int layers;
  /** One of the GPUs, and what a model may occupy on it. */
  private final Hardware oneGpu;
  private final Bytes oneGpuUsable;

  Placer(Estimator estimator, ModelParts parts, MemoryEstimate memory, Hardware gpu, @Nullable Hardware host,
      Offload offload) {
    this.estimator = estimator;
    this.parts = parts;
    this.kvBytes = memory.kvCache().bytes();
    this.computeBytes = memory.compute().bytes();
    this.outputBytes = memory.output().bytes();
    this.gpu = gpu;
    this.host = host;
    this.offload = offload;
    this.layers = parts.layers.length;
    this.oneGpu = gpu.count() == 1 ? gpu : gpu.times(1);
    this.oneGpuUsable = oneGpu.usableMemory();
  }

  Placement place() {
    int offloaded = estimator.runtime().offloadedLayers(layers);
    boolean experts = offload == Offload.EXPERTS && estimator.model().architecture().moe() != null;
    int n;
    int onHost = 0;
    if (host == null) {
      n = layers + 1;
    } else if (experts) {
      n = offloaded;
      while (onHost < layers && !gpuFits(n, onHost)) {
        onHost++;
      }
    } else if (estimator.runtime().gpuLayers() >= 0) {
      n = offloaded;
    } else {
      n = layers + 1;
      while (n > 0 && !gpuFits(n, 0)) {
        n--;
      }
    }
    return build(n, onHost);
  }

  /** The first layer index on the GPUs when they run {@code n} layers (the last ones). */
  private int firstGpuLayer(int n) {
    return layers - Math.min(n, layers);
  }

  private boolean gpuFits(int n, int expertLayersOnHost) {
    return gpuLoad(n, expertLayersOnHost, 0).fits();
  }

  /** Bytes of weights on all GPUs together. */
  private long gpuWeights(int n, int expertLayersOnHost) {
    long w = 0;
    for (int i = firstGpuLayer(n); i < layers; i++) {
      w += parts.layers[i] - (i < expertLayersOnHost ? parts.experts[i] : 0);
    }
    if (n > layers) {
      w += parts.output;
    }
    if (host == null && gpu.kind() == HardwareKind.UNIFIED) {
      w += parts.input;
    }
    return w;
  }

  /** One GPU's load: an even share of the GPUs' part; {@code index} picks which share gets the remainder layers. */
  private DeviceLoad gpuLoad(int n, int expertLayersOnHost, int index) {
    int g = gpu.count();
    int gpuLayers = Math.min(n, layers);
    int share = gpuLayers / g + (index < gpuLayers % g ? 1 : 0);
    long weights = gpuWeights(n, expertLayersOnHost) / g;
    long kv = Math.round(kvBytes * (double) gpuLayers / layers / g);
    boolean used = n > 0 || expertLayersOnHost > 0;
    long own = used ? computeBytes + estimator.runtimeReserve().bytes() : 0;
    if (host == null) {
      own += outputBytes / g;
    }
    return new DeviceLoad(oneGpu, share, Bytes.ofBytes(weights), Bytes.ofBytes(kv), Bytes.ofBytes(own),
        oneGpuUsable);
  }

  private Placement build(int n, int expertLayersOnHost) {
    List<DeviceLoad> devices = new ArrayList<>();
    for (int i = 0; i < gpu.count(); i++) {
      devices.add(gpuLoad(n, expertLayersOnHost, i));
    }
    int hostLayers = layers - Math.min(n, layers);
    long hostWeights = 0;
    for (int i = 0; i < hostLayers; i++) {
      hostWeights += parts.layers[i];
    }
    for (int i = hostLayers; i < expertLayersOnHost; i++) {
      hostWeights += parts.experts[i];
    }
    if (n <= layers) {
      hostWeights += parts.output;
    }
    Hardware h = host;
    if (h != null) {
      hostWeights += parts.input;
      long kv = Math.round(kvBytes * (double) hostLayers / layers);
      long own = outputBytes + Math.round(computeBytes * (double) hostLayers / layers);
      devices.add(new DeviceLoad(h, hostLayers, Bytes.ofBytes(hostWeights), Bytes.ofBytes(kv), Bytes.ofBytes(own),
          h.usableMemory()));
    }
    return new Placement(devices, Math.min(n, layers), expertLayersOnHost, offload, decode(n, expertLayersOnHost));
  }

  /** Decode with each device's share of the bytes read: the weights of its layers and the KV cache they hold. */
  private DecodeSpeed decode(int n, int expertLayersOnHost) {
    int first = firstGpuLayer(n);
    long gpuRead = 0;
    long hostRead = 0;
    for (int i = 0; i < layers; i++) {
      long activeExperts = parts.experts[i] - (parts.layers[i] - parts.activeLayers[i]);
      if (i < first) {
        hostRead += parts.activeLayers[i];
      } else if (i < expertLayersOnHost) {
        hostRead += activeExperts;
        gpuRead += parts.activeLayers[i] - activeExperts;
      } else {
        gpuRead += parts.activeLayers[i];
      }
    }
    if (n > layers) {
      gpuRead += parts.output;
    } else {
      hostRead += parts.output;
    }
    // One row of untied token embeddings, read where the table is (tied ones are read whole, as the output head).
    Architecture a = estimator.model().architecture();
    long inputRow = a.tiedEmbeddings() ? 0 : parts.input / a.vocabSize();
    if (host != null) {
      hostRead += inputRow;
    } else {
      gpuRead += inputRow;
    }
    long kv = estimator.kvReadPerToken();
    long hostKv = Math.round(kv * (double) first / layers);
    gpuRead += kv - hostKv;
    hostRead += hostKv;
    return estimator.decode(gpu, gpuRead, host, hostRead);
  }
}
