package dev.caro.cli.plugins.fakes;

import dev.caro.api.safety.RuleExamples;
import java.util.List;

/** Claims to flag a command it does not flag. */
public class WrongExampleRule extends GlobDeleteRule {

    @Override
    public String id() {
        return "acme.fs.wrong";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(List.of("rm a.log"), List.of("ls"));
    }
}
