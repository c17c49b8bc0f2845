package org.recsregistry.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Authenticates the registry's own bearer tokens: the configured first admin token and personal
 * API tokens (prefix rr_). Any other bearer token is left to JWT validation.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    static final String ADMIN_PRINCIPAL = "admin-token";

    @Inject
    TokenService tokens;

    @ConfigProperty(name = "registry.admin-token")
    Optional<String> adminToken;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Before the JWT validator, which would reject these tokens as malformed JWTs. That validator
        // runs at SYSTEM_FIRST + 1 (1001), so SYSTEM_FIRST (1000) alone came second.
        return SYSTEM_FIRST + 2;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        if (adminToken.filter(admin -> TokenSecrets.sameSecret(admin, secret)).isPresent()) {
            return Uni.createFrom().item(identity(ADMIN_PRINCIPAL, Roles.ADMIN));
        }
        if (!secret.startsWith(TokenSecrets.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> tokens.find(secret)
                .map(t -> identity("token:" + t.id + ":" + t.name, t.role))
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, expired or revoked token")));
    }

    private static SecurityIdentity identity(String principal, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(Roles.implied(role)).build();
    }
}
