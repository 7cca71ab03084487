package dev.caro.core.plugin.fakes;

import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds simple commands from whitespace-separated words, for rule tests that need no parser. */
public final class Commands {

    private Commands() {}

    public static SimpleCommand of(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        for (String w : text.split(" ")) {
            int start = text.indexOf(w, i);
            words.add(new Word(w, w, false, false, w.contains("*"), new Span(start, start + w.length())));
            i = start + w.length();
        }
        return new SimpleCommand(words.get(0).value(), words.get(0), words.subList(1, words.size()), List.of(),
                List.of(), List.of(), false, Origin.DIRECT, 0, List.of(), Optional.empty(), false, Optional.empty(),
                new Span(0, text.length()));
    }
}
