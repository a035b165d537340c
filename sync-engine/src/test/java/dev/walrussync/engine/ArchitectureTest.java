package dev.walrussync.engine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The engine's layering: a pure-Java core with no UI or logging backend, stores that know nothing
 * of packs or keys, leaf packages that depend only on {@code model} and {@code internal}, and no
 * hidden time or randomness (the composition root injects both).
 */
@AnalyzeClasses(packages = "dev.walrussync.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ENGINE = "dev.walrussync.engine..";
    private static final String PROJECT = "dev.walrussync..";

    /** Classes of {@code packages} may use engine classes only from {@code allowed}. */
    private static ArchRule onlyEngineDependencies(String[] packages, String... allowed) {
        return classes()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage(PROJECT).or(resideInAnyPackage(allowed)))
                .because("the engine's packages are layered; see package-info.java of each");
    }

    @ArchTest
    static final ArchRule noUiOrLoggingBackendInTheEngine = noClasses()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "ch.qos.logback..")
            .because("the engine is a library: the app chooses the UI and the logging backend");

    @ArchTest
    static final ArchRule storesDependOnlyOnModelAndInternal = onlyEngineDependencies(
            new String[] {"dev.walrussync.engine.store.."},
            "dev.walrussync.engine.store..",
            "dev.walrussync.engine.model..",
            "dev.walrussync.engine.internal..",
            "dev.walrussync.walrus..");

    @ArchTest
    static final ArchRule modelDependsOnlyOnInternal = onlyEngineDependencies(
            new String[] {"dev.walrussync.engine.model.."},
            "dev.walrussync.engine.model..",
            "dev.walrussync.engine.internal..");

    @ArchTest
    static final ArchRule chunkerDependsOnlyOnModelAndInternal = onlyEngineDependencies(
            new String[] {"dev.walrussync.engine.chunk.."},
            "dev.walrussync.engine.chunk..",
            "dev.walrussync.engine.model..",
            "dev.walrussync.engine.internal..");

    @ArchTest
    static final ArchRule cryptoDependsOnlyOnModelAndInternal = onlyEngineDependencies(
            new String[] {"dev.walrussync.engine.crypto.."},
            "dev.walrussync.engine.crypto..",
            "dev.walrussync.engine.model..",
            "dev.walrussync.engine.internal..");

    @ArchTest
    static final ArchRule recoveryKitDependsOnlyOnModelAndInternal = onlyEngineDependencies(
            new String[] {"dev.walrussync.engine.kit.."},
            "dev.walrussync.engine.kit..",
            "dev.walrussync.engine.model..",
            "dev.walrussync.engine.internal..");

    @ArchTest
    static final ArchRule internalDependsOnNothingElseInTheEngine = onlyEngineDependencies(
            new String[] {"dev.walrussync.engine.internal.."}, "dev.walrussync.engine.internal..");

    @ArchTest
    static final ArchRule nothingOutsideTheApiDependsOnIt = noClasses()
            .that(not(resideInAnyPackage("dev.walrussync.engine.api..")))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.walrussync.engine.api..")
            .because("api is the façade on top; the engine does not call back into it");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because(
            "the engine reports through return values, progress objects and SLF4J, never the console");

    @ArchTest
    static final ArchRule noSecureRandomOfItsOwn = noClasses()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .callConstructor(SecureRandom.class)
            .orShould()
            .callConstructor(SecureRandom.class, byte[].class)
            .orShould()
            .callMethod(SecureRandom.class, "getInstanceStrong")
            .because("randomness is injected through Repositories, so tests can control it");

    @ArchTest
    static final ArchRule noClockOfItsOwn = noClasses()
            .that()
            .resideInAPackage(ENGINE)
            .should()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("time comes from the injected Clock (Instant.now(clock) is fine)");
}
