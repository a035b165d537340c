package dev.walrussync.localnet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The local network serves the wire protocol and must not consume it with the client's own HTTP
 * layer (conventions.md): its main code may reuse the client's codecs and wire types only.
 */
class LocalnetArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.walrussync.localnet");

    @Test
    void mainCodeDoesNotUseTheClientsHttpLayer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.walrussync.walrus.http..",
                        "dev.walrussync.walrus.publisher..",
                        "dev.walrussync.walrus.health..",
                        "dev.walrussync.walrus.chain..",
                        "dev.walrussync.walrus.network..",
                        "okhttp3..")
                .check(MAIN);
    }
}
