package dev.caro.rules;

import dev.caro.testkit.SafetyRuleContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every built-in rule keeps the safety-rule contract, its own examples judged through caro's real parser. */
class AllRulesTest {

    @TestFactory
    Stream<DynamicNode> everyBuiltInRuleKeepsItsContract() {
        return SafetyRuleContract.serviceLoaderTests(true);
    }
}
