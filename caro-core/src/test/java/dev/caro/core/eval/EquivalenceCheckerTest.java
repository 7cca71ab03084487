package dev.caro.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EquivalenceCheckerTest {

    /** Pairs that must compare equal ("==") or different ("!="). */
    private static final String TABLE = """
            ls -la                                  ==  ls -l -a
            ls -la                                  ==  ls -al
            grep -rn --include='*.log' x .          ==  grep -r -n --include=*.log x .
            grep --recursive --ignore-case x src/   ==  grep -ri x src
            grep -in -m 20 error app.log            ==  grep -i -n -m20 error app.log
            grep -in -m 20 error app.log            ==  grep --max-count=20 -in error app.log
            du -sh ~                                ==  du -hs $HOME
            du -sh ~/Downloads                      ==  du -sh "$HOME/Downloads"
            cat ./notes.txt                         ==  cat notes.txt
            head -n 5 a.txt                         ==  head -5 a.txt
            head -n 5 a.txt                         ==  head --lines=5 a.txt
            tail -n 100 app.log                     ==  tail -n100 app.log
            tar -czf out.tar.gz src                 ==  tar czf out.tar.gz src
            tar -czf out.tar.gz src                 ==  tar --create --gzip --file=out.tar.gz src
            sort -t, -k3,3n data.csv                ==  sort -t ',' -k 3,3n data.csv
            find . -type f -name '*.md'             ==  find -name "*.md" -type f
            find . -type f -size +1M -mtime -3      ==  find . -mtime -3 -type f -size +1M
            find . -name '*.log' -print             ==  find . -name '*.log'
            find ~ -type d -empty                   ==  find $HOME -empty -type d
            find . -not -name x                     ==  find . ! -name x
            echo "$PATH" | tr ':' '\\n'              ==  echo $PATH | tr : '\\n'
            cp -a site /var/www/                    ==  cp -a site /var/www
            ls -la                                  !=  ls -l
            grep -c x f                             !=  grep x f
            rm -r build                             !=  rm build
            find . -name '*.log' -delete            !=  find . -delete -name '*.log'
            find . -type f                          !=  find . -type d
            du -sh /var                             !=  sudo du -sh /var
            tail -n 10 a                            !=  tail -n 20 a
            git log -n 5                            !=  git log -n 10
            ls | head                               !=  ls; head
            sort a.txt | uniq                       !=  uniq a.txt | sort
            """;

    static Stream<Arguments> table() {
        return TABLE.lines().map(l -> {
            boolean equal = l.contains(" == ");
            String[] parts = l.split(equal ? " == " : " != ");
            return Arguments.of(parts[0].strip(), parts[1].strip(), equal);
        });
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("table")
    void comparesCommands(String a, String b, boolean equal) {
        assertEquals(equal, EquivalenceChecker.equivalent(a, b),
                CommandNormalizer.normalize(a) + "  vs  " + CommandNormalizer.normalize(b));
        assertEquals(equal, EquivalenceChecker.equivalent(b, a), "symmetric");
    }

    @org.junit.jupiter.api.Test
    void noAnswerIsNeverEquivalent() {
        assertEquals(false, EquivalenceChecker.equivalent(null, "ls"));
        assertEquals(false, EquivalenceChecker.equivalent("  ", "ls"));
    }
}
