package dev.caro.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public type that plugins may use but whose contract may still change in a minor
 * {@link CaroApi#VERSION API version}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Stable(since = "1.0")
public @interface Experimental {
    /** The API version that introduced the type. */
    String since();
}
