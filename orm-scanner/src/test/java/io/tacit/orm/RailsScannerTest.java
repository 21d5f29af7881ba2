package io.tacit.orm;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RailsScannerTest {
    @Test
    void readsSchemaAndModelsAsTheGoldenFileSays() throws Exception {
        CodeSchema schema = new CodeScanner(Optional.of(Framework.RAILS), JpaNaming.HIBERNATE)
                .scan(GoldenFiles.fixture("rails"));

        GoldenFiles.assertMatches(schema.describe(), "rails.txt");
    }
}
