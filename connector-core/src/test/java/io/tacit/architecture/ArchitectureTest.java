package io.tacit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN.md, as tests. */
class ArchitectureTest {
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
}
