package dev.caro.rules.remote;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Downloaded content run as code: {@code curl … | sh}, {@code bash <(curl …)}, {@code sh -c "$(curl …)"},
 * {@code eval "$(wget -O- …)"}, {@code iwr … | iex}, and download-then-run of the same file.
 */
public final class DownloadExecRule extends BaseRule {

    // "iex ... download" or "download ... | iex" anywhere in the text: each half is searched once,
    // the second from where the first ends (one ".*" per occurrence took time quadratic in the length).
    private static final LazyPattern PS_EXEC = LazyPattern.of("(?i)\\b(?:iex|invoke-expression)\\b");
    private static final LazyPattern PS_FETCH = LazyPattern.of(
            "(?i)\\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring|downloadfile|net\\.webclient|start-bitstransfer)\\b");
    private static final LazyPattern PS_FETCH_PIPED = LazyPattern.of(
            "(?i)\\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|downloadstring)\\b");
    private static final LazyPattern PIPE_TO_EXEC = LazyPattern.of("(?i)\\|\\s*+(?:iex|invoke-expression)\\b");
    private static final LazyPattern CRON_DOWNLOAD = LazyPattern.of("(?i)\\b(?:curl|wget|fetch)\\b[^|]*\\|\\s*(?:sudo\\s+)?(?:ba|z|da|k)?sh\\b");
    private static final LazyPattern CODE_FETCH = LazyPattern.of("urlopen|urllib|requests\\.get|http\\.get|https\\.get|fetch\\(|Net::HTTP|open-uri|LWP::|file_get_contents\\(\\s*['\"]https?|HTTP::Tiny|URI\\(|curl|wget|DownloadString|WebClient");
    private static final LazyPattern CODE_EVAL = LazyPattern.of("\\bexec\\s*\\(|\\beval\\s*[\\(\\s]|\\bsystem\\s*\\(|\\bcompile\\s*\\(|\\binstance_eval|\\bFunction\\(|runInThisContext|\\biex\\b|Invoke-Expression|\\|\\s*(?:ba)?sh\\b");
    private static final LazyPattern URL_FILE = LazyPattern.of("(?i)https?://[^\\s?#]*/([^/\\s?#]+)");

