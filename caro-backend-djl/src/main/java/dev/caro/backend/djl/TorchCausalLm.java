package dev.caro.backend.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import dev.caro.api.backend.BackendException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * A TorchScript causal language model. {@code model.pt} takes one of two signatures:
 *
 * <ul>
 *   <li>{@code forward(input_ids: Tensor[1, T] int64) -> Tensor[1, T, V]} (or a tuple whose
 *       first element is that tensor): the whole sequence is fed on every step;
 *   <li>with {@code kv_cache = true}: {@code forward(input_ids: Tensor[1, T] int64, past: Tensor)
 *       -> (Tensor[1, T, V], Tensor)}: the second output is the cache after these tokens, fed back
 *       with only the new token; the first call gets an empty cache of {@code kv_cache.shape}.
 * </ul>
 */
final class TorchCausalLm implements AutoCloseable {

    private final Model model;
    private final PtSymbolBlock block;
    private final ModelConfig config;
    private final String name;

    private TorchCausalLm(Model model, PtSymbolBlock block, ModelConfig config, String name) {
        this.model = model;
        this.block = block;
        this.config = config;
        this.name = name;
    }

    /** Loads {@code dir.model()}; the engine must be started. */
    static TorchCausalLm load(ModelDirectory dir) throws BackendException {
        Model model = Model.newInstance(dir.config().name(), "PyTorch");
        try {
            model.load(dir.dir(), "model", Map.of("mapLocation", "true"));
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new BackendException("PyTorch cannot load " + dir.model() + " (" + firstLine(e) + "); it must be a"
                    + " TorchScript file saved with torch.jit.save, see docs/djl-backend.md", e);
        }
        if (!(model.getBlock() instanceof PtSymbolBlock block)) {
            model.close();
            throw new BackendException(dir.model() + " is not a TorchScript module; see docs/djl-backend.md");
        }
        return new TorchCausalLm(model, block, dir.config(), dir.model().toString());
    }

    /** Starts decoding one sequence; close it afterwards to free its tensors. */
    Sequence start() {
        return new Sequence();
    }

    /** The state of one sequence being decoded: its tokens so far and, with a cache, the cache. */
    final class Sequence implements AutoCloseable {

        private final NDManager manager = model.getNDManager().newSubManager();
        private long[] tokens = new long[0];
        private NDArray past;

        private Sequence() {
            // Grad mode and the profiling executor are per thread in libtorch: set them on the thread that decodes.
            JniUtils.setGradMode(false);
            JniUtils.setGraphExecutorOptimize(Boolean.getBoolean(TorchRuntime.GRAPH_OPTIMIZER_PROPERTY));
        }

        /**
         * Appends {@code newTokens} and returns the logits for the token that follows them.
         *
         * @throws BackendException when the model fails or does not follow the expected signature
         */
        float[] append(long[] newTokens) throws BackendException {
            long[] all = Arrays.copyOf(tokens, tokens.length + newTokens.length);
            System.arraycopy(newTokens, 0, all, tokens.length, newTokens.length);
            tokens = all;
            try (NDManager step = manager.newSubManager()) {
                long[] feed = config.kvCache() ? newTokens : all;
                PtNDArray ids = (PtNDArray) step.create(feed, new Shape(1, feed.length));
                IValue[] inputs;
                if (config.kvCache()) {
                    if (past == null) {
                        past = manager.zeros(new Shape(config.kvCacheShape()), DataType.FLOAT32);
                    }
                    inputs = new IValue[] {IValue.from(ids), IValue.from((PtNDArray) past)};
                } else {
                    inputs = new IValue[] {IValue.from(ids)};
                }
                try (IValue out = block.forward(inputs)) {
                    NDArray logits;
                    if (out.isTensor()) {
                        if (config.kvCache()) {
                            throw new BackendException(name + " returned only logits, but caro-model.properties says"
                                    + " kv_cache = true; set it to false or export the model with its cache");
                        }
                        logits = out.toTensor((PtNDManager) step);
                    } else if (out.isTuple()) {
                        IValue[] parts = out.toIValueTuple();
                        try {
                            logits = parts[0].toTensor((PtNDManager) step);
                            if (config.kvCache()) {
                                if (parts.length < 2 || !parts[1].isTensor()) {
                                    throw new BackendException(name + " did not return its cache as a second tensor;"
                                            + " see the signatures in docs/djl-backend.md");
                                }
                                NDArray next = parts[1].toTensor((PtNDManager) manager);
                                past.close();
                                past = next;
                            }
                        } finally {
                            for (IValue p : parts) {
                                p.close();
                            }
                        }
                    } else {
                        throw new BackendException(name + " returned " + out.getType()
                                + " instead of logits; see the signatures in docs/djl-backend.md");
                    }
                    Shape shape = logits.getShape();
                    if (shape.dimension() != 3 || shape.get(0) != 1 || shape.get(1) != feed.length) {
                        throw new BackendException(name + " returned logits of shape " + shape + " for " + feed.length
                                + " tokens; expected (1, " + feed.length + ", vocabulary)");
                    }
                    return logits.get(0, feed.length - 1).toType(DataType.FLOAT32, false).toFloatArray();
                } finally {
                    for (IValue in : inputs) {
                        in.close();
                    }
                }
            } catch (EngineException e) {
                throw new BackendException(name + " failed on " + tokens.length + " tokens (" + firstLine(e)
                        + "); check its forward() signature against docs/djl-backend.md", e);
            }
        }

        int length() {
            return tokens.length;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        model.close();
    }
}
