package dev.caro.rules.powershell;

import dev.caro.api.safety.PathKind;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.LazyPattern;
import java.util.Locale;

/** Classifies Windows paths as written: drive roots, system folders, the user profile, unknown variables. */
final class WindowsPaths {

    private static final LazyPattern DRIVE_PREFIX = LazyPattern.of("^[\"']?[a-z]:.*");

    private static final LazyPattern DRIVE_ROOT = LazyPattern.of("(?i)^[\"']?(?:[a-z]:[\\\\/]*\\*?|\\$env:systemdrive[\\\\/]*\\*?|%systemdrive%[\\\\/]*\\*?|[\\\\/]\\*?)[\"']?$");
    private static final LazyPattern SYSTEM = LazyPattern.of("(?i)^[\"']?(?:[a-z]:[\\\\/]+(?:windows|program files(?: \\(x86\\))?|programdata"
            + "|users[\\\\/]*\\*?$|boot|recovery|system volume information)|\\$env:(?:windir|systemroot|programfiles|programdata|programfiles\\(x86\\))"
            + "|%(?:windir|systemroot|programfiles|programdata)%|\\$\\{env:(?:windir|systemroot)\\})");
    private static final LazyPattern HOME = LazyPattern.of("(?i)^[\"']?(?:~|\\$home|\\$env:userprofile|%userprofile%|\\$env:homepath|%homepath%"
            + "|[a-z]:[\\\\/]+users[\\\\/]+[^\\\\/*]+)(?:[\\\\/]+\\*?)?[\"']?$");

    /** Inside the Windows folder (not its Temp, Logs, Prefetch or update cache), or the boot files. */
    private static final LazyPattern WINDOWS_FILES = LazyPattern.of("(?i)^[\"']?(?:(?:[a-z]:[\\\\/]+windows|\\$env:(?:windir|systemroot)"
            + "|%(?:windir|systemroot)%)(?:[\\\\/]+(?!(?:temp|logs|prefetch|softwaredistribution)(?:[\\\\/\"']|$))[^\\\\/]+.*)?"
            + "|[a-z]:[\\\\/]+(?:bootmgr|boot[\\\\/].*))[\"']?$");

    private WindowsPaths() {}

    /** Whether the path is the Windows folder or a file Windows needs inside it (C:\\Windows\\System32\\hal.dll), not its caches. */
    static boolean windowsFile(String source) {
        return WINDOWS_FILES.matcher(source).matches();
    }

    /** A top-level folder of a Windows profile that holds the person's own files: ~\Documents, C:\Users\ana\Pictures. */
    private static final LazyPattern PERSONAL_FOLDER = LazyPattern.of("(?i)^[\"']?(?:~|\\$home|\\$env:userprofile|%userprofile%"
            + "|[a-z]:\\\\users\\\\[^\\\\/\"']++)[\\\\/](?:Documents|Desktop|Pictures|Music|Videos|Downloads|OneDrive[^\\\\/\"']*+|\\.ssh)"
            + "[\\\\/]?[\"']?$");

    /** Whether the path is one of a profile's own folders of personal files. */
    static boolean personalFolder(String source) {
        return PERSONAL_FOLDER.matcher(source).matches();
    }

    static PathKind kind(Word w) {
        String s = w.source();
        if (DRIVE_ROOT.matcher(s).matches()) {
            return PathKind.ROOT;
        }
        if (SYSTEM.matcher(s).find()) {
            return PathKind.SYSTEM;
        }
        if (HOME.matcher(s).matches()) {
            return PathKind.HOME;
        }
        String l = s.toLowerCase(Locale.ROOT);
        if (l.contains("$env:temp") || l.contains("$env:tmp") || l.contains("%temp%")) {
            return PathKind.TEMP;
        }
        if (l.startsWith("$") || l.startsWith("\"$") || l.startsWith("%")) {
            return PathKind.UNKNOWN;
        }
        if (DRIVE_PREFIX.matcher(l).matches()) {
            return PathKind.OUTSIDE_CWD;
        }
        return PathKind.INSIDE_CWD;
    }
}
