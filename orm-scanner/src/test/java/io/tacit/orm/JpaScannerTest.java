package io.tacit.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JpaScannerTest {
    @Test
    void readsEntitiesAssociationsAndInheritanceAsTheGoldenFileSays() throws Exception {
        CodeSchema schema = new CodeScanner(Optional.of(Framework.JPA), JpaNaming.HIBERNATE)
                .scan(GoldenFiles.fixture("jpa"));

        GoldenFiles.assertMatches(schema.describe(), "jpa.txt");
    }

    @Test
    void springNamingSnakeCasesTablesAndColumns() {
        CodeSchema schema = new CodeScanner(Optional.of(Framework.JPA), JpaNaming.SPRING)
                .scan(GoldenFiles.fixture("jpa"));

        assertThat(schema.table("purchase_order")).isPresent();
        assertThat(schema.edges()).anySatisfy(edge -> {
            assertThat(edge.fromTable()).isEqualTo("purchase_order");
            assertThat(edge.fromColumns()).containsExactly("shipping_address_id");
            assertThat(edge.toTable()).isEqualTo("address");
        });
    }
}
