package dev.caro.cli.plugins;

import dev.caro.core.plugin.PluginException;
import dev.caro.core.plugin.PluginHost;
import dev.caro.core.plugin.PluginInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code caro plugins install PATH|URL|GROUP:ARTIFACT:VERSION}: fetches and verifies the jar,
 * checks it is a valid plugin for this caro, shows what it provides, asks on a terminal, and
 * installs it.
 */
@Command(name = "install", description = {
    "Installs a plugin from a local jar, an https URL (verified against the .sha256/.sha1 published next to it,"
            + " or --sha256), or Maven coordinates (from Maven Central or plugins.repository, verified against"
            + " the repository's checksum)."})
final class PluginsInstallCommand implements Callable<Integer> {

    @ParentCommand
    PluginsCommand parent;

    @Parameters(paramLabel = "PATH|URL|GROUP:ARTIFACT:VERSION", description = "Where to get the plugin.")
    String source;

    @Option(names = "--sha256", paramLabel = "HEX", description = "Expected SHA-256 of the jar (for URLs without a published checksum).")
    String sha256;

    @Option(names = "--force", description = "Install even if it is older than the installed version.")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() {
        return parent.run(env -> {
            PluginSource src = PluginSource.parse(source);
            Path jar;
            Path downloaded = null;
            PluginDownloader downloader = new PluginDownloader(env.loopbackHttpAllowed());
            Optional<String> expected = Optional.ofNullable(sha256).map(PluginDownloader::firstToken);
            try {
                if (src instanceof PluginSource.LocalJar local) {
                    jar = local.path();
                    if (expected.isPresent()) {
                        checkLocal(jar, expected.get());
                    }
                } else if (src instanceof PluginSource.Url url) {
                    downloaded = downloader.download(url.uri(), expected, downloadDir(env));
                    jar = downloaded;
                } else {
                    PluginSource.Maven maven = (PluginSource.Maven) src;
                    downloaded = downloader.download(maven.in(env.mavenRepository()), expected, downloadDir(env));
                    jar = downloaded;
                }
                return install(env, parent.host(), jar);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginsFailure(130, "interrupted");
            } finally {
                deleteQuietly(downloaded);
            }
        });
    }

    private int install(PluginsEnvironment env, PluginHost host, Path jar) throws PluginsFailure {
        PluginInfo info;
        try {
            info = host.inspect(jar);
        } catch (PluginException e) {
            throw new PluginsFailure(PluginsCommand.EXIT_REJECTED, e.getMessage());
        }
        env.out().println(info.id() + " " + info.version() + (info.provider().isEmpty() ? "" : " by " + info.provider())
                + (info.description().isEmpty() ? "" : ": " + info.description()));
        env.out().println("  provides: " + info.provides().summary() + "; requires caro API " + info.requires());
        if (info.provides().safetyRules()) {
            List<String> problems;
            try {
                problems = RuleExampleCheck.problems(jar);
            } catch (IOException e) {
                throw new PluginsFailure(PluginsCommand.EXIT_REJECTED, "Cannot check the rules of " + info.id() + ": "
                        + e.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new PluginsFailure(PluginsCommand.EXIT_REJECTED, "Safety pack " + info.id() + " " + info.version()
                        + " fails its own checks with this caro; nothing was installed:\n  "
                        + String.join("\n  ", problems));
            }
        }
        if (env.stdinTerminal() && !yes) {
            env.out().print("Install it into " + env.pluginsDir() + "? [y/N] ");
            env.out().flush();
            if (!confirmed(env)) {
                env.out().println("Not installed.");
                return PluginsCommand.EXIT_DECLINED;
            }
        }
        PluginInfo installed = PluginsRemoveCommand.hostCall(() -> host.install(jar, force));
        env.out().println("Installed " + installed.id() + " " + installed.version() + " as " + installed.path()
                + (installed.status().id().equals("disabled") ? " (disabled: 'caro plugins enable " + installed.id()
                        + "' switches it on)." : "."));
        return 0;
    }

    private static boolean confirmed(PluginsEnvironment env) {
        try {
            String line = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
            return line != null && (line.strip().toLowerCase(Locale.ROOT).equals("y")
                    || line.strip().toLowerCase(Locale.ROOT).equals("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkLocal(Path jar, String expected) throws PluginsFailure {
        try {
            String actual = PluginDownloader.digest("SHA-256", Files.readAllBytes(jar));
            if (!actual.equals(expected)) {
                throw new PluginsFailure(PluginsCommand.EXIT_REJECTED, "Checksum mismatch for " + jar + ": --sha256 says "
                        + expected + ", the file has " + actual + ". Nothing was installed.");
            }
        } catch (IOException e) {
            throw new PluginsFailure(PluginsCommand.EXIT_USAGE, "Cannot read " + jar + ": " + e.getMessage());
        }
    }

    /** Inside the plugins directory (same file system for the final move) but never scanned for plugins. */
    private static Path downloadDir(PluginsEnvironment env) {
        return env.pluginsDir().resolve(".downloads");
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover .part file is ignored by the host
            }
        }
    }
}
