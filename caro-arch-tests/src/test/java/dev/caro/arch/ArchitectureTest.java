package dev.caro.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.caro.api.Experimental;
import dev.caro.api.Stable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of caro: arrows point down only. cli → core → api; every backend, rule pack and
 * plugin → api alone. These rules see the production classes of every module on this module's
 * test class path.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.caro");
        if (classes.stream().noneMatch(c -> c.getPackageName().startsWith("dev.caro.cli"))) {
            // Inside the reactor the modules arrive as jars; import them too.
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.caro");
        }
    }

    @Test
    void theApiDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.caro.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.caro.api..", "java..")
                .check(classes);
    }

    @Test
    void everyPublicApiTypeCarriesAStabilityMark() {
        classes().that().resideInAPackage("dev.caro.api..").and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(Stable.class).orShould().beAnnotatedWith(Experimental.class)
                .check(classes);
    }

    @Test
    void coreNeverDependsOnBackendsRulePacksPluginsOrTheCli() {
        noClasses().that().resideInAPackage("dev.caro.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.caro.cli..", "dev.caro.backend..",
                        "dev.caro.rules..", "dev.caro.plugins..")
                .check(classes);
    }

    @Test
    void backendsRulePacksAndPluginsDependOnlyOnTheApi() {
        noClasses().that().resideInAnyPackage("dev.caro.backend..", "dev.caro.rules..", "dev.caro.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.caro.core..", "dev.caro.cli..", "dev.caro.testkit..")
                .check(classes);
    }

    @Test
    void picocliOnlyInTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.caro.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void pf4jOnlyBehindTheCorePluginPackage() {
        noClasses().that().resideOutsideOfPackage("dev.caro.core.plugin..")
                .should().dependOnClassesThat().resideInAPackage("org.pf4j..")
                .check(classes);
    }

    @Test
    void theCliUsesTheCoreNotTheImplementationsBehindIt() {
        noClasses().that().resideInAPackage("dev.caro.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.caro.backend..", "dev.caro.rules..",
                        "dev.caro.plugins..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.caro.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void safetyRulesAreStatelessFinalClasses() {
        classes().that().implement(dev.caro.api.safety.SafetyRule.class).and().resideOutsideOfPackage("dev.caro.api..")
                .and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should().haveOnlyFinalFields()
                .check(classes);
    }
}
