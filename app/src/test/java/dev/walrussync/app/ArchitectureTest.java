package dev.walrussync.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app talks to the engine only through its façade ({@code engine.api}) and value types
 * ({@code engine.model}), and only {@link Main}, the composition root, touches the process's
 * standard streams.
 */
@AnalyzeClasses(
        packages = "dev.walrussync.app",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule engineOnlyThroughApiAndModel = noClasses()
            .that()
            .resideInAPackage("dev.walrussync.app..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.walrussync.engine..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAnyPackage(
                            "dev.walrussync.engine.api..",
                            "dev.walrussync.engine.model..",
                            "dev.walrussync.engine.store.walrus.."))))
            .because("engine.api and engine.model are the engine's public surface; the composition root also"
                    + " plugs the embedded network in through the Walrus store's connector and settings");

    @ArchTest
    static final ArchRule onlyMainTouchesStandardStreams = noClasses()
            .that()
            .resideInAPackage("dev.walrussync.app..")
            .and()
            .doNotHaveFullyQualifiedName(Main.class.getName())
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .because("Main wires the real streams into a Console; everything else writes to that Console");
}
