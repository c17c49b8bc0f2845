package org.recsregistry.security;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Read limits low enough to reach in a test, behind a reverse proxy at {@link ReverseProxy#ADDRESS}. */
public class LowRateLimits implements QuarkusTestProfile {

    /** Reads one client address may make before it is refused (the bucket barely refills). */
    public static final int READ_BURST = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("registry.rate-limit.reads-per-second", "0.01",
                "registry.rate-limit.read-burst", Integer.toString(READ_BURST),
                "registry.dataset.import", "never",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.trusted-proxies", ReverseProxy.ADDRESS);
    }
}
