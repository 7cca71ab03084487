package dev.caro.backend.llamacpp;

import dev.caro.api.backend.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A separate caro process pulling one model, for tests of two processes at once. In this package
 * because the downloader is package-private. Prints each task it starts ({@code started: …}) and
 * {@code done} at the end. Arguments: HF_ENDPOINT REPO FILE TARGET SIZE SHA256.
 */
public final class DownloadOnce {

    private DownloadOnce() {}

    public static void main(String[] args) throws Exception {
        ModelDownloader downloader = new ModelDownloader(Map.of("HF_ENDPOINT", args[0]));
        ModelDownloader.Request request = new ModelDownloader.Request("tiny", args[1], args[2],
                OptionalLong.of(Long.parseLong(args[4])), Optional.of(args[5]));
        downloader.download(request, Path.of(args[3]), new ProgressListener() {
            @Override
            public void started(String task, long total) {
                System.out.println("started: " + task);
                System.out.flush();
            }

            @Override
            public void advanced(long done) {}

            @Override
            public void finished() {}
        });
        System.out.println("done");
        System.exit(0);
    }
}
