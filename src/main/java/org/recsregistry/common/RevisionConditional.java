package org.recsregistry.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks public reads outside /api (the web pages) that, like the API's reads, answer ETag and
 * Last-Modified from the registry revision and 304 to a matching conditional GET (see {@link ConditionalGetFilters}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RevisionConditional {
}
