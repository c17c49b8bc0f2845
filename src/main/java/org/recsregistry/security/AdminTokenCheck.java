package org.recsregistry.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** The first admin token from configuration (REGISTRY_ADMIN_TOKEN), compared in constant time. */
@ApplicationScoped
public class AdminTokenCheck {

    static final int MIN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(AdminTokenCheck.class);

    @ConfigProperty(name = "registry.admin-token")
    Optional<String> adminToken;

    void onStart(@Observes StartupEvent event) {
        if (adminToken.isPresent() && adminToken.get().length() < MIN_LENGTH) {
            LOG.warnf("registry.admin-token is shorter than %d characters and is ignored", MIN_LENGTH);
        }
    }

    public boolean isAdminToken(String secret) {
        return adminToken.filter(t -> t.length() >= MIN_LENGTH)
                .filter(t -> TokenSecrets.sameSecret(t, secret)).isPresent();
    }
}
