package io.tacit.orm;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DjangoScannerTest {
    @Test
    void readsTwoAppsAsTheGoldenFileSays() throws Exception {
        CodeSchema schema = new CodeScanner(Optional.of(Framework.DJANGO), JpaNaming.HIBERNATE)
                .scan(GoldenFiles.fixture("django"));

        GoldenFiles.assertMatches(schema.describe(), "django.txt");
    }
}
