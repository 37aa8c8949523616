package io.github.camelcardsavr.simulator.internal.crypto;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed P-256 server certificate for the simulator's HTTPS mode, built in memory with plain JDK
 * APIs. Its subjectAltName lists localhost, 127.0.0.1, ::1 and the bind host, so clients that verify host
 * names (as the component always does) accept it once they trust this one certificate.
 */
public final class SelfSignedCertificate {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final char[] IN_MEMORY_PASSWORD = "simulator".toCharArray();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    public static SelfSignedCertificate generate(String host) {
        KeyPair keys = Ecdh.generateKeyPair();
        byte[] signatureAlgorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String("CardSavr simulator"))));
        ZonedDateTime now = ZonedDateTime.now();
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.valueOf(2))),
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                signatureAlgorithm,
                name,
                Der.sequence(Der.utcTime(now.minusDays(1)), Der.utcTime(now.plusYears(1))),
                name,
                keys.getPublic().getEncoded(),
                Der.explicit(3, Der.sequence(
                        extension(SUBJECT_ALT_NAME, subjectAltNames(host)),
                        extension(BASIC_CONSTRAINTS, Der.sequence()),
                        extension(EXTENDED_KEY_USAGE, Der.sequence(Der.oid(SERVER_AUTH))))));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] der = Der.sequence(tbs, signatureAlgorithm, Der.bitString(signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            certificate.verify(keys.getPublic());
            return new SelfSignedCertificate(certificate, keys.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate the simulator's self-signed certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The server side: a TLS context presenting this certificate. */
    public SSLContext serverContext() {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("simulator", privateKey, IN_MEMORY_PASSWORD, new Certificate[] { certificate });
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not build the simulator's TLS context", e);
        }
    }

    /** A trust store holding only this certificate, for clients that should trust the simulator. */
    public KeyStore trustStore() {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("cardsavr-simulator", certificate);
            return trustStore;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not build a trust store for the simulator certificate", e);
        }
    }

    /** The client side: a TLS context that trusts exactly this certificate (host names still verified). */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not build a TLS context trusting the simulator", e);
        }
    }

    public String toPem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encode the simulator certificate", e);
        }
    }

    private static byte[] extension(String oid, byte[] value) {
        return Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] subjectAltNames(String host) {
        Set<String> dnsNames = new LinkedHashSet<>(List.of("localhost"));
        Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        if (host != null && !host.isBlank()) {
            if (isIpLiteral(host)) {
                ips.add(host);
            } else {
                dnsNames.add(host);
            }
        }
        List<byte[]> names = new ArrayList<>();
        for (String dns : dnsNames) {
            names.add(Der.implicitPrimitive(2, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        for (String ip : ips) {
            try {
                names.add(Der.implicitPrimitive(7, InetAddress.getByName(ip).getAddress()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("Not an IP literal: " + ip, e);
            }
        }
        return Der.sequence(names.toArray(new byte[0][]));
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
