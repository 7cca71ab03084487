package dev.caro.core.plugin.fakes;

/** Impersonates a built-in rule id. */
public class ReservedIdRule extends StarDeleteRule {

    @Override
    public String id() {
        return "caro.fs.star-delete";
    }
}