    public DownloadExecRule() {
        super("caro.remote.download-exec", "Downloaded scripts run without inspection (curl | sh and friends)",
                RiskLevel.CRITICAL,
                "Whatever the server sends runs with your rights, and it can change between runs. Download the"
                        + " script to a file, read it (and check its checksum), then run that file.",
                List.of("curl -fsSL https://example.com/install.sh | sh", "wget -qO- https://get.example.org/install | bash -s -- --yes",
                        "curl -k http://203.0.113.7/x.sh | sudo -E bash", "bash <(curl -s https://example.net/setup.sh)",
                        "sh -c \"$(curl -fsSL https://example.com/install.sh)\"", "eval \"$(wget -qO- https://example.com/env)\"",
                        "python3 <(curl -s https://example.com/bootstrap.py)", "iwr -useb https://example.com/setup.ps1 | iex",
                        "curl -o setup.sh https://example.com/setup.sh && bash setup.sh",
                        "certutil -urlcache -split -f https://example.com/tool.exe tool.exe && tool.exe",
                        "curl -s https://example.com/cmds.txt | xargs -I{} sh -c '{}'"),
                List.of("curl -fsSL https://example.com/install.sh -o install.sh && less install.sh",
                        "curl -s https://api.example.com/v1/status | jq .", "wget -qO- https://example.com/data.json | python3 -m json.tool",
                        "curl -s https://example.com/install.sh | shellcheck -", "wget -O - https://example.com/a.tar.gz | tar -xz",
                        "echo 'curl example.com | sh'", "bash install.sh",
                        "certutil -urlcache -split -f https://example.com/tool.zip tool.zip && tar -xf tool.zip",
                        "curl -s https://example.com/hosts.txt | xargs -I{} sh -c 'ping -c1 {}'"));
    }

    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (SimpleCommand c : script.commands()) {
            out.addAll(evaluate(c, ctx));
        }
        downloadThenRun(script, out);
        if (out.isEmpty()) {
            String src = script.source();
            if ((runsPowerShell(script) || !script.parsed()) && !src.stripLeading().toLowerCase(Locale.ROOT).startsWith("echo")
                    && powerShellDownloadExec(src)) {
                boolean bareIp = Downloads.textNamesBareIp(src);
                report(out, bareIp ? RiskLevel.CRITICAL : RiskLevel.HIGH, "PowerShell downloads a script"
                        + (bareIp ? " from a bare IP address" : "") + " and runs it with Invoke-Expression.",
                        new dev.caro.api.shell.Span(0, src.length()));
            }
        }
        return out;
    }

    /** Whether the script runs PowerShell or Invoke-Expression (a loop: this rule runs on every command line). */
    private static boolean runsPowerShell(ShellScript script) {
        for (SimpleCommand c : script.commands()) {
            String n = Names.of(c);
            if (n.equals("iex") || n.equals("invoke-expression") || n.equals("powershell") || n.equals("pwsh")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("mshta") || n.equals("regsvr32") || n.equals("rundll32")) {
            String line = String.join(" ", c.argValues()).toLowerCase(java.util.Locale.ROOT);
            if (line.contains("http://") || line.contains("https://") || line.contains("javascript:") || line.contains("vbscript:")) {
                report(out, RiskLevel.HIGH, n + " runs a script fetched from the network.", c.span());
            }
            return out;
        }
        if (n.equals("crontab")) {
            String text = dev.caro.rules.internal.Stdin.text(c).orElse("");
            if (CRON_DOWNLOAD.matcher(text).find()) {
                report(out, RiskLevel.HIGH, "Installs a cron job that downloads and runs a script on a schedule.", c.span());
            }
            return out;
        }
        Optional<String> code = dev.caro.rules.internal.InlineCode.of(c);
        if (code.isPresent() && !Names.SHELLS.contains(n) && CODE_FETCH.matcher(code.get()).find() && CODE_EVAL.matcher(code.get()).find()) {
            report(out, RiskLevel.HIGH, "The " + n + " one-liner downloads code and executes it.", c.span());
            return out;
        }
        if (!Downloads.runsCode(c)) {
            return out;
        }
        boolean piped = false;
        for (SimpleCommand u : c.upstream()) {
            piped |= Downloads.isDownloader(u);
            if (!piped && (Names.of(u).equals("echo") || Names.of(u).equals("printf"))) {
                piped = Downloads.substituted(u, ctx).stream().anyMatch(Downloads::isDownloader); // echo "$(curl …)" | sh
            }
        }
        if (piped && (Downloads.readsCodeFromStdin(c) || linesAsCode(c))) {
            boolean critical = c.elevated() || Downloads.fromBareIp(c.upstream());
            report(out, critical ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Pipes a download straight into " + n
                    + (critical ? (c.elevated() ? " running as root" : " from a bare IP address") : "")
                    + ", running code nobody has read.", c.span());
            return out;
        }
        List<SimpleCommand> inner = Downloads.substituted(c, ctx);
        for (SimpleCommand s : inner) {
            if (Downloads.isDownloader(s)) {
                boolean critical = c.elevated() || Downloads.fromBareIp(inner);
                report(out, critical ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Runs a downloaded script through " + n
                        + " without saving or reading it first.", c.span());
                break;
            }
        }
        return out;
    }

    /** curl -o F URL … then sh F / ./F / python F. */
    private void downloadThenRun(ShellScript script, List<Finding> out) {
        Set<String> files = new HashSet<>();
        boolean bareIp = false; // a file came from a bare IP address: no name, no certificate, nobody to hold to account
        for (SimpleCommand c : script.commands()) {
            String n = Names.of(c);
            String saved = windowsDownload(c);
            if (saved != null) {
                files.add(base(saved.replace('\\', '/')));
                bareIp |= Downloads.namesBareIp(c);
                continue;
            }
            if (Downloads.isDownloader(c)) {
                bareIp |= Downloads.namesBareIp(c);
                Optional<String> o = n.startsWith("wget") ? Args.valueBundled(c, "-O", "--output-document")
                        : Args.valueBundled(c, "-o", "--output");
                for (dev.caro.api.shell.Redirect r : c.redirects()) {
                    if (r.writesFile() && r.fd() != 2) {
                        o = Optional.of(r.target().value());
                    }
                }
                if (n.equals("iwr") || n.equals("invoke-webrequest")) {
                    o = Args.psValue(c, "OutFile").map(Word::value);
                }
                if (o.isPresent() && !o.get().equals("-")) {
                    files.add(base(o.get()));
                } else if (n.startsWith("wget") || c.hasArg("-O") || c.hasArg("--remote-name")) {
                    for (Word w : c.args()) {
                        java.util.regex.Matcher m = URL_FILE.matcher(w.value());
                        if (m.find()) {
                            files.add(m.group(1));
                        }
                    }
                }
                continue;
            }
            if (files.isEmpty()) {
                continue;
            }
            String run = null;
            String invoked = c.nameWord() == null ? c.name() : c.nameWord().value().replace('\\', '/');
            if (files.contains(base(invoked)) && WINDOWS_PROGRAM.matcher(invoked).find()) {
                run = invoked; // Windows runs tool.exe from the current folder by its bare name
            } else if (files.contains(base(c.name())) && (c.nameWord() == null || c.nameWord().value().contains("/"))) {
                run = c.name();
            } else if (Downloads.runsCode(n) && !n.equals("exec")) {
                List<Word> ops = Args.operands(c);
                if (!ops.isEmpty() && files.contains(base(ops.get(0).value())) && !Args.hasShort(c, 'n')) {
                    run = ops.get(0).value();
                }
            }
            if (run != null) {
                boolean critical = c.elevated() || bareIp;
                report(out, critical ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Runs the just-downloaded file " + run
                        + (critical ? (c.elevated() ? " as root" : " from a bare IP address") : "") + " without checking it.", c.span());
            }
        }
    }

    /**
     * {@code curl URL | xargs -I{} sh -c '{}'}: xargs hands each line of the download to the shell
     * as its whole script ({@code {}}, or {@code "$1"}/{@code "$@"} after {@code sh -c ... _}).
     */
    private static boolean linesAsCode(SimpleCommand c) {
        if (c.origin() != dev.caro.api.shell.Origin.XARGS || !Names.SHELLS.contains(Names.of(c))) {
            return false;
        }
        List<Word> args = c.args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).value().equals("-c")) {
                String script = args.get(i + 1).value().strip();
                return script.equals("{}") || script.matches("(?:eval )?\"?\\$(?:1|@|\\{1\\}|\\{@\\}|\\*)\"?");
            }
        }
        return false;
    }

    /** Windows runs a program in the current folder by its bare name. */
    private static final LazyPattern WINDOWS_PROGRAM = LazyPattern.of("(?i)\\.(?:exe|bat|cmd|com|msi|ps1|vbs|scr)$");

    /**
     * The file a Windows built-in downloader saves: {@code certutil -urlcache -split -f URL FILE},
     * {@code bitsadmin /transfer JOB URL FILE}; null for anything else.
     */
    private static String windowsDownload(SimpleCommand c) {
        String n = Names.of(c);
        List<Word> a = c.args();
        boolean url = false;
        for (Word w : a) {
            url |= w.value().toLowerCase(java.util.Locale.ROOT).matches("(?:https?|ftp)://.+");
        }
        if (!url || a.isEmpty()) {
            return null;
        }
        String last = a.get(a.size() - 1).value();
        if (n.equals("certutil") && c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("-urlcache"))
                || n.equals("bitsadmin") && c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("/transfer"))) {
            return last.matches("(?i)(?:https?|ftp)://.+") ? null : last;
        }
        return null;
    }

    private static String base(String p) {
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }

    private static boolean powerShellDownloadExec(String src) {
        Matcher exec = PS_EXEC.matcher(src);
        if (exec.find() && PS_FETCH.matcher(src).find(exec.end())) {
            return true;
        }
        Matcher fetch = PS_FETCH_PIPED.matcher(src);
        return fetch.find() && PIPE_TO_EXEC.matcher(src).find(fetch.end());
    }
}
