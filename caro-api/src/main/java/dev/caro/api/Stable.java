package dev.caro.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public type whose contract is stable: it changes only in backward-compatible ways
 * within one major {@link CaroApi#VERSION API version}. Plugins may depend on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Stable(since = "1.0")
public @interface Stable {
    /** The API version that introduced the type, e.g. {@code "1.0"}. */
    String since();
}
