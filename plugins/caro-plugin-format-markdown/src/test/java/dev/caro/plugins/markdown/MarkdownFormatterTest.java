package dev.caro.plugins.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.testkit.OutputFormatterContract;
import org.junit.jupiter.api.Test;

class MarkdownFormatterTest extends OutputFormatterContract {

    @Override
    protected OutputFormatter formatter() {
        return new MarkdownFormatter();
    }

    @Test
    void rendersAResultAsMarkdown() {
        assertEquals("""
                **Request:** delete the logs

                ```sh
                rm -- *.log
                ```

                Removes the log files here.

                **Risk:** moderate · **Decision:** allow

                | Risk | Rule | Finding |
                |---|---|---|
                | moderate | `acme.sample` | Deletes the files matching *.log. |

                > **Warning:** uses a glob

                **Alternatives:**

                - `ls *.log`
                """, formatter().render(sampleResult("rm -- *.log"), FormatOptions.pipe()));
    }

    @Test
    void quietIsTheFencedCommandOnly() {
        assertEquals("```sh\nls\n```\n",
                formatter().render(sampleResult("ls"), new FormatOptions(false, false, true, false)));
    }

    @Test
    void backticksInTheCommandCannotCloseTheFence() {
        String text = formatter().render(sampleResult("echo ```; ls"), new FormatOptions(false, false, true, false));
        assertEquals("````sh\necho ```; ls\n````\n", text);
    }

    @Test
    void controlCharactersBecomeVisible() {
        assertEquals("echo \\x1b[2J\\x07", MarkdownFormatter.visible("echo \u001b[2J\u0007", true));
    }
}
