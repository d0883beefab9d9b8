package org.enrollnotifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the design page: arrows point down only, and JavaFX stays in the ui layer. */
@AnalyzeClasses(packages = "org.enrollnotifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointDownOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("launcher").definedBy("org.enrollnotifier")
            .layer("ui").definedBy("org.enrollnotifier.ui..")
            .layer("cli").definedBy("org.enrollnotifier.cli..")
            .layer("app").definedBy("org.enrollnotifier.app..")
            .layer("store").definedBy("org.enrollnotifier.store..")
            .layer("mail").definedBy("org.enrollnotifier.mail..")
            .layer("directory").definedBy("org.enrollnotifier.directory..")
            .layer("model").definedBy("org.enrollnotifier.model..")
            .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli", "launcher")
            .whereLayer("store").mayOnlyBeAccessedByLayers("app")
            .whereLayer("mail").mayOnlyBeAccessedByLayers("app")
            .whereLayer("directory").mayOnlyBeAccessedByLayers("app")
            .whereLayer("model").mayOnlyBeAccessedByLayers("ui", "cli", "app", "store", "mail", "directory")
            .withOptionalLayers(true);

    @ArchTest
    static final ArchRule javaFxOnlyInTheUi = noClasses()
            .that().resideOutsideOfPackages("org.enrollnotifier.ui..", "org.enrollnotifier")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule modelDoesNoIo = noClasses()
            .that().resideInAPackage("org.enrollnotifier.model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.io..", "java.nio..", "java.net..");
}
