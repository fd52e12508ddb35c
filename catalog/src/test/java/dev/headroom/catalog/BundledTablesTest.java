package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the built-in catalog reads its four tables: from its own jar when it has one, else through the class loader. */
final class BundledTablesTest {
  @TempDir
  Path dir;

  @Test
  void tablesIn_readsTheFourTablesFromAJar_inTheirOrder() throws IOException {
    File jar = jar("dev/headroom/catalog/", "m\n", "g\n", "u\n", "s\n");
    assertThat(CatalogFiles.tablesIn(jar)).containsExactly("m\n", "g\n", "u\n", "s\n");
  }

  @Test
  void tablesIn_aJarWithoutATable_namesTheMissingEntry() throws IOException {
    File elsewhere = jar("other/", "m\n", "g\n", "u\n", "s\n");
    assertThatThrownBy(() -> CatalogFiles.tablesIn(elsewhere)).isInstanceOf(IOException.class)
        .hasMessageContaining("has no dev/headroom/catalog/models.csv");
  }

  /** The tests run from a directory of classes, so the tables come through the class loader, unchanged. */
  @Test
  void bundledTables_outsideAJar_areTheClassLoadersResources() {
    List<String> tables = CatalogFiles.bundledTables();
    for (int i = 0; i < CatalogFiles.TABLES.size(); i++) {
      assertThat(tables.get(i)).isEqualTo(CatalogFiles.resource(CatalogFiles.TABLES.get(i)));
    }
  }

  /** The tables are decoded as ISO-8859-1, which equals UTF-8 only for ASCII: a non-ASCII byte would be garbled. */
  @Test
  void everyBundledTable_isAscii() throws IOException {
    for (String name : CatalogFiles.TABLES) {
      byte[] bytes;
      try (var in = CatalogFiles.class.getResourceAsStream(name)) {
        bytes = in.readAllBytes();
      }
      assertThat(CatalogFiles.resource(name)).as(name).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
      for (int i = 0; i < bytes.length; i++) {
        assertThat(bytes[i]).as("%s byte %d", name, i).isNotNegative();
      }
    }
  }

  private File jar(String folder, String... tables) throws IOException {
    Path jar = dir.resolve("tables.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < tables.length; i++) {
        zip.putNextEntry(new ZipEntry(folder + CatalogFiles.TABLES.get(i)));
        zip.write(tables[i].getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
      }
    }
    return jar.toFile();
  }
}
