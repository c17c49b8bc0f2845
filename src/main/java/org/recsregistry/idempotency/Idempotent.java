package org.recsregistry.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a POST that creates something as honouring Idempotency-Key; see {@link IdempotencyInterceptor}. */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** The OpenAPI parameter component that documents the header (defined by RouteFiltersOpenApiFilter). */
    String HEADER_PARAMETER = "IdempotencyKey";

    /** Top-level fields of the answer that are never stored (secrets shown once), so a replay goes without them. */
    @Nonbinding String[] withheld() default {};
}
