package dev.caro.rules.system;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * crontab -r (remove every job without asking) and replacing a crontab with nothing; HIGH for root's
 * crontab or every account's (a loop or xargs over /etc/passwd).
 */
public final class CrontabRemoveRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("crontab");

    public CrontabRemoveRule() {
        super("caro.system.crontab-remove", "Removing a whole crontab", RiskLevel.HIGH,
                "crontab -r deletes every scheduled job at once, with no confirmation and no backup. Save it first"
                        + " (crontab -l > cron.bak) and edit it with crontab -e instead.",
                List.of("crontab -r", "crontab -r -u www-data", "sudo crontab -ru root", "crontab /dev/null",
                        "for u in $(cut -d: -f1 /etc/passwd); do sudo crontab -r -u \"$u\"; done",
                        "echo -n | crontab -"),
                List.of("crontab -l", "crontab -l | grep -v '^#'", "crontab -e", "crontab -ir", "crontab mycron.txt",
                        "for u in $(cut -d: -f1 /etc/passwd); do sudo crontab -l -u \"$u\"; done"));
    }

    /** A listing of the system's accounts: /etc/passwd, getent passwd, compgen -u, the folders of /home, dscl's /Users. */
    private static final LazyPattern USER_LISTING = LazyPattern.of(
            "/etc/passwd|\\bgetent\\s++passwd|\\bcompgen\\s++-u|\\bls\\s++(?:-\\w+\\s++)*/home\\b|/Users\\b|\\bdscl\\b|\\blastlog\\b");
    /** The user themselves, however it is spelled. */
    private static final LazyPattern SELF = LazyPattern.of("\"?\\$\\{?(?:USER|LOGNAME)\\}?\"?|\"?\\$\\((?:whoami|id -un|id -nu)\\)\"?");

    /**
     * Whether the user comes from a list of every account: a loop variable or xargs item fed by
     * {@code /etc/passwd}, {@code getent passwd}, {@code ls /home} ({@code for u in $(cut -d: -f1 /etc/passwd); do crontab -r -u "$u"}).
     */
    private static boolean everyUser(SimpleCommand c, RuleContext ctx, String user) {
        Word w = null;
        for (Word a : c.args()) {
            if (a.value().equals(user) || a.source().equals(user)) {
                w = a;
            }
        }
        String written = w == null ? user : w.source();
        boolean fromList = written.contains("$") || written.contains("{}") || written.contains("`")
                || c.origin() == dev.caro.api.shell.Origin.XARGS;
        if (!fromList || SELF.matcher(written).matches()) {
            return false;
        }
        if (USER_LISTING.matcher(ctx.script().source()).find()) {
            return true;
        }
        return c.upstream().stream().anyMatch(u -> USER_LISTING.matcher(String.join(" ", u.argValues())).find()
                || dev.caro.rules.internal.Names.of(u).equals("getent"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!name(c).equals("crontab")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Optional<String> user = Args.value(c, "-u", null);
        if (user.isEmpty()) {
            for (Word w : c.args()) {
                if (w.value().startsWith("-") && w.value().contains("u") && !w.value().startsWith("--")) {
                    int i = c.args().indexOf(w);
                    if (i + 1 < c.args().size()) {
                        user = Optional.of(c.args().get(i + 1).value());
                    }
                }
            }
        }
        String whose = user.map(u -> "the crontab of " + u).orElse("your crontab");
        boolean xargsUser = user.isEmpty() && !c.args().isEmpty() && c.args().get(c.args().size() - 1).value().equals("-u")
                && (c.origin() == dev.caro.api.shell.Origin.XARGS || c.wrappers().contains("xargs")); // xargs appends the name
        if (Args.hasShort(c, 'r') && !Args.hasShort(c, 'i') && (user.isPresent() || xargsUser)
                && everyUser(c, ctx, user.orElse("{}"))) {
            report(out, RiskLevel.HIGH, "Deletes the crontab of every user the line lists, with every scheduled job in them.", c.span());
        } else if (Args.hasShort(c, 'r') && !Args.hasShort(c, 'i')) {
            report(out, user.filter(u -> u.equals("root")).isPresent() ? RiskLevel.HIGH : RiskLevel.MODERATE,
                    "Deletes " + whose + " with every scheduled job in it.", c.span());
        } else {
            List<Word> ops = Args.operands(c, java.util.Set.of("-u"));
            if (!ops.isEmpty() && (ops.get(0).value().equals("/dev/null")
                    || (ops.get(0).value().equals("-") && dev.caro.rules.internal.Stdin.text(c).map(String::isBlank).orElse(false)))) {
                report(out, RiskLevel.MODERATE, "Replaces " + whose + " with an empty one.", c.span());
            }
        }
        return out;
    }
}
