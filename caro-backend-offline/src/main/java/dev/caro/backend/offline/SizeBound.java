package dev.caro.backend.offline;

/**
 * A size limit from the request ("over 10MB" is {@code +10M}).
 *
 * @param larger true for a lower bound ("bigger than"), false for an upper bound
 * @param amount the number in {@code unit}
 * @param unit find's unit letter: {@code c} (bytes), {@code k}, {@code M} or {@code G}
 */
record SizeBound(boolean larger, long amount, char unit) {

    /** The {@code find -size} operand, e.g. {@code +10M}. */
    String findOperand() {
        return (larger ? "+" : "-") + amount + unit;
    }
}
