package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.ChatMessage;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Catalog, model selection, proxy rules, CPU topology and chat templates. */
class SmallPartsTest {

    @Test
    void builtInCatalogHasTheRequiredModels() {
        ModelCatalog c = ModelCatalog.builtIn();
        assertEquals("qwen2.5-coder-1.5b", c.defaultEntry().id());
        CatalogEntry e = c.find("qwen2.5-coder-3b").orElseThrow();
        assertEquals("Qwen/Qwen2.5-Coder-3B-Instruct-GGUF", e.repository());
        assertEquals("qwen2.5-coder-3b-instruct-q4_k_m.gguf", e.fileName());
        assertEquals("chatml", e.template());
        assertEquals(32768, e.contextLength());
        assertEquals("llama3", c.find("llama-3.2-1b").orElseThrow().template());
        // Every template name must be one caro can render.
        c.entries().forEach(entry -> ChatTemplate.named(entry.template()));
    }

    @Test
    void catalogRejectsMalformedChecksums() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelCatalog.parse(
                "a\tr\tf.gguf\t10\tnothex\tchatml\t100\t1 GB\tyes\td\n"));
        assertEquals("models.tsv line 1: sha256 must be 64 hex digits or 'unknown'", e.getMessage());
    }

    @Test
    void modelChoiceAcceptsIdsAndPaths() {
        ModelCatalog c = ModelCatalog.builtIn();
        Path dir = Path.of("/cache/models");
        assertEquals(dir.resolve("qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"),
                ModelChoice.resolve(Optional.of("Qwen2.5-Coder-0.5B"), c, dir).path());
        ModelChoice local = ModelChoice.resolve(Optional.of("/models/mine.gguf"), c, dir);
        assertEquals(Path.of("/models/mine.gguf"), local.path());
        assertEquals("mine.gguf", local.name());
        assertTrue(local.entry().isEmpty());
        assertEquals("qwen2.5-coder-1.5b", ModelChoice.resolve(Optional.empty(), c, dir).name());
    }

    @Test
    void proxyVariablesFollowCurlConventions() {
        EnvironmentProxySelector s = new EnvironmentProxySelector(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128", "no_proxy", "localhost,.internal.corp, mirror.example:8080"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128))),
                s.select(URI.create("https://huggingface.co/x")));
        assertEquals(List.of(Proxy.NO_PROXY), s.select(URI.create("http://huggingface.co/x")), "no http_proxy set");
        assertEquals(List.of(Proxy.NO_PROXY), s.select(URI.create("https://hf.internal.corp/x")));
        assertEquals(List.of(Proxy.NO_PROXY), s.select(URI.create("https://mirror.example/x")));
        assertEquals(List.of(Proxy.NO_PROXY), s.select(URI.create("https://localhost/x")));
        assertFalse(s.bypass("notinternal.corp.com"));
        EnvironmentProxySelector all = new EnvironmentProxySelector(Map.of("https_proxy", "proxy:8080", "NO_PROXY", "*"));
        assertEquals(List.of(Proxy.NO_PROXY), all.select(URI.create("https://huggingface.co/")));
    }

    @Test
    void physicalCoresIgnoreHyperThreads() {
        List<String> cpuinfo = List.of(
                "processor : 0", "physical id : 0", "core id : 0", "",
                "processor : 1", "physical id : 0", "core id : 1", "",
                "processor : 2", "physical id : 0", "core id : 0", "",
                "processor : 3", "physical id : 0", "core id : 1", "");
        assertEquals(2, CpuTopology.countCores(cpuinfo));
        assertTrue(CpuTopology.physicalCores() >= 1);
    }

    @Test
    void chatTemplatesRenderTheAssistantTurnOpen() {
        List<ChatMessage> m = List.of(ChatMessage.system("S"), ChatMessage.user("U"));
        assertEquals("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n",
                ChatTemplate.CHATML.render(m));
        assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nS<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nU<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n", ChatTemplate.LLAMA3.render(m));
        assertEquals(ChatTemplate.LLAMA3, ChatTemplate.detect(Optional.of("{{ '<|start_header_id|>' }}")));
        assertEquals(ChatTemplate.GGUF, ChatTemplate.detect(Optional.of("[INST] {{ x }}")));
        assertEquals(ChatTemplate.CHATML, ChatTemplate.detect(Optional.empty()));
    }

    @Test
    void platformFoldersMatchTheBindingsJar() {
        assertEquals(Optional.of("Linux/x86_64"), NativeLibrary.platformFolder("Linux", "amd64"));
        assertEquals(Optional.of("Mac/aarch64"), NativeLibrary.platformFolder("Mac OS X", "aarch64"));
        assertEquals(Optional.of("Windows/x86_64"), NativeLibrary.platformFolder("Windows 11", "amd64"));
        assertEquals(Optional.empty(), NativeLibrary.platformFolder("Linux", "riscv64"));
        assertEquals(Optional.empty(), NativeLibrary.platformFolder("FreeBSD", "amd64"));
    }
}
