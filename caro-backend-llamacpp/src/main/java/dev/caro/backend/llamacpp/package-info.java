/**
 * The embedded llama.cpp backend: a cheap provider, a model catalog with a verified downloader,
 * and the engine that runs a local GGUF model through java-llama.cpp. Only
 * {@link dev.caro.backend.llamacpp.LlamaCppBackend} and the classes it alone uses touch
 * {@code de.kherud.llama}; everything else runs without the native library.
 */
package dev.caro.backend.llamacpp;
