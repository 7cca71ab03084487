package dev.caro.rules.db;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Stdin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DROP, TRUNCATE and unfiltered DELETE/UPDATE sent to a database client, whether given with
 * {@code -c}/{@code -e}/{@code --execute}, as an sqlite3 argument, or fed on standard input.
 */
public final class DestructiveSqlRule extends BaseRule {

    private static final Set<String> CLIENTS = Set.of("psql", "mysql", "mariadb", "sqlite3", "sqlite", "sqlcmd",
            "clickhouse-client", "clickhouse", "cockroach", "duckdb", "bq", "snowsql", "mysqlsh", "usql", "pgcli", "mycli",
            "litecli", "cqlsh", "trino", "presto", "spark-sql", "beeline", "hive", "isql", "osql", "tsql", "sqlplus", "db2",
            "vsql", "impala-shell", "influx", "redshift", "turso", "d1", "wrangler", "supabase", "neonctl", "docker", "kubectl", "oc", "podman");

    public DestructiveSqlRule() {
        super("caro.db.destructive-sql", "DROP, TRUNCATE, or DELETE/UPDATE without WHERE sent to a database", RiskLevel.HIGH,
                "These statements remove data at once and most databases cannot undo them. Take a backup (pg_dump,"
                        + " mysqldump) first, run it inside a transaction, and add a WHERE clause.",
                List.of("psql -c 'DROP DATABASE orders;'", "mysql --user=root --execute='DROP SCHEMA IF EXISTS wordpress'",
                        "echo \"DROP TABLE users CASCADE;\" | psql app_prod", "mysql shop -e 'TRUNCATE TABLE payments'",
                        "psql -d crm -c \"DELETE FROM customers;\"", "psql -c \"UPDATE accounts SET balance = 0\"",
                        "sqlite3 app.db 'DELETE FROM sessions'", "psql mydb <<'SQL'\nDROP TABLE audit_log;\nSQL"),
                List.of("psql -d shop -c 'SELECT count(*) FROM orders;'", "grep -c 'DROP DATABASE' migrations/*.sql",
                        "psql -c \"DELETE FROM sessions WHERE expires_at < now()\"", "mysql -e 'SHOW TABLES' shop",
                        "sqlite3 app.db .tables", "sqlite3 :memory: 'CREATE TABLE t(x); DROP TABLE t'", "psql -c \"SELECT 'DROP TABLE x' AS hint\"", "mysqldump shop > shop.sql"));
    }

    @Override
    public Set<String> commandNames() {
        return CLIENTS;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        if (!CLIENTS.contains(n)) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        texts.addAll(Args.values(c, "-c", "--command"));
        texts.addAll(Args.values(c, "-e", "--execute"));
        texts.addAll(Args.values(c, "-Q", null));
        texts.addAll(Args.values(c, "-q", "--query"));
        texts.addAll(Args.values(c, null, "-cmd"));
        texts.addAll(Args.values(c, null, "-execute"));
        if ((n.startsWith("sqlite") || n.equals("duckdb")) && c.hasArg(":memory:")) {
            return List.of(); // a database that lives and dies with this one command
        }
        if (n.startsWith("sqlite") || n.equals("duckdb") || n.equals("bq") || n.equals("cockroach")
                || n.equals("trino") || n.equals("litecli")) {
            for (Word w : Args.operands(c, Set.of("-cmd", "-separator", "-nullvalue", "-c"))) {
                texts.add(w.value());
            }
        }
        Stdin.text(c).ifPresent(texts::add);
        if ((n.equals("kubectl") || n.equals("oc")) && c.hasArg("exec") && c.hasArg("--")) {
            List<Word> a = c.args();
            StringBuilder inner = new StringBuilder();
            for (int i = a.indexOf(a.stream().filter(w -> w.value().equals("--")).findFirst().orElseThrow()) + 1; i < a.size(); i++) {
                inner.append(" '").append(a.get(i).value().replace("'", "'\\''")).append('\'');
            }
            List<Finding> out = new ArrayList<>();
            for (SimpleCommand in : ctx.parse(inner.toString()).commands()) {
                if (!Names.of(in).equals("kubectl")) {
                    for (Finding f : evaluate(in, ctx)) {
                        report(out, f.risk(), f.message().replace(" through ", " in the pod through "), c.span());
                    }
                }
            }
            return out;
        }
        List<Finding> out = new ArrayList<>();
        for (String t : texts) {
            for (SqlText.Hit h : SqlText.destructive(t)) {
                report(out, h.high() ? RiskLevel.HIGH : RiskLevel.MODERATE, "Runs " + h.what() + " through " + n
                        + ", which cannot be undone.", c.span());
            }
        }
        return out;
    }
}
