package dev.headroom.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CsvTest {

  private static Csv read(String text) {
    return Csv.read(text, "t.csv", List.of("a"));
  }

  @Test
  void quotedFields_holdCommasQuotesAndNewlines() {
    Csv csv = read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",plain\n");
    assertThat(csv.size()).isEqualTo(2);
    assertThat(csv.get(0, "a")).isEqualTo("x, y");
    assertThat(csv.get(0, "b")).isEqualTo("say \"hi\"");
    assertThat(csv.get(1, "a")).isEqualTo("multi\nline");
    assertThat(csv.where(1)).isEqualTo("t.csv line 3");
    Csv after = read("a,b\n\"multi\nline\",plain\nz,w\n");
    assertThat(after.where(1)).as("a quoted newline counts as a line").isEqualTo("t.csv line 4");
  }

  @Test
  void fields_areStripped_andAQuoteInsideAnUnquotedFieldIsKept() {
    Csv csv = read("a,b\n  x  ,say \"hi\"\n\"\"\"\",\" \"\"q\"\"\" \n");
    assertThat(csv.get(0, "a")).isEqualTo("x");
    assertThat(csv.get(0, "b")).isEqualTo("say \"hi\"");
    assertThat(csv.get(1, "a")).isEqualTo("\"");
    assertThat(csv.get(1, "b")).isEqualTo("\"q\"");
  }

  @Test
  void aQuotedLineBreak_isPartOfTheField_andTheRowGoesOnAfterIt() {
    Csv csv = read("a,b,c\r\n\"x\r\ny\",z,\"1,2\"\r\nlast,,\n");
    assertThat(csv.size()).isEqualTo(2);
    assertThat(csv.get(0, "a")).isEqualTo("x\r\ny");
    assertThat(csv.get(0, "b")).isEqualTo("z");
    assertThat(csv.get(0, "c")).isEqualTo("1,2");
    assertThat(csv.get(1, "a")).isEqualTo("last");
    assertThat(csv.optional(1, "c")).isNull();
    assertThat(csv.where(1)).isEqualTo("t.csv line 4");
  }

  @Test
  void blankFields_areEmptyOrNull() {
    Csv csv = read("a,b\n, \n");
    assertThat(csv.get(0, "b")).isEmpty();
    assertThat(csv.optional(0, "a")).isNull();
    assertThat(csv.optional(0, "no-such-column")).isNull();
  }

  @Test
  void malformedTables_nameTheLine() {
    assertThatThrownBy(() -> read("a,b\n1,2,3\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.csv line 2 has 3 fields; the header has 2");
    assertThatThrownBy(() -> read("a\n\"open\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated");
    assertThatThrownBy(() -> read("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> read("b\n1\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'a'");
  }

  @Test
  void anIndexedTable_cutsARowWhenAsked_andReportsItsFieldCountThen() {
    Csv csv = Csv.index("a,b\nx,\"1,\n2\"\n\n  \n\"\"\ny,2,3\nz,\"q\"\"\"\n", "t.csv", List.of("a"));
    assertThat(csv.size()).as("blank records skipped, a quoted newline kept in its record").isEqualTo(3);
    assertThat(csv.get(1, "b")).as("the first fields of a row too long").isEqualTo("2");
    assertThatThrownBy(() -> csv.cutRow(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.csv line 7 has 3 fields; the header has 2");
    assertThat(csv.get(0, "b")).isEqualTo("1,\n2");
    assertThat(csv.get(2, "b")).isEqualTo("q\"");
    assertThat(csv.where(2)).isEqualTo("t.csv line 8");
  }

  @Test
  void aQuoteInsideAField_opensNoQuotedField_whenFindingRows() {
    Csv csv = Csv.index("a,b\n5\" screen,x\ny,\"z\"w\"v\n", "t.csv", List.of("a"));
    assertThat(csv.size()).isEqualTo(2);
    assertThat(csv.get(0, "a")).isEqualTo("5\" screen");
    assertThat(csv.get(1, "b")).isEqualTo("zw\"v");
    assertThatThrownBy(() -> Csv.index("a\nx\n\"open\n", "t.csv", List.of("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("t.csv line 3 has an unterminated quoted field");
  }
}
