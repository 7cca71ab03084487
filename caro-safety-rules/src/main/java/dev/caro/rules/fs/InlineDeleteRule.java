package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.InlineCode;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/** Recursive deletes written in a one-liner: shutil.rmtree, fs.rmSync(..., {recursive}), FileUtils.rm_rf, File::Path rmtree. */
public final class InlineDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("python*", "pypy*", "perl", "ruby", "lua", "node", "nodejs", "deno", "bun", "php",
            "awk", "gawk", "mawk", "nawk", "pwsh", "powershell");

    private static final LazyPattern CALL = LazyPattern.of(
            "(?:shutil\\.rmtree|rmSync|rmdirSync|fs\\.rm|fsPromises\\.rm|FileUtils\\.rm_rf|FileUtils\\.rm_r|FileUtils\\.remove_dir"
            + "|rmtree|remove_tree|deleteRecursively|Remove-Item)\\s*\\(?\\s*(['\"]([^'\"]*)['\"]|process\\.env\\.HOME|os\\.homedir\\(\\)"
            + "|Path\\.home\\(\\)|os\\.path\\.expanduser\\(\\s*['\"]~['\"]\\s*\\)|ENV\\[['\"]HOME['\"]\\]|\\$ENV\\{HOME\\}|os\\.environ\\[['\"]HOME['\"]\\])");

    public InlineDeleteRule() {
        super("caro.fs.inline-delete", "Recursive deletes inside python/node/ruby/perl one-liners", RiskLevel.CRITICAL,
                "A script one-liner deletes a directory tree just like rm -rf, with no undo. Delete a narrower path"
                        + " inside your project, or move it to the trash.",
                List.of("python3 -c 'import shutil; shutil.rmtree(\"/home/user\")'",
                        "node -e \"require('fs').rmSync(process.env.HOME, {recursive: true, force: true})\"",
                        "ruby -e 'require \"fileutils\"; FileUtils.rm_rf(\"/etc\")'", "perl -MFile::Path=rmtree -e 'rmtree(\"/var/lib\")'"),
                List.of("python3 -c 'import shutil; shutil.rmtree(\"build\")'", "node -e \"require('fs').rmSync('dist', {recursive: true})\"",
                        "python3 -c 'print(1)'", "echo 'shutil.rmtree(\"/\")'"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        if (Names.SHELLS.contains(n)) {
            return List.of();
        }
        Optional<String> code = InlineCode.of(c);
        if (code.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Matcher m = CALL.matcher(code.get());
        while (m.find()) {
            String path = m.group(2) != null ? m.group(2) : ctx.execution().home();
            if (path.startsWith("~")) {
                path = ctx.execution().home() + path.substring(1);
            }
            PathKind k = ctx.classify(path);
            report(out, Targets.destructionRisk(k), "The " + n + " one-liner recursively deletes " + Targets.describe(k, path) + ".", c.span());
        }
        return out;
    }
}
