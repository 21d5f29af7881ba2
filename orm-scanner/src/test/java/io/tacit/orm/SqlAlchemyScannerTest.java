package io.tacit.orm;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlAlchemyScannerTest {
    @Test
    void readsClassicAndMappedDeclarativeTablesAndPrimaryJoinsAsTheGoldenFileSays() throws Exception {
        CodeSchema schema = new CodeScanner(Optional.of(Framework.SQLALCHEMY), JpaNaming.HIBERNATE)
                .scan(GoldenFiles.fixture("sqlalchemy"));

        GoldenFiles.assertMatches(schema.describe(), "sqlalchemy.txt");
    }
}
