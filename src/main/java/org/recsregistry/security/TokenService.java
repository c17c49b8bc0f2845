package org.recsregistry.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.audit.AuditService;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.security.dto.TokenRequest;
import org.recsregistry.security.dto.TokenView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issues, lists, revokes and checks personal API tokens; issuing and revoking are audited, never with the secret. */
@ApplicationScoped
public class TokenService {

    private static final String AUDIT_TYPE = "token";

    @Inject
    AuditService audit;

    @Transactional
    public TokenView create(TokenRequest request, String createdBy) {
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken();
        token.name = request.name().strip();
        token.role = request.role();
        token.tokenHash = TokenSecrets.hash(secret);
        token.createdBy = createdBy;
        token.createdAt = Instant.now();
        token.expiresAt = request.expiresAt();
        token.persist();
        audit.record("token.create", AUDIT_TYPE, Long.toString(token.id), null, view(token, null));
        return view(token, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> list() {
        return ApiToken.<ApiToken>listAll(Sort.by("id")).stream().map(t -> view(t, null)).toList();
    }

    /** Revokes the token; revoking it again changes nothing. */
    @Transactional
    public TokenView revoke(long id) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            throw new NotFoundProblem("token", Long.toString(id));
        }
        if (token.revokedAt == null) {
            TokenView before = view(token, null);
            token.revokedAt = Instant.now();
            audit.record("token.revoke", AUDIT_TYPE, Long.toString(id), before, view(token, null));
        }
        return view(token, null);
    }

    /** The usable token with this secret, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiToken> find(String secret) {
        return ApiToken.<ApiToken>find("tokenHash", TokenSecrets.hash(secret)).firstResultOptional()
                .filter(t -> t.usableAt(Instant.now()));
    }

    private static TokenView view(ApiToken t, String secret) {
        return new TokenView(t.id, t.name, t.role, t.createdBy, t.createdAt, t.expiresAt, t.revokedAt, secret);
    }
}
