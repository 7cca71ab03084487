package dev.caro.plugins.safetyextra;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MongoDB shells ({@code mongosh}, {@code mongo}) running JavaScript that drops a collection or a
 * database, given with {@code --eval} or piped in.
 */
public final class MongoDropRule implements SafetyRule {

    private static final Set<String> SHELLS = Set.of("mongosh", "mongo");
    /** {@code db.users.drop()}, {@code db.getCollection('x').drop()}, {@code db.dropDatabase()}. */
    private static final Pattern DROP = Pattern.compile(
            "(?:\\.\\s*(?:getCollection\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)|([A-Za-z_$][\\w$]*))\\s*\\.\\s*drop\\s*\\(\\s*\\))"
                    + "|(dropDatabase\\s*\\(\\s*\\))");

    @Override
    public String id() {
        return "extra.db.mongo-drop-collection";
    }

    @Override
    public String summary() {
        return "MongoDB collection or database drops";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.HIGH;
    }

    @Override
    public String explanation() {
        return "drop() deletes a collection with all its documents and indexes, dropDatabase() a whole database;"
                + " neither can be undone. Take a backup with mongodump first.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(
                List.of("mongosh shop --eval 'db.orders.drop()'",
                        "mongo admin --eval \"db.getSiblingDB('shop').dropDatabase()\"",
                        "mongosh --quiet shop --eval=\"db.getCollection('audit-log').drop()\"",
                        "echo 'db.sessions.drop()' | mongosh shop"),
                List.of("mongosh shop --eval 'db.orders.find().limit(5)'",
                        "mongosh shop --eval 'db.orders.countDocuments()'",
                        "mongodump --db shop",
                        "echo 'db.orders.drop()'"));
    }

    /** caro runs this rule only on command lines that run one of these (API 1.1). */
    @Override
    public Set<String> commandNames() {
        return SHELLS;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        if (!SHELLS.contains(command.name())) {
            return List.of();
        }
        Word eval = CommandWords.optionValue(command, "--eval");
        Optional<String> script = eval != null ? Optional.of(eval.value()) : command.stdinText();
        if (script.isEmpty()) {
            return List.of();
        }
        Matcher m = DROP.matcher(script.get());
        if (!m.find()) {
            return List.of();
        }
        String message;
        if (m.group(3) != null) {
            message = "Drops a whole MongoDB database with every collection in it.";
        } else {
            String collection = m.group(1) != null ? m.group(1) : m.group(2);
            message = "Drops the MongoDB collection " + collection + " with all its documents.";
        }
        return List.of(new Finding(id(), RiskLevel.HIGH, message, eval != null ? eval.span() : command.span()));
    }
}
