package dev.walrussync.ui;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.ui.fx.FxExecutor;
import dev.walrussync.ui.tray.AllowedToUseAwt;
import java.time.Clock;
import java.time.Instant;
import javafx.application.Platform;

/**
 * The UI's rules: it sees the engine only through {@code engine.api} and {@code engine.model} (and the exceptions the
 * API throws, wherever the engine declares them); it marshals onto the FX thread in exactly one place; view models hold state, never nodes; controllers only bind; AWT is the tray's alone.
 */
@AnalyzeClasses(
        packages = "dev.walrussync.ui",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule engineOnlyThroughApiAndModel = noClasses()
            .that()
            .resideInAPackage("dev.walrussync.ui..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.walrussync.engine..")
                    .and(not(resideInAnyPackage("dev.walrussync.engine.api..", "dev.walrussync.engine.model..")))
                    .and(not(assignableTo(SyncException.class))))
            .because("engine.api and engine.model are the engine's public surface; the SyncExceptions its API throws"
                    + " belong to it too (Repositories.recover throws engine.repo's NoRepositoryException and"
                    + " WrongCredentialException, which the restore path tells apart)");

    @ArchTest
    static final ArchRule nothingBelowTheEngine = noClasses()
            .that()
            .resideInAPackage("dev.walrussync.ui..")
            .should()
            .dependOnClassesThat(resideInAnyPackage("dev.walrussync.walrus..", "dev.walrussync.localnet.."))
            .because("the UI knows Walrus only through the engine's API");

    @ArchTest
    static final ArchRule onlyFxExecutorCallsRunLater = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(FxExecutor.class.getName())
            .should(callMethod(Platform.class, "runLater", Runnable.class))
            .because("UI threads are marshalled in exactly one place: view models get an Executor fxExecutor");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat(resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application.."))
            .orShould()
            .dependOnClassesThat(resideInAPackage("java.awt.."))
            .because("view models are tested without the FX toolkit");

    @ArchTest
    static final ArchRule controllersOnlyBind = noClasses()
            .that()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.walrussync.engine.."))
            .because("controllers bind FXML to their view model; the view model talks to the engine");

    @ArchTest
    static final ArchRule controllersLiveInUi =
            classes().that().haveSimpleNameEndingWith("Controller").should().resideInAPackage("dev.walrussync.ui..");

    @ArchTest
    static final ArchRule awtOnlyInTheTray = noClasses()
            .that(not(annotatedOrNestedInAnnotated()))
            .should()
            .dependOnClassesThat(resideInAnyPackage("java.awt..", "javax.swing.."))
            .because("JavaFX is the toolkit; AWT's SystemTray is the one exception, marked @AllowedToUseAwt");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noWallClock = noClasses()
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("the engine's status carries the time it was taken; the UI shows times relative to it");

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> annotatedOrNestedInAnnotated() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "annotated with @AllowedToUseAwt", c -> allowed(c));
    }

    private static boolean allowed(JavaClass c) {
        if (c.isAnnotatedWith(AllowedToUseAwt.class)) {
            return true;
        }
        return c.getEnclosingClass().map(ArchitectureTest::allowed).orElse(false);
    }
}
