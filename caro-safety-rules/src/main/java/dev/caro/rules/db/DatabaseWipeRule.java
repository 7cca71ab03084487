package dev.caro.rules.db;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Stdin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/** Whole-database wipes outside SQL: redis FLUSHALL/FLUSHDB, MongoDB drops, dropdb, mysqladmin drop, framework db resets. */
public final class DatabaseWipeRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("redis-cli", "valkey-cli", "keydb-cli", "dragonfly-cli", "mongosh", "mongo", "dropdb",
            "pg_dropcluster", "mysqladmin", "rails", "rake", "php", "artisan", "python*", "manage.py", "bundle", "wp", "prisma",
            "npx", "django-admin", "knex", "sequelize", "sequelize-cli", "alembic", "flask", "typeorm", "mix", "dotnet",
            "yarn", "pnpm", "bunx", "pnpx", "poetry", "uv", "pipenv", "console", "symfony", "curl", "http", "https", "xh", "xhs", "wget", "etcdctl", "consul", "vault");
    /** An Elasticsearch/OpenSearch URL naming every index: host:9200/_all or /*. */
    private static final LazyPattern ALL_INDICES = LazyPattern.of("^(?:https?://)?[^/\\s]*+/(?:_all|\\*)/?(?:\\?.*)?$");
    /** An index or data stream pattern: host:9200/logs-*, /_data_stream/metrics-*, /logs-2024.*,old-*. */
    private static final LazyPattern INDEX_PATTERN = LazyPattern.of(
            "^(?:https?://)?[^/\\s]*+/(?:_data_stream/)?([^/?#\\s_][^/?#\\s]*\\*[^/?#\\s]*)/?(?:\\?.*)?$");
    /** A delete-by-query that matches every document. */
    private static final LazyPattern DELETE_ALL_DOCS = LazyPattern.of("\"match_all\"\\s*+:\\s*+\\{\\s*+\\}");
    private static final Set<String> HTTP_CLIENTS = Set.of("http", "https", "xh", "xhs");

    private static final Set<String> REDIS = Set.of("redis-cli", "valkey-cli", "keydb-cli", "dragonfly-cli");
    private static final Set<String> MONGO = Set.of("mongosh", "mongo");
    private static final LazyPattern MONGO_DROP = LazyPattern.of("dropDatabase\\s*\\(|\\.drop\\s*\\(|deleteMany\\s*\\(\\s*\\{\\s*\\}\\s*\\)"
            + "|\\.remove\\s*\\(\\s*\\{\\s*\\}\\s*\\)|dropAllUsers|\\.dropIndexes\\s*\\(");
    private static final Set<String> FRAMEWORK_WIPES = Set.of("db:drop", "db:reset", "db:purge", "db:schema:load",
            "migrate:fresh", "migrate:reset", "db:wipe", "flush", "reset_db", "migrate:refresh");

    public DatabaseWipeRule() {
        super("caro.db.wipe", "Wiping whole databases (FLUSHALL, dropDatabase, dropdb, db:drop)", RiskLevel.HIGH,
                "This deletes every record in the database at once. Back it up first (redis-cli --rdb, mongodump,"
                        + " pg_dump), and make sure you are connected to the right server.",
                List.of("redis-cli -h cache.internal -a \"$REDIS_PASS\" FLUSHALL ASYNC", "redis-cli flushdb",
                        "mongosh \"mongodb://db01/shop\" --quiet --eval 'db.getCollectionNames().forEach(c => db[c].drop())'",
                        "mongo shop --eval 'db.dropDatabase()'", "dropdb -h db.internal analytics", "mysqladmin -u root drop shop",
                        "RAILS_ENV=production bin/rails db:drop", "python manage.py flush --noinput", "npx prisma migrate reset --force",
                        "php artisan migrate:fresh --seed", "curl -XDELETE http://es01:9200/_all",
                        "curl -s -X DELETE 'https://search.internal:9200/*'", "curl -XDELETE \"http://localhost:9200/logs-*\"",
                        "http DELETE :9200/filebeat-*", "ETCDCTL_API=3 etcdctl del \"\" --prefix"),
                List.of("redis-cli INFO memory", "redis-cli GET session:42", "mongosh --eval 'db.stats()'", "dropdb --help",
                        "createdb analytics", "bin/rails db:migrate", "echo FLUSHALL", "python manage.py migrate --noinput",
                        "npx prisma migrate deploy", "alembic downgrade -1", "npx knex migrate:rollback",
                        "curl -X DELETE http://localhost:9200/logs-2023.01.01", "curl -s http://localhost:9200/_all/_stats",
                        "curl -s 'http://localhost:9200/logs-*/_search?size=1'", "curl -s 'localhost:9200/_cat/indices/logs-*?v'",
                        "etcdctl get \"\" --prefix --keys-only", "etcdctl del /app/feature-flags/beta", "vault secrets list"));
    }

    /** A DELETE of every index, or of every index matching a pattern, on a search cluster. */
    private void searchIndexDelete(Word w, List<Finding> out) {
        String url = w.value();
        if (!url.contains("/")) {
            return;
        }
        Matcher pattern = INDEX_PATTERN.matcher(url);
        if (ALL_INDICES.matcher(url).matches()) {
            report(out, RiskLevel.HIGH, "Deletes every index on the search cluster " + url + ".", w.span());
        } else if (pattern.matches()) {
            report(out, RiskLevel.HIGH, "Deletes every index matching " + pattern.group(1) + " on the search cluster.", w.span());
        }
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("curl")) {
            String method = Args.valueBundled(c, "-X", "--request").orElse("");
            for (Word w : c.args()) {
                if (w.value().equalsIgnoreCase("-XDELETE")) {
                    method = "DELETE";
                }
            }
            List<Word> urls = Args.operands(c, Set.of("-X", "--request", "-H", "--header", "-d", "--data", "-u", "--user", "-o"));
            if (method.equalsIgnoreCase("DELETE")) {
                urls.forEach(w -> searchIndexDelete(w, out));
            }
            List<String> bodies = new ArrayList<>(Args.values(c, "-d", "--data"));
            bodies.addAll(Args.values(c, null, "--data-raw"));
            bodies.addAll(Args.values(c, null, "--data-binary"));
            String body = String.join(" ", bodies);
            for (Word w : urls) {
                if (w.value().contains("/_delete_by_query") && DELETE_ALL_DOCS.matcher(body).find()) {
                    report(out, RiskLevel.HIGH, "Deletes every document of " + w.value() + " (match_all).", w.span());
                }
            }
            return out;
        }
        if (HTTP_CLIENTS.contains(n) || n.equals("wget")) {
            List<Word> ops = Args.operands(c);
            boolean delete = n.equals("wget") ? c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("--method=DELETE"))
                    : !ops.isEmpty() && ops.get(0).value().equalsIgnoreCase("DELETE");
            if (delete) {
                ops.forEach(w -> searchIndexDelete(w, out));
            }
            return out;
        }
        if (n.equals("etcdctl") || n.equals("consul") || n.equals("vault")) {
            keyValueWipe(c, n, out);
            return out;
        }
        if (REDIS.contains(n)) {
            for (Word w : c.args()) {
                String v = w.value().toUpperCase(Locale.ROOT);
                if (v.equals("FLUSHALL") || v.equals("FLUSHDB")) {
                    report(out, RiskLevel.HIGH, "Runs " + v + ", deleting every key" + (v.equals("FLUSHALL") ? " in every database" : "")
                            + " on the Redis server.", w.span());
                }
            }
            boolean deletes = c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("del") || v.equalsIgnoreCase("unlink"));
            for (SimpleCommand u : c.upstream()) {
                List<String> ua = u.argValues();
                boolean scan = ua.contains("--scan") || ua.stream().anyMatch(v -> v.equalsIgnoreCase("keys"));
                String pattern = Args.value(u, null, "--pattern").orElse(ua.stream().anyMatch(v -> v.equalsIgnoreCase("keys"))
                        ? ua.get(ua.size() - 1) : "*");
                if (deletes && REDIS.contains(Names.of(u)) && scan && pattern.equals("*")) {
                    report(out, RiskLevel.HIGH, "Deletes every key the scan lists, the whole Redis database.", c.span());
                }
            }
            String in = Stdin.text(c).orElse("").toUpperCase(Locale.ROOT);
            if (out.isEmpty() && (in.contains("FLUSHALL") || in.contains("FLUSHDB"))) {
                report(out, RiskLevel.HIGH, "Sends FLUSHALL/FLUSHDB to Redis, deleting every key.", c.span());
            }
        } else if (MONGO.contains(n)) {
            List<String> code = new ArrayList<>(Args.values(c, null, "--eval"));
            Stdin.text(c).ifPresent(code::add);
            for (String s : code) {
                if (MONGO_DROP.matcher(s).find()) {
                    report(out, RiskLevel.HIGH, "Drops MongoDB data with " + n + " (" + shorten(s) + ").", c.span());
                    break;
                }
            }
        } else if (n.equals("dropdb") || n.equals("pg_dropcluster")) {
            if (!Args.has(c, "", "--help", "--version")) {
                List<Word> ops = Args.operands(c, Set.of("-h", "--host", "-p", "--port", "-U", "--username", "--maintenance-db"));
                report(out, RiskLevel.HIGH, "Drops the PostgreSQL " + (n.equals("dropdb") ? "database " : "cluster ")
                        + (ops.isEmpty() ? "" : ops.get(ops.size() - 1).value()) + ".", c.span());
            }
        } else if (n.equals("mysqladmin")) {
            List<Word> ops = Args.operands(c, Set.of("-u", "-h", "-p", "-P", "--user", "--host", "--port"));
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i).value().equalsIgnoreCase("drop")) {
                    report(out, RiskLevel.HIGH, "Drops the MySQL database " + (i + 1 < ops.size() ? ops.get(i + 1).value() : "") + ".", c.span());
                }
            }
        } else {
            frameworkWipe(c, out);
        }
        return out;
    }

    /** Programs that run a framework's command line: npx prisma, bundle exec rake, poetry run alembic. */
    private static final Set<String> LAUNCHERS = Set.of("npx", "bunx", "pnpx", "yarn", "pnpm", "npm", "bundle", "exec", "run", "dlx",
            "poetry", "uv", "pipenv", "php", "python", "python3", "node", "dotnet", "symfony");

    /** The command-line tools of web frameworks and ORMs that can drop or reset the database. */
    private static final Set<String> FRAMEWORKS = Set.of("manage.py", "django-admin", "rails", "rake", "artisan", "prisma",
            "sequelize", "sequelize-cli", "knex", "alembic", "flask", "typeorm", "typeorm-ts-node-commonjs", "typeorm-ts-node-esm",
            "mix", "wp", "console", "ef");

    /**
     * A framework's command that drops, empties or rebuilds the application database: Django's {@code flush},
     * Rails' {@code db:drop}/{@code db:reset}, Laravel's {@code migrate:fresh}/{@code db:wipe}, Prisma's {@code migrate
     * reset}, Sequelize's {@code db:drop}, Knex's {@code migrate:rollback --all}, Alembic's {@code downgrade base}, ...
     * HIGH, or MODERATE when the tool asks first (Django without {@code --noinput}, Prisma without {@code --force}).
     */
    private void frameworkWipe(SimpleCommand c, List<Finding> out) {
        List<String> w = new ArrayList<>();
        w.add(name(c));
        for (String v : c.argValues()) {
            w.add(v.toLowerCase(Locale.ROOT));
        }
        String tool = null;
        int at = -1;
        for (int i = 0; i < w.size() && tool == null; i++) {
            String base = w.get(i).substring(w.get(i).lastIndexOf('/') + 1);
            if (FRAMEWORKS.contains(base)) {
                tool = base;
                at = i;
            } else if (i > 0 && !w.get(i).startsWith("-") && !LAUNCHERS.contains(base)) {
                return; // the launcher's first real operand is not a framework's command line
            }
        }
        if (tool == null) {
            return;
        }
        List<String> rest = w.subList(at + 1, w.size());
        if (rest.contains("--dry-run") || rest.contains("--help") || rest.contains("-h") || tool.equals("rake") && rest.contains("-n")) {
            return;
        }
        String cmd = rest.stream().filter(v -> !v.startsWith("-")).findFirst().orElse("");
        boolean noPrompt = rest.contains("--noinput") || rest.contains("--no-input") || rest.contains("--force") || rest.contains("-f")
                || rest.contains("--yes") || rest.contains("-y") || rest.contains("--no-interaction");
        boolean prod = String.join(" ", w).contains("prod")
                || c.assignments().stream().anyMatch(a -> a.value().toLowerCase(Locale.ROOT).contains("prod"));
        String what = null;
        RiskLevel r = RiskLevel.HIGH;
        switch (tool) {
            case "manage.py", "django-admin" -> {
                if (cmd.equals("flush") || cmd.equals("reset_db")) {
                    what = cmd;
                    r = noPrompt ? RiskLevel.HIGH : RiskLevel.MODERATE; // asks "Are you sure?" unless --noinput
                }
            }
            case "rails", "rake", "artisan" -> {
                if (FRAMEWORK_WIPES.contains(cmd) || cmd.equals("db:migrate:reset") || cmd.equals("db:truncate_all")) {
                    what = cmd;
                }
            }
            case "prisma" -> {
                if (cmd.equals("migrate") && rest.contains("reset")) {
                    what = "migrate reset";
                    r = noPrompt ? RiskLevel.HIGH : RiskLevel.MODERATE; // asks unless --force
                } else if (cmd.equals("db") && rest.contains("--force-reset")) {
                    what = "db push --force-reset";
                }
            }
            case "sequelize", "sequelize-cli" -> {
                if (cmd.equals("db:drop") || cmd.equals("db:migrate:undo:all")) {
                    what = cmd;
                }
            }
            case "knex" -> {
                if (cmd.equals("migrate:rollback") && rest.contains("--all")) {
                    what = "migrate:rollback --all";
                }
            }
            case "alembic", "flask" -> {
                int d = rest.indexOf("downgrade");
                if (d >= 0 && rest.subList(d + 1, rest.size()).contains("base")) {
                    what = "downgrade base";
                }
            }
            case "typeorm", "typeorm-ts-node-commonjs", "typeorm-ts-node-esm" -> {
                if (cmd.equals("schema:drop")) {
                    what = cmd;
                }
            }
            case "mix" -> {
                if (cmd.equals("ecto.drop") || cmd.equals("ecto.reset")) {
                    what = cmd;
                }
            }
            case "wp" -> {
                if (cmd.equals("db") && (rest.contains("reset") || rest.contains("clean"))) {
                    what = "db " + (rest.contains("reset") ? "reset" : "clean");
                    r = noPrompt ? RiskLevel.HIGH : RiskLevel.MODERATE; // asks unless --yes
                }
            }
            case "console" -> {
                if (cmd.equals("doctrine:database:drop") || cmd.equals("doctrine:schema:drop")) {
                    what = cmd;
                    r = noPrompt ? RiskLevel.HIGH : RiskLevel.SAFE; // only prints what it would do without --force
                }
            }
            case "ef" -> {
                if (cmd.equals("database") && rest.contains("drop")) {
                    what = "database drop";
                    r = noPrompt ? RiskLevel.HIGH : RiskLevel.MODERATE; // asks unless --force
                }
            }
            default -> { }
        }
        if (what != null) {
            report(out, r, "Drops or resets the application database with " + what + (prod ? " in production." : ", deleting its data."),
                    c.span());
        }
    }

    private static String shorten(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 50 ? one.substring(0, 47) + "..." : one;
    }

    /**
     * Key-value stores holding a cluster's state or secrets: {@code etcdctl del "" --prefix} (every
     * key, Kubernetes included), {@code consul kv delete -recurse} without a prefix, {@code vault
     * secrets disable} (the engine and every secret in it).
     */
    private void keyValueWipe(SimpleCommand c, String n, List<Finding> out) {
        List<String> ops = Args.operands(c).stream().map(Word::value).toList();
        if (n.equals("etcdctl") && !ops.isEmpty() && (ops.get(0).equals("del") || ops.get(0).equals("delete"))) {
            String key = ops.size() > 1 ? ops.get(1) : "";
            boolean all = (c.hasArg("--prefix") || c.argValues().stream().anyMatch(v -> v.startsWith("--from-key"))) && (key.isEmpty() || key.equals("/") || key.equals("\\0"));
            if (all) {
                report(out, RiskLevel.HIGH, "Deletes every key in etcd, the whole state of the cluster that uses it.", c.span());
            } else if (c.hasArg("--prefix") && key.startsWith("/registry")) {
                report(out, RiskLevel.HIGH, "Deletes Kubernetes objects straight from etcd under " + key + ".", c.span());
            }
        } else if (n.equals("consul") && ops.size() >= 2 && ops.get(0).equals("kv") && ops.get(1).equals("delete")
                && (c.hasArg("-recurse") || c.hasArg("--recurse"))) {
            String key = ops.size() > 2 ? ops.get(2) : "";
            if (key.isEmpty() || key.equals("/")) {
                report(out, RiskLevel.HIGH, "Deletes every key in Consul's key-value store.", c.span());
            }
        } else if (n.equals("vault") && ops.size() >= 2 && ops.get(0).equals("secrets") && ops.get(1).equals("disable")) {
            report(out, RiskLevel.HIGH, "Disables the Vault secrets engine " + (ops.size() > 2 ? ops.get(2) + " " : "")
                    + "and deletes every secret stored in it.", c.span());
        }
    }
}
