package dev.caro.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.caro.api.safety.RiskLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scores of one evaluation run: coverage (share of requests answered), accuracy (share
 * answered with an equivalent command), precision (equivalent among answered), wrong answers,
 * safety verdicts of the answers, and latency percentiles.
 */
public record EvalReport(String dataset, String backend, String userland, String shell, List<CaseResult> results) {

    public EvalReport {
        results = List.copyOf(results);
    }

    public int total() {
        return results.size();
    }

    public int answered() {
        return (int) results.stream().filter(CaseResult::answered).count();
    }

    public int equivalent() {
        return (int) results.stream().filter(CaseResult::equivalent).count();
    }

    /** Requests that expected a command. */
    public int answerable() {
        return (int) results.stream().filter(r -> !r.evalCase().expectsDecline()).count();
    }

    public double coverage() {
        return ratio(answered(), total());
    }

    /** Equivalent answers among the requests that expect a command. */
    public double accuracy() {
        return ratio(equivalent(), answerable());
    }

    public double precision() {
        return ratio(equivalent(), answered());
    }

    public List<CaseResult> wrong() {
        return results.stream().filter(CaseResult::wrong).toList();
    }

    /** The latency below which {@code percent} of the requests finished, in milliseconds. */
    public double latencyPercentile(double percent) {
        if (results.isEmpty()) {
            return 0;
        }
        double[] ms = results.stream().mapToDouble(CaseResult::latencyMillis).sorted().toArray();
        int idx = (int) Math.ceil(percent / 100.0 * ms.length) - 1;
        return ms[Math.max(0, Math.min(ms.length - 1, idx))];
    }

    /** How many answers got each risk level; {@code unassessed} counts answers not judged. */
    public Map<String, Integer> safety() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (RiskLevel r : RiskLevel.values()) {
            out.put(r.name(), 0);
        }
        out.put("unassessed", 0);
        for (CaseResult r : results) {
            if (r.answered()) {
                out.merge(r.risk().map(RiskLevel::name).orElse("unassessed"), 1, Integer::sum);
            }
        }
        return out;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** A plain-text summary table, followed by the wrong answers. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Dataset   %s (%d requests)%n", dataset, total()));
        sb.append(String.format(Locale.ROOT, "Backend   %s (%s userland, %s)%n", backend, userland, shell));
        sb.append(String.format(Locale.ROOT, "%n%-12s %8s %8s %8s %9s %10s%n", "category", "requests", "answered",
                "correct", "accuracy", "precision"));
        Map<String, int[]> byCategory = new TreeMap<>();
        for (CaseResult r : results) {
            int[] c = byCategory.computeIfAbsent(r.evalCase().category().isEmpty() ? "-" : r.evalCase().category(),
                    k -> new int[3]);
            c[0]++;
            c[1] += r.answered() ? 1 : 0;
            c[2] += r.equivalent() ? 1 : 0;
        }
        for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-12s %8d %8d %8d %8.1f%% %9.1f%%%n", e.getKey(), c[0], c[1], c[2],
                    100 * ratio(c[2], c[0]), 100 * ratio(c[2], c[1])));
        }
        sb.append(String.format(Locale.ROOT, "%-12s %8d %8d %8d %8.1f%% %9.1f%%%n", "all", total(), answered(),
                equivalent(), 100 * accuracy(), 100 * precision()));
        sb.append(String.format(Locale.ROOT, "%nCoverage  %.1f%% answered%n", 100 * coverage()));
        sb.append(String.format(Locale.ROOT, "Accuracy  %.1f%% equivalent (of requests that expect a command)%n",
                100 * accuracy()));
        sb.append(String.format(Locale.ROOT, "Precision %.1f%% of the answers given%n", 100 * precision()));
        sb.append(String.format(Locale.ROOT, "Latency   p50 %.1f ms, p95 %.1f ms%n", latencyPercentile(50),
                latencyPercentile(95)));
        StringBuilder safety = new StringBuilder();
        safety().forEach((k, v) -> safety.append(safety.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        sb.append("Safety    ").append(safety).append('\n');
        List<CaseResult> wrong = wrong();
        if (!wrong.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nWrong answers (%d):%n", wrong.size()));
            for (CaseResult r : wrong) {
                List<String> acceptable = r.evalCase().acceptable(userland.equals("bsd"));
                sb.append("  line ").append(r.evalCase().line()).append(": ").append(r.evalCase().prompt()).append('\n');
                sb.append("    got:  ").append(r.answer().orElse("")).append('\n');
                sb.append("    want: ").append(acceptable.isEmpty() ? "(no command)" : acceptable.get(0)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The report as a JSON document (schema in docs/eval.md). */
    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", dataset);
        doc.put("backend", backend);
        doc.put("userland", userland);
        doc.put("shell", shell);
        doc.put("total", total());
        doc.put("answered", answered());
        doc.put("equivalent", equivalent());
        doc.put("coverage", round(coverage()));
        doc.put("accuracy", round(accuracy()));
        doc.put("precision", round(precision()));
        doc.put("latencyMs", Map.of("p50", round(latencyPercentile(50)), "p95", round(latencyPercentile(95))));
        doc.put("safety", safety());
        List<Map<String, Object>> cases = new ArrayList<>();
        for (CaseResult r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("line", r.evalCase().line());
            c.put("prompt", r.evalCase().prompt());
            c.put("category", r.evalCase().category());
            c.put("answer", r.answer().orElse(null));
            c.put("equivalent", r.equivalent());
            c.put("how", r.how().isEmpty() ? null : r.how());
            c.put("risk", r.risk().map(RiskLevel::name).orElse(null));
            c.put("latencyMs", round(r.latencyMillis()));
            c.put("note", r.note());
            cases.add(c);
        }
        doc.put("cases", cases);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
