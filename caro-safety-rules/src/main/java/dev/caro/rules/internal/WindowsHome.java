package dev.caro.rules.internal;

import java.util.regex.Matcher;

/** A path written from a Windows profile ({@code $env:USERPROFILE\.ssh\id_rsa}, {@code %USERPROFILE%\...}) as a home path. */
public final class WindowsHome {

    private static final LazyPattern PROFILE = LazyPattern.of(
            "(?i)^[\"']?(?:\\$env:userprofile|%userprofile%|\\$home|\\$\\{env:userprofile\\})[\\\\/]+([^\"']*)[\"']?$");

    private WindowsHome() {}

    /**
     * The path under {@code home} when {@code source} (the word as written) starts at the Windows
     * profile, with backslashes read as separators; otherwise {@code value} (the word as the shell reads it).
     */
    public static String expand(String source, String value, String home) {
        Matcher m = PROFILE.matcher(source);
        return m.matches() ? home + "/" + m.group(1).replace('\\', '/') : value;
    }
}
