package dev.caro.backend.llamacpp.bench;

import dev.caro.api.backend.ChatMessage;
import dev.caro.api.context.ExecutionContext;
import dev.caro.core.prompt.PromptBuilder;
import java.util.ArrayList;
import java.util.List;

/** The prompt both benchmark programs send: caro's real prompt for one request, as ChatML. */
final class BenchPrompt {

    static final String REQUEST = "find pdf files over 10MB in Downloads";
    static final int N_PREDICT = 32;
    static final int CONTEXT = 2048;

    private BenchPrompt() {}

    static ExecutionContext context() {
        return ExecutionContext.linux("/home/ana/projects", "/home/ana");
    }

    static List<ChatMessage> messages() {
        return PromptBuilder.build(REQUEST, context());
    }

    static String chatml() {
        return chatml(REQUEST, context());
    }

    /** caro's prompt for {@code request} in {@code context}, as ChatML. */
    static String chatml(String request, ExecutionContext context) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : PromptBuilder.build(request, context)) {
            sb.append("<|im_start|>").append(m.role()).append('\n').append(m.content()).append("<|im_end|>\n");
        }
        return sb.append("<|im_start|>assistant\n").toString();
    }

    /** Words of the prompt, so that the benchmark vocabulary tokenizes it like a real one would. */
    static List<String> words() {
        List<String> words = new ArrayList<>();
        for (String w : chatml().split("[\\s]+")) {
            words.add(w);
            words.add(w.replaceAll("[^A-Za-z0-9]", ""));
        }
        return words;
    }

    /** Peak resident memory of this process in MB, from /proc (Linux); -1 elsewhere. */
    static long peakRssMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
