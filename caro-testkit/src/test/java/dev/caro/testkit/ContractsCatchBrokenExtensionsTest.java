package dev.caro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.format.OutputFormatter;
import dev.caro.testkit.fakes.BrokenBackendProvider;
import dev.caro.testkit.fakes.SloppyFormatter;
import dev.caro.testkit.fakes.TidyFormatter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The contracts fail for extensions that break them and pass for ones that keep them. */
class ContractsCatchBrokenExtensionsTest {

    /** Runs {@code contractCase} and returns the names of the tests that failed. */
    private static Set<String> failures(Class<?> contractCase) {
        Set<String> failed = new TreeSet<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contractCase)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            failed.add(id.getDisplayName().replace("()", ""));
                        }
                    }
                });
        return failed;
    }

    static class TidyFormatterCase extends OutputFormatterContract {
        @Override
        protected OutputFormatter formatter() {
            return new TidyFormatter();
        }
    }

    static class SloppyFormatterCase extends OutputFormatterContract {
        @Override
        protected OutputFormatter formatter() {
            return new SloppyFormatter();
        }
    }

    static class BrokenBackendCase extends ModelBackendContract {
        @Override
        protected ModelBackendProvider provider() {
            return new BrokenBackendProvider();
        }

        @Override
        protected BackendEnvironment workingEnvironment() {
            return new BackendEnvironment(Map.of(), Map.of(), Optional.empty(), Path.of("/c"), Path.of("/d"), null);
        }
    }

    @Test
    void aFormatterThatKeepsTheContractPasses() {
        assertEquals(Set.of(), failures(TidyFormatterCase.class));
    }

    @Test
    void aSloppyFormatterFailsEveryRuleItBreaks() {
        assertEquals(new TreeSet<>(List.of("idIsLowerCaseAndWellFormed", "isRegisteredAsAService",
                "rendersEveryCheckedCommand", "rendersTheCommandAndEndsWithANewline",
                "writesNoEscapeSequencesWithoutColorAndNeutralizesModelOutput")), failures(SloppyFormatterCase.class));
    }

    @Test
    void aBrokenBackendFailsEveryRuleItBreaks() {
        assertEquals(new TreeSet<>(List.of("availabilityNeverThrowsAndExplainsItself", "generatesAnAnswer",
                "isAvailableInTheWorkingEnvironment", "isRegisteredAsAService", "metadataIsWellFormedAndStable")),
                failures(BrokenBackendCase.class));
    }
}
