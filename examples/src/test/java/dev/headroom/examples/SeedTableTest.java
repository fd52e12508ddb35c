package dev.headroom.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class SeedTableTest {

  @Test
  void print_seedMethod_reproducesTheSeedRows_andExactShowsTheRealFileSizes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SeedTable.print(SeedTable.r1DistillQwen15b(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    String seed = out.substring(0, out.indexOf("(exact method)"));
    String exact = out.substring(out.indexOf("(exact method)"));
    assertThat(seed).contains("| Q4_K_M | 4.80 | 1.3 GB | 5.0 GB | 0.90 GB | 4-bit medium quantization — most "
        + "popular sweet spot |")
        .contains("| IQ2_XXS | 2.20 | 0.8 GB | 4.5 GB | 0.41 GB |")
        .contains("| Q8_0 | 8.00 | 1.9 GB | 5.6 GB | 1.50 GB |");
    assertThat(exact).contains("| Q4_K_M | 4.80 | 1.8 GB | 5.5 GB | 1.12 GB |");
    assertThat(out.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Quantization"))).hasSize(20);
  }
}
