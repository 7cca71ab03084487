package dev.caro.backend.djl;

/**
 * What one generation produced.
 *
 * @param promptTokens how many tokens the prompt had
 * @param tokens the generated token ids, without the end token
 * @param text the answer, cut before the first stop string
 * @param end why generation ended
 */
record Completion(int promptTokens, long[] tokens, String text, End end) {

    enum End {
        /** The model wrote an end token. */
        END_TOKEN,
        /** A stop string appeared. */
        STOP_STRING,
        /** The token budget (or the context) ran out. */
        BUDGET
    }

    Completion {
        tokens = tokens.clone();
    }

    @Override
    public long[] tokens() {
        return tokens.clone();
    }
}
