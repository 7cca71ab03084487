package dev.caro.core.format;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documented, stable structure of caro's machine-readable output (docs/output.md), shared by
 * the JSON and YAML formatters. Fields are only ever added, never renamed or removed, within one
 * schema version.
 */
public final class ResultDocuments {

    /** Schema id of a generated command. */
    public static final String RESULT_SCHEMA = "caro.result/1";
    /** Schema id of one {@code caro check} verdict. */
    public static final String CHECK_SCHEMA = "caro.check/1";

    private ResultDocuments() {}

    public static Map<String, Object> of(CommandResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", RESULT_SCHEMA);
        m.put("prompt", r.prompt());
        m.put("command", r.command());
        m.put("explanation", r.explanation());
        m.put("alternatives", r.alternatives());
        m.put("backend", r.backend());
        putVerdict(m, r.assessment());
        m.put("mode", r.mode().id());
        m.put("decision", r.decision().name().toLowerCase(Locale.ROOT));
        m.put("warnings", r.warnings());
        m.put("context", context(r.context()));
        m.put("elapsed_ms", r.elapsed().toMillis());
        return m;
    }

    public static Map<String, Object> of(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", CHECK_SCHEMA);
        m.put("command", r.assessment().command());
        putVerdict(m, r.assessment());
        m.put("mode", r.mode().id());
        m.put("decision", r.decision().name().toLowerCase(Locale.ROOT));
        m.put("warnings", r.warnings());
        return m;
    }

    private static void putVerdict(Map<String, Object> m, Assessment a) {
        m.put("risk", a.risk().name());
        m.put("parsed", a.parsed());
        List<Object> findings = new ArrayList<>();
        for (Finding f : a.findings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("rule", f.ruleId());
            fm.put("risk", f.risk().name());
            fm.put("message", f.message());
            Map<String, Object> span = new LinkedHashMap<>();
            span.put("start", f.span().start());
            span.put("end", f.span().end());
            fm.put("span", span);
            findings.add(fm);
        }
        m.put("findings", findings);
    }

    private static Map<String, Object> context(ExecutionContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os", c.os().id());
        m.put("distro", c.distro());
        m.put("arch", c.arch());
        m.put("shell", c.shell().id());
        m.put("userland", c.userland().id());
        m.put("cwd", c.cwd());
        return m;
    }
}
