package io.github.camelcardsavr.client;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.KeyAgreement;

/**
 * The signed-login key exchange on P-256: public keys travel as base64 of the raw uncompressed point
 * ({@code 0x04 || X || Y}); the session key is the 32-byte shared X coordinate.
 */
final class EcdhKeyAgreement {

    private static final int COORDINATE_BYTES = 32;
    private static final int RAW_POINT_BYTES = 1 + 2 * COORDINATE_BYTES;

    private EcdhKeyAgreement() {
    }

    static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation is not available in this JVM", e);
        }
    }

    static String encodePublicKey(ECPublicKey key) {
        byte[] raw = new byte[RAW_POINT_BYTES];
        raw[0] = 0x04;
        copyCoordinate(key.getW().getAffineX(), raw, 1);
        copyCoordinate(key.getW().getAffineY(), raw, 1 + COORDINATE_BYTES);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static void copyCoordinate(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int skip = Math.max(0, bytes.length - COORDINATE_BYTES);
        int length = bytes.length - skip;
        System.arraycopy(bytes, skip, into, offset + COORDINATE_BYTES - length, length);
    }

    /**
     * Reads the server's public key: a raw uncompressed point (the protocol's form) or, tolerated, an X.509
     * SubjectPublicKeyInfo. The point must lie on our curve.
     */
    static ECPublicKey decodePublicKey(String base64, ECParameterSpec curve) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw loginFailed("server_public_key is not valid base64");
        }
        try {
            ECPublicKey key;
            if (bytes.length == RAW_POINT_BYTES && bytes[0] == 0x04) {
                BigInteger x = new BigInteger(1, Arrays.copyOfRange(bytes, 1, 1 + COORDINATE_BYTES));
                BigInteger y = new BigInteger(1, Arrays.copyOfRange(bytes, 1 + COORDINATE_BYTES, RAW_POINT_BYTES));
                key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve));
            } else if (bytes.length > RAW_POINT_BYTES && bytes[0] == 0x30) {
                key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bytes));
            } else {
                throw loginFailed("server_public_key is not an uncompressed P-256 point (" + bytes.length + " bytes)");
            }
            requireOnCurve(key.getW(), curve);
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new CardsavrException(CardsavrException.Reason.LOGIN_FAILED,
                    "server_public_key is not a usable P-256 public key (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void requireOnCurve(ECPoint point, ECParameterSpec curve) {
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            throw loginFailed("server_public_key coordinates are outside the P-256 field");
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        if (!left.equals(right)) {
            throw loginFailed("server_public_key is not a point on P-256");
        }
    }

    /** The ECDH shared secret: the 32-byte X coordinate of the shared point. */
    static byte[] sharedSecret(PrivateKey own, ECPublicKey peer) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(peer, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new CardsavrException(CardsavrException.Reason.LOGIN_FAILED,
                    "ECDH key agreement with the server failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static CardsavrException loginFailed(String message) {
        return new CardsavrException(CardsavrException.Reason.LOGIN_FAILED, message);
    }
}
