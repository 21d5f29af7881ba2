package io.tacit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN.md, as tests. */
class ArchitectureTest {
    private static final List<String> DIALECT_PACKAGES = List.of("generic", "mariadb", "postgres", "sqlite");
    /**
     * Known exceptions, to shrink and never to grow: the URL setting's documentation shows example URLs, and the
     * connection-time error classifier still knows PostgreSQL and MariaDB codes (JdbcErrors: its move behind the
     * dialect waits for the connection-settings work to land).
     */
    private static final Set<String> NAMES_ALLOWED = Set.of("io.tacit.jdbc.JdbcSourceFactory", "io.tacit.jdbc.JdbcErrors");
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tacit");
    }

    @Test
    void modelSpiConfigAndErrorDependOnTheJdkOnly() {
        classes().that().resideInAnyPackage("io.tacit.model..", "io.tacit.spi..", "io.tacit.config..", "io.tacit.error..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.tacit.model..", "io.tacit.spi..", "io.tacit.config..", "io.tacit.error..")
                .check(core);
    }

    @Test
    void inferenceNeverTouchesJdbc() {
        noClasses().that().resideInAPackage("io.tacit.inference..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.tacit.jdbc..",
                        "io.tacit.dialect..")
                .check(core);
    }

    @Test
    void coreNeverDependsOnConnectorsOrTheCli() {
        noClasses().that().resideInAPackage("io.tacit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tacit.cli..", "io.tacit.openmetadata..",
                        "io.tacit.datahub..")
                .allowEmptyShould(true)
                .check(core);
    }

    /** The research workbench (tacit-benchmarks) builds on core; core never reaches back into it. */
    @Test
    void coreNeverDependsOnTheWorkbench() {
        noClasses().that().resideInAPackage("io.tacit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tacit.evaluation..", "io.tacit.bench..",
                        "io.tacit.training..")
                .check(core);
    }

    /** Core is a library embedded by the connectors and the CLI: programs with a main() live elsewhere. */
    @Test
    void coreHasNoMainMethod() {
        noMethods().that().haveName("main").and().areStatic()
                .should().beDeclaredInClassesThat().resideInAPackage("io.tacit..")
                .allowEmptyShould(true)
                .check(core);
    }

    @Test
    void jdbcNeverDependsOnAConcreteDialect() {
        noClasses().that().resideInAPackage("io.tacit.jdbc..")
                .should().dependOnClassesThat().resideInAPackage("io.tacit.dialect..")
                .check(core);
    }

    @Test
    void aDialectDependsOnNoOtherDialect() {
        for (String dialect : DIALECT_PACKAGES) {
            noClasses().that().resideInAPackage("io.tacit.dialect." + dialect + "..")
                    .should().dependOnClassesThat(resideInADialectPackageOtherThan(dialect))
                    .check(core);
        }
    }

    /**
     * No database's name in the generic JDBC code, not even in a string: what differs by database is a method
     * of the dialect. Read from the compiled classes' constant pools, so comments may still say "PostgreSQL".
     */
    @Test
    void noDialectNameOutsideItsDialectPackage() throws IOException {
        Pattern names = Pattern.compile("(?i)postgres|mariadb|mysql|sqlite|duckdb|\\bh2\\b|pg_|57P0|55P03|57014|42883");
        List<String> offenders = new ArrayList<>();
        for (JavaClass javaClass : core) {
            if (!javaClass.getPackageName().startsWith("io.tacit.jdbc")
                    || NAMES_ALLOWED.contains(javaClass.getName())) {
                continue;
            }
            String resource = "/" + javaClass.getName().replace('.', '/') + ".class";
            try (InputStream in = ArchitectureTest.class.getResourceAsStream(resource)) {
                String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                Matcher matcher = names.matcher(constants);
                if (matcher.find()) {
                    offenders.add(javaClass.getName() + " (" + matcher.group() + ")");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static DescribedPredicate<JavaClass> resideInADialectPackageOtherThan(String dialect) {
        return DescribedPredicate.describe("reside in a dialect package other than " + dialect,
                javaClass -> javaClass.getPackageName().startsWith("io.tacit.dialect.")
                        && !javaClass.getPackageName().equals("io.tacit.dialect." + dialect)
                        && !javaClass.getPackageName().startsWith("io.tacit.dialect." + dialect + "."));
    }
}
