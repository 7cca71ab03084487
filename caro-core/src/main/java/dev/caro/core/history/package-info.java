/** caro's command history: one JSON object per line in {@code $XDG_STATE_HOME/caro/history.jsonl}. */
package dev.caro.core.history;
