package dev.caro.rules.cloud;

import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;

/** Whether a cloud command's targets come from a listing (xargs or $( )) rather than one named resource. */
final class MassInput {

    private MassInput() {}

    static boolean of(SimpleCommand c) {
        if ((c.origin() == Origin.XARGS || c.wrappers().contains("xargs")) && !c.upstream().isEmpty()) {
            return true;
        }
        for (Word w : c.args()) {
            if (w.unknownExpansion() && (w.source().contains("$(") || w.source().contains("`"))
                    && (w.source().contains(" list") || w.source().contains(" describe") || w.source().contains(" ls"))) {
                return true;
            }
        }
        return false;
    }
}
