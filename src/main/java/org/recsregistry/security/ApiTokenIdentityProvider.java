package org.recsregistry.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.common.Roles;
import org.recsregistry.db.DatabaseAvailability;
import org.recsregistry.db.DatabaseUnavailableException;

import java.util.Optional;

/** Turns the registry's own bearer tokens into identities: the admin token, and personal API tokens. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    static final String ADMIN_PRINCIPAL = "admin-token";

    @Inject
    TokenService tokens;

    @Inject
    AdminTokenCheck adminCheck;

    @Inject
    DatabaseAvailability availability;

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        if (adminCheck.isAdminToken(request.secret())) {
            return Uni.createFrom().item(identity(ADMIN_PRINCIPAL, Roles.ADMIN));
        }
        // A token that cannot be looked up is neither valid nor invalid: 503, never 401.
        if (availability.down()) {
            return Uni.createFrom().failure(new DatabaseUnavailableException());
        }
        return context.runBlocking(() -> lookUp(request.secret()));
    }

    private SecurityIdentity lookUp(String secret) {
        Optional<ApiToken> token;
        try {
            token = tokens.find(secret);
        } catch (RuntimeException e) {
            if (DatabaseAvailability.isConnectionFailure(e)) {
                throw new DatabaseUnavailableException(e);
            }
            throw e;
        }
        return token.map(t -> identity("token:" + t.id + ":" + t.name, t.role))
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, expired or revoked token"));
    }

    private static SecurityIdentity identity(String principal, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(Roles.implied(role)).build();
    }
}
