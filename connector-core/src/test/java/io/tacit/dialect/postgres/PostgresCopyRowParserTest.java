package io.tacit.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.jdbc.stats.FieldSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresCopyRowParserTest {
    @Test
    void parsesNullsEscapesAndRowsSplitAcrossWrites() throws Exception {
        RecordingSink sink = new RecordingSink(3);
        PostgresCopy.RowParser parser = new PostgresCopy.RowParser(sink);
        byte[] copy = ("1\ta\\tb\tAB  \n"
                + "-20\t\\N\tAB  \n"
                + "3\tback\\\\slash\\nnew line\t\\N\n"
                + "3\tcaf\u00e9 \\303\\251\tX   \n"
                + "4\t\\x41\\101\\b\\f\\r\\v\tq\n").getBytes(StandardCharsets.UTF_8);

        // the driver may hand over any chunks: feed three bytes at a time
        for (int i = 0; i < copy.length; i += 3) {
            parser.write(copy, i, Math.min(3, copy.length - i));
        }
        parser.finish();

        assertThat(parser.rows()).isEqualTo(5);
        assertThat(sink.fields.get(0)).containsExactly("1", "-20", "3", "3", "4");
        assertThat(sink.fields.get(1)).containsExactly("a\tb", null, "back\\slash\nnew line", "caf\u00e9 \u00e9",
                "AA\b\f\r\u000B");
        assertThat(sink.fields.get(2)).containsExactly("AB  ", "AB  ", null, "X   ", "q");
    }

    @Test
    void rejectsRowsOfTheWrongShape() {
        PostgresCopy.RowParser parser = new PostgresCopy.RowParser(new RecordingSink(1));

        assertThatThrownBy(() -> parser.write("1\t2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aRowCutShortAtTheEndIsAnError() throws Exception {
        PostgresCopy.RowParser parser = new PostgresCopy.RowParser(new RecordingSink(1));
        parser.write("1\n2".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(parser::finish).hasMessageContaining("ended inside a row");
    }

    /** Keeps every field as text (null for NULL), per field. */
    private static final class RecordingSink implements FieldSink {
        private final List<List<String>> fields = new ArrayList<>();

        private RecordingSink(int count) {
            for (int i = 0; i < count; i++) {
                fields.add(new ArrayList<>());
            }
        }

        @Override
        public int fields() {
            return fields.size();
        }

        @Override
        public void acceptNull(int field) {
            fields.get(field).add(null);
        }

        @Override
        public void acceptField(int field, byte[] text, int start, int end) {
            fields.get(field).add(new String(Arrays.copyOfRange(text, start, end), StandardCharsets.UTF_8));
        }
    }
}
