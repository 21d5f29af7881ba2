package io.tacit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path directory;

    private List<CsvReader.Record> read(String content) {
        List<CsvReader.Record> records = new ArrayList<>();
        try (CsvReader reader = CsvReader.open(Fixtures.write(directory, "t.csv", content))) {
            Optional<CsvReader.Record> next = reader.next();
            while (next.isPresent()) {
                records.add(next.get());
                next = reader.next();
            }
        }
        return records;
    }

    @Test
    void emptyUnquotedFieldIsNullAndQuotedEmptyIsEmptyString() {
        List<CsvReader.Record> records = read("a,b,c\n1,,\"\"\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).fields()).containsExactly("1", null, "");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndLinesAreCounted() {
        List<CsvReader.Record> records = read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",2\nlast,3");
        assertThat(records.get(1).fields()).containsExactly("x, y", "say \"hi\"");
        assertThat(records.get(2).fields()).containsExactly("two\nlines", "2");
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(3).line()).isEqualTo(5);
        assertThat(records.get(3).fields()).containsExactly("last", "3");
    }

    @Test
    void crLfLineEndsAreAccepted() {
        List<CsvReader.Record> records = read("a,b\r\n1,2\r\n");
        assertThat(records).extracting(CsvReader.Record::fields)
                .containsExactly(Arrays.asList("a", "b"), Arrays.asList("1", "2"));
    }

    @Test
    void unclosedQuoteNamesFileAndLine() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"open\n"))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("t.csv:3")
                .hasMessageContaining("never closed")
                .satisfies(e -> assertThat(((TacitException) e).kind()).isEqualTo(ErrorKind.CONFIG));
    }

    @Test
    void missingFileIsAConfigError() {
        assertThatThrownBy(() -> CsvReader.open(directory.resolve("absent.csv")))
                .isInstanceOf(TacitException.class)
                .hasMessageContaining("absent.csv does not exist");
    }
}
