package org.recsregistry.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer secret that is one of the registry's own tokens (not a JWT). */
public class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiTokenRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
