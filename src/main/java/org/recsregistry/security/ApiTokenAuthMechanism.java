package org.recsregistry.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * Takes the bearer tokens that are the registry's own (the configured admin token and personal
 * API tokens, prefix rr_) before JWT validation sees them; every other bearer token is a JWT's.
 */
@ApplicationScoped
public class ApiTokenAuthMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    AdminTokenCheck adminCheck;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String secret = header.substring(BEARER.length()).trim();
        if (!secret.startsWith(TokenSecrets.PREFIX) && !adminCheck.isAdminToken(secret)) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identities.authenticate(new ApiTokenRequest(secret));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenRequest.class);
    }

    @Override
    public int getPriority() {
        // Above the JWT mechanism, which would reject these tokens as malformed JWTs.
        return DEFAULT_PRIORITY + 1000;
    }
}
