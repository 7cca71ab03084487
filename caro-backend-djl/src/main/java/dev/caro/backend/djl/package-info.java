/**
 * The DJL backend: a local TorchScript causal language model and its Hugging Face
 * {@code tokenizer.json}, run in-process through DJL's PyTorch engine with no network access.
 * {@link dev.caro.backend.djl.DjlBackendProvider} is cheap; only
 * {@link dev.caro.backend.djl.TorchRuntime} and the classes the backend creates after it touch
 * DJL, so the ~445 MB libtorch is unpacked and loaded only when the backend is actually used.
 */
package dev.caro.backend.djl;
