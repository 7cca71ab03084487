package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests with the slips people make, answered as if typed right; real words are left as typed. */
class TypoRenderingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            serch ~/work for a file caled report.txt  | find ~/work -type f -name report.txt                 | find ~/work -type f -name report.txt
            wich files in src are bigger than 5MB     | find src -type f -size +5M                           | find src -type f -size +5M
            grep for TODO in main.c with line numbr   | grep -n TODO main.c                                  | grep -n TODO main.c
            create an anotated tag v1.4 with the message 'first cut' | git tag -a v1.4 -m 'first cut'        | git tag -a v1.4 -m 'first cut'
            calcualte the sha256 of disk.img          | sha256sum disk.img                                   | shasum -a 256 disk.img
            remove the emtpy directories under build  | find build -type d -empty -delete                    | find build -type d -empty -delete
            list hiden files in ~/work                | ls -a ~/work                                         | ls -a ~/work
            show the git histroy of README.md         | git log --follow -- README.md                        | git log --follow -- README.md
            sort names.txt alphabeticaly              | sort names.txt                                       | sort names.txt
            cpoy notes.txt to /tmp/notes.bak          | cp notes.txt /tmp/notes.bak                          | cp notes.txt /tmp/notes.bak
            """)
    void typosAreCorrected(String prompt, String gnu, String bsd) {
        assertEquals(gnu, Backends.gnu(prompt), prompt);
        assertEquals(bsd, Backends.bsd(prompt), prompt);
    }

    @Test
    void journalTyposOnLinux() {
        assertEquals("journalctl --since '1 hour ago'", Backends.gnu("jounral entries from the last hour"));
        assertEquals("journalctl -p err --since yesterday", Backends.gnu("eror messages in the jounral since yesterday"));
    }

    @Test
    void theTextToLookForIsNotCorrected() {
        // The user may be hunting for the typo itself.
        assertEquals("grep -c eror app.log", Backends.gnu("count the lines in app.log that mention eror"));
    }
}
