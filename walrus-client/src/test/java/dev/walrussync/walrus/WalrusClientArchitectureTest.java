package dev.walrussync.walrus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layer and hygiene rules for the main code of walrus-client. */
class WalrusClientArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.walrussync.walrus");

    @Test
    void mainCodeDoesNotWriteToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
    }

    @Test
    void bcsDependsOnNoOtherWalrusPackage() {
        noClasses()
                .that()
                .resideInAPackage("dev.walrussync.walrus.bcs..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.walrussync.walrus.sui..")
                .check(MAIN);
    }
}
