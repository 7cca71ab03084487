/** caro's public API: version constants and the stability annotations every public type carries. */
@Stable(since = "1.0")
package dev.caro.api;
