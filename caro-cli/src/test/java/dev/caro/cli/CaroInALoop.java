package dev.caro.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One real caro process that runs the same caro command several times, as several runs of the
 * {@code caro} launcher would, without paying a JVM start each time. Arguments: TIMES, then
 * caro's arguments; {@code {i}} in them becomes the run's number. Exits with the highest exit code.
 */
public final class CaroInALoop {

    private CaroInALoop() {}

    public static void main(String[] args) {
        int times = Integer.parseInt(args[0]);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int worst = 0;
        for (int i = 0; i < times; i++) {
            String n = Integer.toString(i);
            String[] caroArgs = Arrays.stream(args).skip(1).map(a -> a.replace("{i}", n)).toArray(String[]::new);
            worst = Math.max(worst, Main.run(CliEnvironment.system(out, err), caroArgs));
        }
        System.exit(worst);
    }
}
