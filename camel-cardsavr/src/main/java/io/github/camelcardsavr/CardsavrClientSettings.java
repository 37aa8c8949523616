package io.github.camelcardsavr;

import java.time.Duration;
import java.util.Locale;

import javax.net.ssl.SSLContext;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.client.CardsavrClientConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options that decide which HTTP client and session an endpoint needs. Endpoints whose settings are equal share one
 * {@link io.github.camelcardsavr.client.CardsavrClient}, i.e. one login and one connection pool.
 */
record CardsavrClientSettings(
        String baseUrl, String authMode, String integratorName, String integratorKey, String username, String password,
        String sessionToken, String traceKey, boolean allowInsecureHttp, SSLContextParameters sslContextParameters,
        long connectTimeout, long responseTimeout, int maxConnections, int maxResponseBytes, String proxyHost,
        Integer proxyPort) {

    static CardsavrClientSettings of(CardsavrConfiguration c) {
        return new CardsavrClientSettings(
                c.getBaseUrl(), c.normalizedAuthMode(), c.getIntegratorName(), c.getIntegratorKey(), c.getUsername(),
                c.getPassword(), c.getSessionToken(), c.getTraceKey(), c.isAllowInsecureHttp(),
                c.getSslContextParameters(), c.getConnectTimeout(), c.getResponseTimeout(), c.getMaxConnections(),
                c.getMaxResponseBytes(), c.getProxyHost(), c.getProxyPort());
    }

    CardsavrClientConfig toClientConfig(CamelContext camelContext) throws Exception {
        CardsavrClientConfig.Builder b = CardsavrClientConfig.builder()
                .baseUrl(baseUrl)
                .authMode(AuthMode.valueOf(authMode.toUpperCase(Locale.ROOT)))
                .allowInsecureHttp(allowInsecureHttp)
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .responseTimeout(Duration.ofMillis(responseTimeout))
                .maxConnections(maxConnections)
                .maxResponseBytes(maxResponseBytes);
        if (integratorName != null) {
            b.integratorName(integratorName);
        }
        if (integratorKey != null) {
            b.integratorKey(integratorKey);
        }
        if (username != null) {
            b.username(username);
        }
        if (password != null) {
            b.password(password);
        }
        if (sessionToken != null) {
            b.sessionToken(sessionToken);
        }
        if (traceKey != null) {
            b.traceKey(traceKey);
        }
        if (proxyHost != null) {
            b.proxyHost(proxyHost);
            if (proxyPort != null) {
                b.proxyPort(proxyPort);
            }
        }
        if (sslContextParameters != null) {
            SSLContext ssl = sslContextParameters.createSSLContext(camelContext);
            b.sslContext(ssl);
        }
        return b.build();
    }

    /**
     * The secret the consumer state is sealed with: something only the configured credentials hold, so a copy of the
     * state file alone does not reveal access keys.
     */
    String stateSealingSecret() {
        if (integratorKey != null) {
            return integratorKey;
        }
        if (password != null) {
            return username + ":" + password;
        }
        return sessionToken;
    }

    @Override
    public String toString() {
        // records print every component by default; these hold secrets
        return "CardsavrClientSettings[baseUrl=" + baseUrl + ", authMode=" + authMode + ", integratorName="
               + integratorName + "]";
    }
}
