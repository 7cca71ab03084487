/**
 * caro's shell parser and normalizer: {@link dev.caro.core.shell.ShellParser} turns a command
 * line into the {@link dev.caro.api.shell.ShellScript} that safety rules read.
 */
package dev.caro.core.shell;
