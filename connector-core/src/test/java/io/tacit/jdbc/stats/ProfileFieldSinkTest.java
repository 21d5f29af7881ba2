package io.tacit.jdbc.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.jdbc.Dialect;
import io.tacit.model.Column;
import io.tacit.model.ColumnName;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DataType;
import io.tacit.model.DistinctCount;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields of a bulk scan (COPY text) reach the profiled columns as the result-set path's values would. */
class ProfileFieldSinkTest {
    private static final TableName TABLE = TableName.of("public", "t");
    /** A driver like PgJDBC: typed integers, text as its UTF-8 bytes. */
    private static final Dialect TYPED = new Dialect() {
        @Override
        public String name() {
            return "typed";
        }

        @Override
        public String quoteIdentifier(String identifier) {
            return "\"" + identifier + "\"";
        }

        @Override
        public boolean readsTypedIntegers() {
            return true;
        }

        @Override
        public boolean readsTextAsUtf8Bytes() {
            return true;
        }
    };

    @Test
    void integersTextAndBlankPaddedCharactersAreCountedAndNullsKept() throws Exception {
        ProfileColumn id = column("id", "int4", TypeFamily.INTEGER, 1);
        ProfileColumn text = column("name", "text", TypeFamily.STRING, 2);
        ProfileColumn code = column("code", "character(4)", TypeFamily.STRING, 3);
        List<ProfileColumn> columns = List.of(id, text, code);
        ProfileFieldSink sink = new ProfileFieldSink(columns, new DistinctBudget(1_000, columns));
        String[][] rows = {
            {"1", "a\tb", "AB  "},
            {"-20", null, "AB  "},
            {"3", "back\\slash\nnew line", null},
            {"3", "caf\u00e9 \u00e9", "X   "},
        };

        for (String[] row : rows) {
            for (int field = 0; field < row.length; field++) {
                if (row[field] == null) {
                    sink.acceptNull(field);
                } else {
                    byte[] bytes = ("#" + row[field]).getBytes(StandardCharsets.UTF_8);
                    sink.acceptField(field, bytes, 1, bytes.length);
                }
            }
        }

        assertThat(sink.fields()).isEqualTo(3);
        ColumnStatistics ids = id.finish(StatisticsOrigin.FULL, 4);
        assertThat(ids.values()).contains(List.of("-20", "1", "3"));
        assertThat(ids.min()).contains("-20");
        ColumnStatistics texts = text.finish(StatisticsOrigin.FULL, 4);
        assertThat(texts.nulls()).hasValue(1);
        assertThat(texts.values().orElseThrow())
                .containsExactly("a\tb", "back\\slash\nnew line", "caf\u00e9 \u00e9");
        ColumnStatistics codes = code.finish(StatisticsOrigin.FULL, 4);
        assertThat(codes.values()).contains(List.of("AB", "X"));
        assertThat(codes.distinct()).contains(DistinctCount.exact(2));
    }

    private static ProfileColumn column(String name, String nativeType, TypeFamily family, int index) {
        Column column = Column.of(name, index, DataType.of(nativeType, 0, family), true);
        return new ProfileColumn(new ColumnName(TABLE, name), column, index, TYPED, 12, 100, 0);
    }
}
