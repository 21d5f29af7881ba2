package io.tacit.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between the modules, checked on every module's classes at once (only here are they all on one
 * class path): connector-core, the research workbench (tacit-benchmarks), the catalog connectors and the CLI.
 */
class ModuleBoundariesTest {
    private static final String[] WORKBENCH = {"io.tacit.evaluation..", "io.tacit.bench..", "io.tacit.training.."};
    private static final String[] CATALOGS = {"io.tacit.openmetadata..", "io.tacit.datahub.."};
    /**
     * What the catalog connectors may use of core: the model, the SPI, settings, errors, atomic file output and the
     * scheduling seam their schedule adapters implement.
     */
    private static final String[] CORE_FOR_CATALOGS = {"io.tacit.model..", "io.tacit.spi..", "io.tacit.config..",
            "io.tacit.error..", "io.tacit.output..", "io.tacit.schedule.."};

    private static JavaClasses tacit;

    @BeforeAll
    static void importEveryModule() {
        tacit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tacit");
    }

    @Test
    void everyModuleIsOnTheClassPath() {
        // a rule over absent classes passes vacuously: make sure each module was imported
        for (String name : new String[] {"io.tacit.run.DiscoveryPipeline", "io.tacit.training.ModelTrainer",
                "io.tacit.evaluation.Evaluation", "io.tacit.openmetadata.OpenMetadataPublisherFactory",
                "io.tacit.datahub.DataHubPublisherFactory", "io.tacit.cli.Tacit"}) {
            assertThat(tacit.contain(name)).as(name).isTrue();
        }
    }

    @Test
    void coreNeverDependsOnTheWorkbench() {
        noClasses().that().resideOutsideOfPackages(concat(WORKBENCH, CATALOGS, new String[] {"io.tacit.cli.."}))
                .should().dependOnClassesThat().resideInAnyPackage(WORKBENCH)
                .check(tacit);
    }

    @Test
    void theWorkbenchNeverDependsOnTheCatalogConnectorsOrTheCli() {
        noClasses().that().resideInAnyPackage(WORKBENCH)
                .should().dependOnClassesThat().resideInAnyPackage(concat(CATALOGS, new String[] {"io.tacit.cli.."}))
                .check(tacit);
    }

    @Test
    void catalogConnectorsUseOnlyCoresPublicSeams() {
        noClasses().that().resideInAnyPackage(CATALOGS)
                .should().dependOnClassesThat(resideInAPackage("io.tacit..")
                        .and(not(resideInAnyPackage(concat(CATALOGS, CORE_FOR_CATALOGS)))))
                .check(tacit);
    }

    private static String[] concat(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
