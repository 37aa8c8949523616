package io.github.camelcardsavr.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link CardsavrClient}. {@link Builder#build()} checks that the settings the chosen
 * {@link AuthMode} needs are present and that plain HTTP goes only to loopback unless explicitly allowed.
 * {@link #toString()} masks the password, the integrator key and the session token. Two configurations are equal when
 * every setting is (the TLS context and completion executor by identity), so callers can share one client per
 * distinct configuration.
 */
public final class CardsavrClientConfig {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    private final URI baseUri;
    private final String baseUrl;
    private final AuthMode authMode;
    private final String integratorName;
    private final byte[] integratorKey;
    private final String username;
    private final String password;
    private final String sessionToken;
    private final String traceKey;
    private final boolean allowInsecureHttp;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxConnections;
    private final String proxyHost;
    private final int proxyPort;
    private final SSLContext sslContext;
    private final int maxResponseBytes;
    private final Executor completionExecutor;

    private CardsavrClientConfig(Builder b, URI baseUri, byte[] integratorKey) {
        this.baseUri = baseUri;
        this.baseUrl = baseUri.toString();
        this.authMode = b.authMode;
        this.integratorName = b.integratorName;
        this.integratorKey = integratorKey;
        this.username = b.username;
        this.password = b.password;
        this.sessionToken = b.sessionToken;
        this.traceKey = firstNonBlank(b.traceKey, b.username, b.integratorName, "camel-cardsavr");
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.maxConnections = b.maxConnections;
        this.proxyHost = b.proxyHost;
        this.proxyPort = b.proxyPort;
        this.sslContext = b.sslContext;
        this.maxResponseBytes = b.maxResponseBytes;
        this.completionExecutor = b.completionExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL without a trailing slash, e.g. {@code https://api.acme.cardsavr.io}. */
    public String getBaseUrl() {
        return baseUrl;
    }

    URI baseUri() {
        return baseUri;
    }

    public AuthMode getAuthMode() {
        return authMode;
    }

    public String getIntegratorName() {
        return integratorName;
    }

    public String getUsername() {
        return username;
    }

    public String getTraceKey() {
        return traceKey;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public SSLContext getSslContext() {
        return sslContext;
    }

    public int getMaxResponseBytes() {
        return maxResponseBytes;
    }

    /** Where futures are completed; null means on the HTTP client's I/O threads (the fastest). */
    public Executor getCompletionExecutor() {
        return completionExecutor;
    }

    // Secrets are reachable only inside the client package.
    byte[] integratorKey() {
        return integratorKey.clone();
    }

    String password() {
        return password;
    }

    String sessionToken() {
        return sessionToken;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CardsavrClientConfig)) {
            return false;
        }
        CardsavrClientConfig other = (CardsavrClientConfig) o;
        return baseUrl.equals(other.baseUrl) && authMode == other.authMode
                && Objects.equals(integratorName, other.integratorName) && Arrays.equals(integratorKey, other.integratorKey)
                && Objects.equals(username, other.username) && Objects.equals(password, other.password)
                && Objects.equals(sessionToken, other.sessionToken) && Objects.equals(traceKey, other.traceKey)
                && allowInsecureHttp == other.allowInsecureHttp && connectTimeout.equals(other.connectTimeout)
                && responseTimeout.equals(other.responseTimeout) && maxConnections == other.maxConnections
                && Objects.equals(proxyHost, other.proxyHost) && proxyPort == other.proxyPort
                && sslContext == other.sslContext && maxResponseBytes == other.maxResponseBytes
                && completionExecutor == other.completionExecutor;
    }

    @Override
    public int hashCode() {
        // secrets stay out of the hash: equal hashes must not hint at equal passwords
        return Objects.hash(baseUrl, authMode, integratorName, username, connectTimeout, responseTimeout, maxConnections,
                proxyHost, proxyPort, maxResponseBytes);
    }

    @Override
    public String toString() {
        return "CardsavrClientConfig[baseUrl=" + baseUrl + ", authMode=" + authMode + ", integratorName=" + integratorName
                + ", integratorKey=" + mask(integratorKey != null) + ", username=" + username
                + ", password=" + mask(password != null) + ", sessionToken=" + mask(sessionToken != null)
                + ", traceKey=" + traceKey + ", allowInsecureHttp=" + allowInsecureHttp
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnections=" + maxConnections + ", proxy=" + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort)
                + ", sslContext=" + (sslContext == null ? "default" : "custom") + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    private static String mask(boolean present) {
        return present ? "****" : "null";
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private String baseUrl;
        private AuthMode authMode = AuthMode.SIGNED;
        private String integratorName;
        private String integratorKey;
        private String username;
        private String password;
        private String sessionToken;
        private String traceKey;
        private boolean allowInsecureHttp;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private String proxyHost;
        private int proxyPort = -1;
        private SSLContext sslContext;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Executor completionExecutor;

        private Builder() {
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder authMode(AuthMode authMode) {
            this.authMode = authMode;
            return this;
        }

        public Builder integratorName(String integratorName) {
            this.integratorName = integratorName;
            return this;
        }

        /** Base64 of the 32-byte integrator key (signed mode). */
        public Builder integratorKey(String integratorKey) {
            this.integratorKey = integratorKey;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The session JWT for {@link AuthMode#TOKEN}. */
        public Builder sessionToken(String sessionToken) {
            this.sessionToken = sessionToken;
            return this;
        }

        /** The {@code key} of the {@code x-cardsavr-trace} header; defaults to the username. */
        public Builder traceKey(String traceKey) {
            this.traceKey = traceKey;
            return this;
        }

        /**
         * Allows {@code http://} to hosts other than loopback, and to any host through a proxy. Never needed against
         * real CardSavr instances.
         */
        public Builder allowInsecureHttp(boolean allowInsecureHttp) {
            this.allowInsecureHttp = allowInsecureHttp;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        /** Size of the connection pool; one connection per concurrently outstanding request. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder proxyHost(String proxyHost) {
            this.proxyHost = proxyHost;
            return this;
        }

        public Builder proxyPort(int proxyPort) {
            this.proxyPort = proxyPort;
            return this;
        }

        /** The TLS context (trust material); certificate and host name verification stay on regardless. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Larger response bodies fail with reason BODY_TOO_LARGE. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /**
         * Completes the client's futures on this executor instead of the HTTP I/O threads; set it when dependent
         * stages may block.
         */
        public Builder completionExecutor(Executor completionExecutor) {
            this.completionExecutor = completionExecutor;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first missing or invalid setting
         */
        public CardsavrClientConfig build() {
            if (authMode == null) {
                throw new IllegalArgumentException("authMode is required (signed, unsigned or token)");
            }
            // before the URL: whether plain http is acceptable depends on the proxy
            if (proxyHost != null && !proxyHost.isBlank() && (proxyPort < 1 || proxyPort > 65535)) {
                throw new IllegalArgumentException("proxyPort must be between 1 and 65535 when proxyHost is set, got " + proxyPort);
            }
            if ((proxyHost == null || proxyHost.isBlank()) && proxyPort != -1) {
                throw new IllegalArgumentException("proxyPort is set but proxyHost is missing");
            }
            URI uri = validateBaseUrl();
            byte[] key = null;
            switch (authMode) {
                case SIGNED:
                    require(integratorName, "integratorName");
                    require(integratorKey, "integratorKey");
                    require(username, "username");
                    require(password, "password");
                    key = decodeIntegratorKey();
                    break;
                case UNSIGNED:
                    require(username, "username");
                    require(password, "password");
                    break;
                case TOKEN:
                    require(sessionToken, "sessionToken");
                    break;
                default:
                    throw new IllegalArgumentException("Unsupported authMode " + authMode);
            }
            if (integratorKey != null && key == null && !integratorKey.isBlank()) {
                key = decodeIntegratorKey();
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(responseTimeout, "responseTimeout");
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
            }
            if (maxResponseBytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be at least 1, got " + maxResponseBytes);
            }
            return new CardsavrClientConfig(this, uri, key);
        }

        private URI validateBaseUrl() {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalArgumentException("baseUrl is required (the CardSavr API base URL, e.g. https://api.acme.cardsavr.io)");
            }
            String trimmed = baseUrl.trim();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            URI uri;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("baseUrl must start with https:// (or http:// for loopback), got scheme '" + scheme + "'");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl has no host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must not contain user info; use username and password");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must not contain a query or fragment");
            }
            if (scheme.equals("http") && !allowInsecureHttp) {
                if (!LoopbackHosts.isLoopback(uri.getHost())) {
                    throw new IllegalArgumentException("baseUrl uses plain http:// to non-loopback host " + uri.getHost()
                            + "; use https:// or set allowInsecureHttp=true");
                }
                if (proxyHost != null && !proxyHost.isBlank()) {
                    // the proxy, not this machine, reaches the target: the plain traffic leaves through the network
                    throw new IllegalArgumentException("baseUrl uses plain http:// through the proxy " + proxyHost + ":"
                            + proxyPort + ", so the traffic leaves this machine although " + uri.getHost()
                            + " is a loopback name; use https:// or set allowInsecureHttp=true");
                }
            }
            return uri;
        }

        private byte[] decodeIntegratorKey() {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(integratorKey.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("integratorKey is not valid base64");
            }
            if (raw.length != ProtocolKey.LENGTH) {
                throw new IllegalArgumentException("integratorKey must be base64 of " + ProtocolKey.LENGTH + " bytes, got " + raw.length + " bytes");
            }
            return raw;
        }

        private void require(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required when authMode=" + authMode);
            }
        }

        private static void requirePositive(Duration value, String name) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
        }
    }
}
