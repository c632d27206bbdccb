package org.unionanalytics.api.access;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** An identity provider's signing key, for tests: signs tokens, and publishes its public half as a JSON Web Key. */
record SigningKey(String id, String algorithm, KeyPair pair, JsonObject publicJwk) {

    private static final Vertx SIGNER = Vertx.vertx();

    static SigningKey rsa(String id) {
        KeyPair pair = generate("RSA", null);
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return new SigningKey(id, "RS256", pair, new JsonObject().put("kty", "RSA").put("kid", id).put("use", "sig")
                .put("alg", "RS256").put("n", unsigned(key.getModulus(), 0)).put("e", unsigned(key.getPublicExponent(), 0)));
    }

    static SigningKey ec(String id) {
        KeyPair pair = generate("EC", new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return new SigningKey(id, "ES256", pair, new JsonObject().put("kty", "EC").put("kid", id).put("use", "sig")
                .put("alg", "ES256").put("crv", "P-256").put("x", unsigned(key.getW().getAffineX(), 32))
                .put("y", unsigned(key.getW().getAffineY(), 32)));
    }

    static JsonObject keySet(SigningKey... keys) {
        JsonArray published = new JsonArray();
        Arrays.stream(keys).forEach(key -> published.add(key.publicJwk()));
        return new JsonObject().put("keys", published);
    }

    String sign(JsonObject claims) {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        return JWTAuth.create(SIGNER, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm)
                .setId(id).setBuffer(pem))).generateToken(claims, new JWTOptions().setAlgorithm(algorithm).setExpiresInMinutes(5));
    }

    private static KeyPair generate(String kind, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kind);
            if (curve != null) {
                generator.initialize(curve);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64url of a number's big-endian bytes without a sign byte, padded to {@code length} bytes if given. */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
