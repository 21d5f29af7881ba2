package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.model.TableName;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void picksTheDialectFromTheUrl() {
        assertThat(Dialects.forUrl("jdbc:postgresql://127.0.0.1/shop", TIMEOUT).name()).isEqualTo("postgresql");
        assertThat(Dialects.forUrl("jdbc:mariadb://127.0.0.1/shop", TIMEOUT).name()).isEqualTo("mariadb");
        assertThat(Dialects.forUrl("JDBC:MySQL://127.0.0.1/shop", TIMEOUT).name()).isEqualTo("mariadb");
        assertThat(Dialects.forUrl("jdbc:sqlite:/tmp/shop.db", TIMEOUT).name()).isEqualTo("sqlite");
        Dialect h2 = Dialects.forUrl("jdbc:h2:mem:shop", TIMEOUT);
        assertThat(h2.name()).isEqualTo("h2");
        assertThat(h2.isGeneric()).isTrue();
        assertThat(Dialects.forUrl("jdbc:postgresql://x/y", TIMEOUT).isGeneric()).isFalse();
        assertThat(Dialects.forUrl("jdbc:sqlite:x.db", TIMEOUT).statementTimeout()).isEqualTo(TIMEOUT);
    }

    @Test
    void rejectsWhatIsNoJdbcUrlWithoutShowingItsPassword() {
        assertThatThrownBy(() -> Dialects.forUrl("postgresql://u:hunter22@host/db?password=hunter22", TIMEOUT))
                .isInstanceOfSatisfying(TacitException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(error.oneLine()).contains("is not a JDBC URL").doesNotContain("hunter22");
                });
    }

    @Test
    void quotesEveryIdentifierDoublingTheQuoteCharacter() {
        Dialect postgres = Dialects.forUrl("jdbc:postgresql://h/d", TIMEOUT);
        Dialect sqlite = Dialects.forUrl("jdbc:sqlite:x.db", TIMEOUT);
        Dialect h2 = Dialects.forUrl("jdbc:h2:mem:x", TIMEOUT);
        Dialect mariadb = Dialects.forUrl("jdbc:mariadb://h/d", TIMEOUT);
        String hostile = "a\"; drop table x; --";
        assertThat(postgres.quoteIdentifier(hostile)).isEqualTo("\"a\"\"; drop table x; --\"");
        assertThat(sqlite.quoteIdentifier(hostile)).isEqualTo("\"a\"\"; drop table x; --\"");
        assertThat(h2.quoteIdentifier(hostile)).isEqualTo("\"a\"\"; drop table x; --\"");
        assertThat(mariadb.quoteIdentifier(hostile)).isEqualTo("`a\"; drop table x; --`");
        assertThat(mariadb.quoteIdentifier("we`ird")).isEqualTo("`we``ird`");
        assertThat(postgres.quoteIdentifier("plain")).isEqualTo("\"plain\"");
        assertThat(postgres.quote(TableName.of("sales", "order\"s"))).isEqualTo("\"sales\".\"order\"\"s\"");
        assertThatThrownBy(() -> postgres.quoteIdentifier("nul\0byte")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsSqlFromResourceFiles() {
        Dialect postgres = Dialects.forUrl("jdbc:postgresql://h/d", TIMEOUT);
        assertThat(postgres.sql("columns.sql")).contains("pg_catalog.pg_attribute");
        assertThat(Dialects.forUrl("jdbc:mariadb://h/d", TIMEOUT).sql("columns.sql")).contains("information_schema.COLUMNS");
        assertThat(Dialects.forUrl("jdbc:sqlite:x.db", TIMEOUT).sql("columns.sql")).contains("pragma_table_xinfo");
    }

    @Test
    void aDialectFactoryOnTheClassPathIsFoundWithoutAnyChangeHere() {
        Dialect plugin = Dialects.forUrl("jdbc:tacitplugin://h/d", TIMEOUT);

        assertThat(plugin.name()).isEqualTo("tacitplugin");
        assertThat(plugin.statementTimeout()).isEqualTo(TIMEOUT);
        assertThat(JdbcUrls.endpoint("jdbc:tacitplugin://db.example/shop")).isEqualTo("db.example:7777");
        assertThat(Dialects.urlPrefixes()).contains("jdbc:tacitplugin:", "jdbc:postgresql:", "jdbc:mariadb:",
                "jdbc:mysql:", "jdbc:sqlite:");
    }

    @Test
    void theHighestPriorityWinsAndTheGenericPathComesLast() {
        // the test plugin also claims jdbc:sqlite: at priority -1: the SQLite dialect (priority 0) keeps it
        assertThat(Dialects.forUrl("jdbc:sqlite:x.db", TIMEOUT).name()).isEqualTo("sqlite");
        List<DialectFactory> factories = Dialects.factories();
        assertThat(factories.get(factories.size() - 1).priority()).isEqualTo(DialectFactory.FALLBACK_PRIORITY);
        assertThat(factories).extracting(DialectFactory::priority).isSortedAccordingTo(Comparator.reverseOrder());
    }
}
