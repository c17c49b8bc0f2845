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

/** Turns the registry's own bearer tokens into identities: the admin token, and personal API tokens. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    static final String ADMIN_PRINCIPAL = "admin-token";

    @Inject
    TokenService tokens;

    @Inject
    AdminTokenCheck adminCheck;

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        if (adminCheck.isAdminToken(request.secret())) {
            return Uni.createFrom().item(identity(ADMIN_PRINCIPAL, Roles.ADMIN));
        }
        return context.runBlocking(() -> tokens.find(request.secret())
                .map(t -> identity("token:" + t.id + ":" + t.name, t.role))
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, expired or revoked token")));
    }

    private static SecurityIdentity identity(String principal, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(Roles.implied(role)).build();
    }
}
