package dev.caro.backend.llamacpp.bench;

import dev.caro.api.backend.ChatFormat;
import dev.caro.core.context.ContextDetector;
import dev.caro.core.prompt.PromptBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the exact prompt `caro` would send for a request from this directory and environment
 * (real context detection, caro's prompt builder, ChatML), so that the bare program can be given
 * the same prompt in the end-to-end benchmark (scripts/bench-model.sh). Arguments: OUT REQUEST.
 */
public final class PromptDump {

    private PromptDump() {}

    public static void main(String[] args) throws IOException {
        var context = ContextDetector.current().detect(null);
        String prompt = ChatFormat.CHATML.render(PromptBuilder.build(args[1], context), text -> text);
        Files.writeString(Path.of(args[0]), prompt, StandardCharsets.UTF_8);
    }
}
