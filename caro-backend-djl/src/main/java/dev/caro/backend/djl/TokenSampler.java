package dev.caro.backend.djl;

import java.util.Random;

/** Picks the next token from logits: the likeliest at temperature 0, else a sample. */
final class TokenSampler {

    private final double temperature;
    private final Random random;

    TokenSampler(double temperature, long seed) {
        this.temperature = temperature;
        this.random = new Random(seed);
    }

    int pick(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        if (temperature == 0) {
            return best;
        }
        // Softmax relative to the maximum, so that exp never overflows.
        double[] weights = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            weights[i] = Math.exp((logits[i] - logits[best]) / temperature);
            sum += weights[i];
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return best;
    }
}
