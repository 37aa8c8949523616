package io.github.camelcardsavr.simulator.internal.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

import javax.crypto.KeyAgreement;

/**
 * ECDH on P-256 with CardSavr's key encoding: the raw uncompressed point {@code 0x04 || X || Y} (65 bytes).
 * The session key is the 32-byte X coordinate of the shared point, which is what JDK ECDH returns.
 */
public final class Ecdh {

    private static final int COORDINATE_BYTES = 32;
    private static final ECParameterSpec P256 = p256();

    private Ecdh() {
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is not available in this JVM", e);
        }
    }

    public static byte[] encodeRawPoint(PublicKey publicKey) {
        ECPoint point = ((ECPublicKey) publicKey).getW();
        byte[] raw = new byte[1 + 2 * COORDINATE_BYTES];
        raw[0] = 0x04;
        copyUnsigned(point.getAffineX(), raw, 1);
        copyUnsigned(point.getAffineY(), raw, 1 + COORDINATE_BYTES);
        return raw;
    }

    /**
     * Decodes a client public key: the raw uncompressed point the SDKs send, or (leniently) an X.509
     * SubjectPublicKeyInfo. The JDK's key agreement rejects points that are not on the curve.
     */
    public static PublicKey decodePublicKey(byte[] encoded) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("EC");
        if (encoded.length == 1 + 2 * COORDINATE_BYTES && encoded[0] == 0x04) {
            BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 1, 1 + COORDINATE_BYTES));
            BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 1 + COORDINATE_BYTES, encoded.length));
            return factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        }
        return factory.generatePublic(new X509EncodedKeySpec(encoded));
    }

    public static byte[] sharedSecret(PrivateKey ownPrivate, PublicKey peerPublic) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ownPrivate);
        agreement.doPhase(peerPublic, true);
        return agreement.generateSecret();
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - COORDINATE_BYTES);
        int length = bytes.length - start;
        System.arraycopy(bytes, start, target, offset + COORDINATE_BYTES - length, length);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 parameters are not available in this JVM", e);
        }
    }
}
