package dev.caro.rules.internal;

/** Recognizes storage devices by path and tells a whole disk from a partition. */
public final class Devices {

    private static final LazyPattern WHOLE_DISK = LazyPattern.of(
            "/dev/(?:(?:s|h|v|xv)d[a-z]+|nvme\\d+n\\d+|mmcblk\\d+|r?disk\\d+|ada\\d+|da\\d+|nbd\\d+|md\\d+"
            + "|sg\\d+|mem|kmem|port|root|disk/by-[a-z]+/(?!.*-part\\d+$)[^/]+)");
    private static final LazyPattern STORAGE = LazyPattern.of(
            "/dev/(?:(?:s|h|v|xv)d[a-z]+\\d*|nvme\\d+n\\d+(?:p\\d+)?|mmcblk\\d+(?:p\\d+)?|r?disk\\d+(?:s\\d+)*"
            + "|ada\\d+.*|da\\d+.*|nbd\\d+(?:p\\d+)?|md\\d+(?:p\\d+)?|md/.+|dm-\\d+|mapper/.+|loop\\d+(?:p\\d+)?"
            + "|sr\\d+|sg\\d+|mem|kmem|port|root|disk/.+|zd\\d+|[a-z]+vg/.+|vg[\\w-]*/.+|ubuntu-vg/.+|zvol/.+"
            + "|block/.+|xvd.+|[a-z0-9_-]+/[a-z0-9_-]+lv.*)");
    private static final LazyPattern WINDOWS_DRIVE = LazyPattern.of("(?i)\\\\\\\\\\.\\\\(physicaldrive\\d+|[a-z]:)");

    private Devices() {}

    /** Whether {@code path} is a disk, partition, volume or raw memory device. */
    public static boolean isStorage(String path) {
        return STORAGE.matcher(path).matches() || WINDOWS_DRIVE.matcher(path).matches();
    }

    /** Whether {@code path} is a whole disk (or raw memory), not one partition. */
    public static boolean isWholeDisk(String path) {
        return WHOLE_DISK.matcher(path).matches() || path.toLowerCase(java.util.Locale.ROOT).contains("physicaldrive");
    }

    /** Device files that are harmless to write to. */
    public static boolean isHarmless(String path) {
        return path.equals("/dev/null") || path.equals("/dev/zero") || path.equals("/dev/stdout")
                || path.equals("/dev/stderr") || path.equals("/dev/stdin") || path.startsWith("/dev/tty")
                || path.startsWith("/dev/fd/") || path.startsWith("/dev/pts/") || path.equals("/dev/random")
                || path.equals("/dev/urandom") || path.startsWith("/dev/shm/") || path.equals("/dev/full")
                || path.startsWith("/dev/tcp/") || path.startsWith("/dev/udp/") || path.equals("/dev/console")
                || path.equals("/dev/log") || path.startsWith("/dev/snd") || path.startsWith("/dev/video")
                || path.startsWith("/dev/usb") || path.startsWith("/dev/input") || path.startsWith("/dev/ttyS")
                || path.startsWith("/dev/ttyUSB") || path.startsWith("/dev/ttyACM") || path.startsWith("/dev/cu.")
                || path.startsWith("/dev/hidraw") || path.startsWith("/dev/i2c") || path.startsWith("/dev/spidev")
                || path.startsWith("/dev/gpio") || path.equals("/dev/kmsg") || path.startsWith("/dev/mqueue")
                || path.startsWith("/dev/net/") || path.equals("/dev/ptmx") || path.startsWith("/dev/watchdog");
    }

    /** A variable name that suggests it holds a device, e.g. {@code $DEVICE}, {@code ${DISK}}. */
    public static boolean looksLikeDeviceVariable(String source) {
        String s = source.toUpperCase(java.util.Locale.ROOT);
        return s.contains("$") && (s.contains("DEV") || s.contains("DISK") || s.contains("DRIVE")
                || s.contains("USB") || s.contains("SDCARD") || s.contains("PART") || s.contains("/DEV/"));
    }
}
