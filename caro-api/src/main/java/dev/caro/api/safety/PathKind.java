package dev.caro.api.safety;

import dev.caro.api.Stable;

/**
 * What a path argument points at, from the most to the least sensitive. Rules use it to scale
 * risk by target: {@code rm -rf ./build} is safe, {@code rm -rf ~} is critical.
 */
@Stable(since = "1.0")
public enum PathKind {
    /** {@code /}, {@code /*}, a drive root such as {@code C:\}. */
    ROOT,
    /** A block or character device: {@code /dev/sda}, {@code /dev/nvme0n1}, {@code \\.\PhysicalDrive0}. */
    DEVICE,
    /** A system directory or something in it: {@code /etc}, {@code /usr/lib}, {@code /boot}, {@code C:\Windows}. */
    SYSTEM,
    /** The home directory itself or all of its entries: {@code ~}, {@code $HOME}, {@code ~/*}, {@code /home/ana}. */
    HOME,
    /** A path whose value depends on a variable or substitution caro cannot resolve (may be empty or {@code /}). */
    UNKNOWN,
    /** Elsewhere outside the working directory, including other entries of the home directory. */
    OUTSIDE_CWD,
    /** The working directory itself ({@code .}, {@code *}). */
    CWD,
    /** Inside the working directory. */
    INSIDE_CWD,
    /** A temporary directory or inside one: {@code /tmp}, {@code /var/tmp}, {@code $TMPDIR}. */
    TEMP
}
