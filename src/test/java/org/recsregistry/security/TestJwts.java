package org.recsregistry.security;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * JWTs for the tests, signed with the key pair that smallrye-jwt makes in memory in test mode
 * (no key is committed), and forged ones signed with a key the application does not trust.
 */
public final class TestJwts {

    public static final String ISSUER = "https://registry.test";

    private TestJwts() {
    }

    public static String token(String subject, String... groups) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(groups)).sign();
    }

    public static String forged(String subject, String... groups) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(groups))
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
