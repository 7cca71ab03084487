package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.backend.offline.Slot.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotExtractorTest {

    private static final TextNormalizer NORMALIZER =
            IntentMatcher.normalizerFor(Catalog.load(SlotExtractorTest.class.getClassLoader()));

    private static List<String> values(String prompt, Kind kind) {
        ParsedRequest r = ParsedRequest.of(NORMALIZER.normalize(prompt));
        return r.slots().stream().filter(s -> s.kind() == kind).map(Slot::value).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "find files over 10MB                  | +10M",
        "files smaller than 2 gigs             | -2G",
        "anything bigger than 500k             | +500k",
        "logs larger than 1.5 GB               | +1536M",
        "files at least 100 bytes              | +100c",
        "videos of 700MB or more               | +700M",
        "no larger than 3 megabytes            | -3M",
    })
    void sizesBecomeFindOperands(String prompt, String operand) {
        assertEquals(List.of(operand), values(prompt, Kind.SIZE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "files between 100 KB and 500 KB       | +100k,-500k",
        "between 1 and 2 GB                    | +1G,-2G",
    })
    void rangesGiveTwoBounds(String prompt, String operands) {
        assertEquals(List.of(operands.split(",")), values(prompt, Kind.SIZE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "modified in the last 3 days            | within:3:day",
        "changed in the past 2 hours            | within:2:hour",
        "touched in the last 30 minutes         | within:30:minute",
        "since yesterday                        | within:1:day",
        "older than a week                      | older:1:week",
        "more than 30 days old                  | older:30:day",
        "not modified in 90 days                | older:90:day",
        "during the past fortnight              | within:2:week",
        "files modified today                   | today",
        "within the last month                  | within:1:month",
    })
    void timeRanges(String prompt, String spec) {
        assertEquals(List.of(spec), values(prompt, Kind.TIME));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "files in ~/Downloads                    | ~/Downloads",
        "pdfs in my Downloads folder             | ~/Downloads",
        "everything under /var/log               | /var/log",
        "somewhere in my home folder             | ~",
        "under ./src                             | ./src",
        "markdown files in docs/                 | docs",
        "in the reports directory                | reports",
        "which files here are large              | .",
    })
    void directories(String prompt, String dir) {
        assertEquals(List.of(dir), values(prompt, Kind.DIR));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "top 5 processes                         | 5",
        "the 10 largest files                    | 10",
        "first 20 lines                          | 20",
        "top three directories                   | 3",
    })
    void counts(String prompt, String n) {
        assertEquals(List.of(n), values(prompt, Kind.COUNT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "find pdf files                          | pdf",
        "all the jpg and png images              | jpg,png",
        "python files                            | py",
        "list .log files                         | log",
        "every *.md file                         | md",
        "mp4 or mkv videos                       | mp4,mkv",
    })
    void extensions(String prompt, String exts) {
        assertEquals(List.of(exts.split(",")), values(prompt, Kind.EXT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how big is app.log                       | FILE | app.log",
        "how big is \"backup final.tar\"            | FILE | backup final.tar",
        "ping example.com                         | HOST | example.com",
        "trace 8.8.8.8                            | HOST | 8.8.8.8",
        "what is on port 8080                     | PORT | 8080",
        "files owned by deploy                    | USER | deploy",
        "fetch https://example.com/a.iso          | URL  | https://example.com/a.iso",
        "skip node_modules                        | EXCLUDE | node_modules",
    })
    void namedThings(String prompt, Kind kind, String value) {
        assertEquals(List.of(value), values(prompt, kind));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fiels                | files",
        "direcotry            | directory",
        "fnd the logs         | find the logs",
        "whats here           | whats here",
        "second column        | second column",
        "add alice to docker  | add alice to docker",
    })
    void correctsTyposButNotRealWords(String typed, String corrected) {
        assertEquals(corrected, NORMALIZER.normalize(typed).text());
    }
}
