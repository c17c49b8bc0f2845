package org.recsregistry.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rate limits, per instance. */
@ConfigMapping(prefix = "registry.rate-limit")
public interface RateLimitConfig {

    /** Whether requests under /api are rate limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Reads per second one client address may make on average (a conditional read counts 0.1). */
    @WithDefault("50")
    double readsPerSecond();

    /** How many reads one client address may make in a burst. */
    @WithDefault("200")
    double readBurst();

    /** Writes per second one token may make on average. */
    @WithDefault("5")
    double writesPerSecond();

    /** How many writes one token may make in a burst. */
    @WithDefault("50")
    double writeBurst();
}
