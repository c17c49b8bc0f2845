package org.recsregistry.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.recsregistry.common.Roles;

import java.util.Set;

/** Gives a JWT's admin the curator and reader roles too, as API tokens have them. */
@ApplicationScoped
public class ImpliedRolesAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        for (String role : Set.of(Roles.ADMIN, Roles.CURATOR, Roles.READER)) {
            if (identity.hasRole(role)) {
                builder.addRoles(Roles.implied(role));
            }
        }
        return Uni.createFrom().item(builder.build());
    }
}
