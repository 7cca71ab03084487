/**
 * The parsed form of a shell command line that safety rules inspect: simple commands with their
 * words, redirections and source spans, after wrappers ({@code sudo}, {@code env}, ...) are
 * removed and nested commands ({@code bash -c}, {@code find -exec}, {@code xargs}, ...) are
 * unfolded. caro's core produces it; rules only read it.
 */
@Stable(since = "1.0")
package dev.caro.api.shell;

import dev.caro.api.Stable;
