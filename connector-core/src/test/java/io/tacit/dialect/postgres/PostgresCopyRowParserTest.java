package io.tacit.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.jdbc.stats.DistinctBudget;
import io.tacit.jdbc.stats.ProfileColumn;
import io.tacit.model.Column;
import io.tacit.model.ColumnStatistics;
import io.tacit.model.DataType;
import io.tacit.model.DistinctCount;
import io.tacit.model.StatisticsOrigin;
import io.tacit.model.TableName;
import io.tacit.model.TypeFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresCopyRowParserTest {
    private static final TableName TABLE = TableName.of("public", "t");

    @Test
    void parsesNullsEscapesAndRowsSplitAcrossWrites() throws Exception {
        ProfileColumn id = column("id", "int4", TypeFamily.INTEGER, 1);
        ProfileColumn text = column("name", "text", TypeFamily.STRING, 2);
        ProfileColumn code = column("code", "character(4)", TypeFamily.STRING, 3);
        List<ProfileColumn> columns = List.of(id, text, code);
        PostgresCopy.RowParser parser = new PostgresCopy.RowParser(columns, new DistinctBudget(1_000, columns));
        byte[] copy = ("1\ta\\tb\tAB  \n"
                + "-20\t\\N\tAB  \n"
                + "3\tback\\\\slash\\nnew line\t\\N\n"
                + "3\tcaf\u00e9 \\303\\251\tX   \n").getBytes(StandardCharsets.UTF_8);

        // the driver may hand over any chunks: feed three bytes at a time
        for (int i = 0; i < copy.length; i += 3) {
            parser.write(copy, i, Math.min(3, copy.length - i));
        }
        parser.finish();

        assertThat(parser.rows()).isEqualTo(4);
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

    @Test
    void rejectsRowsOfTheWrongShape() {
        ProfileColumn id = column("id", "int4", TypeFamily.INTEGER, 1);
        PostgresCopy.RowParser parser = new PostgresCopy.RowParser(List.of(id), new DistinctBudget(10, List.of(id)));

        assertThatThrownBy(() -> parser.write("1\t2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    private static ProfileColumn column(String name, String nativeType, TypeFamily family, int index) {
        Column column = Column.of(name, index, DataType.of(nativeType, 0, family), true);
        return new ProfileColumn(new io.tacit.model.ColumnName(TABLE, name),
                column, index, "postgresql", 12, 100, 0);
    }
}
