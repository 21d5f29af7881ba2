package io.tacit.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code that is broken, huge, binary, badly encoded or linked elsewhere: each gives a warning naming the file,
 * the scan goes on, and the good models beside it are all found.
 */
class HostileInputTest {
    private static final String GOOD = """
            from django.db import models


            class Shelf(models.Model):
                label = models.CharField(max_length=20)


            class Book(models.Model):
                shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE)
            """;

    @TempDir
    Path folder;

    @TempDir
    Path elsewhere;

    @Test
    void everyHostileFileIsAWarningAndTheGoodModelsAreAllRead() throws Exception {
        Path app = Files.createDirectories(folder.resolve("site/library"));
        Files.writeString(app.resolve("models.py"), GOOD, StandardCharsets.UTF_8);
        Path other = Files.createDirectories(folder.resolve("site/other/models"));
        Files.writeString(other.resolve("syntax.py"), "from django.db import models\n\nclass Half(models.Model:\n"
                + "    name = models.CharField(\n", StandardCharsets.UTF_8);
        byte[] huge = new byte[(int) SourceTree.MAX_FILE_BYTES + 1];
        Arrays.fill(huge, (byte) '#');
        Files.write(other.resolve("huge.py"), huge);
        Files.write(other.resolve("binary.py"), new byte[] {'c', 'l', 'a', 's', 's', 0, 1, 2, 3});
        Files.write(other.resolve("latin1.py"), ("from django.db import models\n# caf\u00e9\nclass Note(models.Model):\n"
                + "    text = models.TextField()\n").getBytes(StandardCharsets.ISO_8859_1));
        // a model outside the scanned folder, reachable through a link: it must not be read
        Files.writeString(elsewhere.resolve("secret.py"), "from django.db import models\n\nclass Secret(models.Model):\n"
                + "    key = models.CharField(max_length=10)\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(other.resolve("secret.py"), elsewhere.resolve("secret.py"));
        Files.createSymbolicLink(other.resolve("loop"), folder.resolve("site"));

        CodeSchema schema = new CodeScanner(Optional.empty(), JpaNaming.HIBERNATE).scan(folder.resolve("site"));

        assertThat(schema.tables()).extracting(ModelTable::name)
                .contains("library_shelf", "library_book", "other_note")
                .doesNotContain("other_secret");
        assertThat(schema.edges()).extracting(ModelEdge::key).contains("library_book(shelf_id)->library_shelf(id)");
        assertThat(schema.warnings()).extracting(ScanWarning::toString)
                .anyMatch(text -> text.startsWith("SYNTAX other/models/syntax.py:3"))
                .anyMatch(text -> text.startsWith("SKIPPED other/models/huge.py:1 too large"))
                .anyMatch(text -> text.startsWith("SKIPPED other/models/binary.py:1 binary file"))
                .anyMatch(text -> text.startsWith("ENCODING other/models/latin1.py:2"))
                .anyMatch(text -> text.equals("SKIPPED other/models/secret.py:1 symbolic link not followed (it points "
                        + "outside the scanned folder)"))
                .anyMatch(text -> text.startsWith("SKIPPED other/models/loop:1 symbolic link not followed"));
    }

    @Test
    void deepNestingAndInheritanceCyclesCostAWarningNotTheScan() throws Exception {
        Path app = Files.createDirectories(folder.resolve("app/models"));
        Files.writeString(app.resolve("deep.rb"), "class Deep < ApplicationRecord\n  x = " + "[".repeat(200_000)
                + "]".repeat(200_000) + "\nend\n", StandardCharsets.UTF_8);
        Files.writeString(app.resolve("shelf.rb"), "class Shelf < ApplicationRecord\n  has_many :books\nend\n"
                + "class Book < ApplicationRecord\n  belongs_to :shelf\nend\n", StandardCharsets.UTF_8);
        Path java = Files.createDirectories(folder.resolve("src"));
        Files.writeString(java.resolve("Cycle.java"), "@Entity class A extends B { @Id Long id; }\n"
                + "@Entity class B extends A { String name; }\n@MappedSuperclass class C extends D { Long x; }\n"
                + "@MappedSuperclass class D extends C { Long y; }\n@Entity class E extends C { @Id Long id; }\n",
                StandardCharsets.UTF_8);
        Files.writeString(java.resolve("Deep.java"), "class Deep { int x = " + "(".repeat(100_000) + "1"
                + ")".repeat(100_000) + "; }\n", StandardCharsets.UTF_8);

        CodeSchema schema = CodeScanner.auto().scan(folder);

        assertThat(schema.edges()).extracting(ModelEdge::key).contains("books(shelf_id)->shelves(id)");
        assertThat(schema.tables()).extracting(ModelTable::name).contains("A", "E");
        assertThat(schema.warnings()).extracting(ScanWarning::file).contains("app/models/deep.rb", "src/Deep.java");
    }

    @Test
    void aMissingFolderIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CodeScanner.auto().scan(folder.resolve("absent")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void autoDetectionReadsEveryFrameworkPresent() {
        CodeSchema schema = CodeScanner.auto().scan(GoldenFiles.fixture("jpa").getParent());

        assertThat(schema.frameworks()).containsExactly(Framework.RAILS, Framework.DJANGO, Framework.SQLALCHEMY,
                Framework.JPA);
    }
}
