package org.recsregistry.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.security.dto.TokenRequest;
import org.recsregistry.security.dto.TokenView;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issues, lists, revokes and checks personal API tokens. */
@ApplicationScoped
public class TokenService {

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
            token.revokedAt = Instant.now();
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
