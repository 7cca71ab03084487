/**
 * Measuring command generation: the nl2cmd dataset format, normalized and execution equivalence
 * of shell commands, and the runner behind {@code caro eval}.
 */
package dev.caro.core.eval;
