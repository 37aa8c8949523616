package io.github.camelcardsavr.client;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardsavrClientConfigTest {

    static final String KEY = Base64.getEncoder().encodeToString("k3y-k3y-k3y-k3y-k3y-k3y-k3y-k3y!".getBytes());

    private static CardsavrClientConfig.Builder signed() {
        return CardsavrClientConfig.builder().baseUrl("https://api.acme.cardsavr.io/")
                .integratorName("acme").integratorKey(KEY).username("agent").password("Pa55word!");
    }

    @Test
    void signedIsTheDefaultAndDefaultsApply() {
        CardsavrClientConfig config = signed().build();
        assertThat(config.getAuthMode()).isEqualTo(AuthMode.SIGNED);
        assertThat(config.getBaseUrl()).isEqualTo("https://api.acme.cardsavr.io");
        assertThat(config.getTraceKey()).isEqualTo("agent");
        assertThat(config.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.getResponseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.getMaxConnections()).isEqualTo(256);
        assertThat(config.getMaxResponseBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(config.integratorKey()).hasSize(32);
    }

    @Test
    void missingSignedSettingsAreNamed() {
        assertThatThrownBy(() -> signed().integratorName(null).build()).hasMessageContaining("integratorName is required when authMode=signed");
        assertThatThrownBy(() -> signed().integratorKey(" ").build()).hasMessageContaining("integratorKey is required");
        assertThatThrownBy(() -> signed().username(null).build()).hasMessageContaining("username is required");
        assertThatThrownBy(() -> signed().password(null).build()).hasMessageContaining("password is required when authMode=signed");
        assertThatThrownBy(() -> signed().baseUrl(null).build()).hasMessageContaining("baseUrl is required");
        assertThatThrownBy(() -> signed().authMode(null).build()).hasMessageContaining("authMode");
    }

    @Test
    void unsignedAndTokenNeedTheirOwnSettings() {
        CardsavrClientConfig.Builder unsigned = CardsavrClientConfig.builder().authMode(AuthMode.UNSIGNED).baseUrl("http://127.0.0.1:8080");
        assertThatThrownBy(unsigned::build).hasMessageContaining("username is required");
        assertThat(unsigned.username("u").password("p").build().getAuthMode()).isEqualTo(AuthMode.UNSIGNED);

        CardsavrClientConfig.Builder token = CardsavrClientConfig.builder().authMode(AuthMode.TOKEN).baseUrl("http://localhost:1");
        assertThatThrownBy(token::build).hasMessageContaining("sessionToken is required when authMode=token");
        CardsavrClientConfig built = token.sessionToken("jwt").integratorName("acme").build();
        assertThat(built.getTraceKey()).isEqualTo("acme");
        assertThat(CardsavrClientConfig.builder().authMode(AuthMode.TOKEN).baseUrl("http://localhost:1")
                .sessionToken("jwt").traceKey("my_trace").build().getTraceKey()).isEqualTo("my_trace");
    }

    @Test
    void integratorKeyMustBeBase64Of32BytesAndIsNotEchoed() {
        assertThatThrownBy(() -> signed().integratorKey("c2hvcnQ=").build())
                .hasMessageContaining("32 bytes, got 5").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> signed().integratorKey("***not base64***").build())
                .hasMessageContaining("not valid base64").hasMessageNotContaining("***not");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080", "http://127.9.8.7", "http://localhost:9000/base", "http://[::1]:8080",
            "HTTP://LOCALHOST" })
    void plainHttpIsAllowedToLoopback(String url) {
        assertThat(signed().baseUrl(url).build().getBaseUrl()).startsWithIgnoringCase("http://");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://api.acme.cardsavr.io", "http://10.0.0.5:8080", "http://localhost.evil.example",
            "http://127.0.0.1.nip.io", "http://[::2]:80", "http://0.0.0.0:8080" })
    void plainHttpToOtherHostsIsRefused(String url) {
        assertThatThrownBy(() -> signed().baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowInsecureHttp");
        assertThat(signed().baseUrl(url).allowInsecureHttp(true).build().isAllowInsecureHttp()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]:8080" })
    void plainHttpToLoopbackThroughAProxyNeedsAllowInsecureHttp(String url) {
        // through a proxy the plain traffic leaves the machine, even when the target name is a loopback one
        assertThatThrownBy(() -> signed().baseUrl(url).proxyHost("proxy.local").proxyPort(3128).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("through the proxy proxy.local:3128").hasMessageContaining("allowInsecureHttp");
        assertThat(signed().baseUrl(url).proxyHost("proxy.local").proxyPort(3128).allowInsecureHttp(true).build()
                .getProxyHost()).isEqualTo("proxy.local");
        assertThat(signed().baseUrl(url.replace("http:", "https:")).proxyHost("proxy.local").proxyPort(3128).build()
                .getProxyHost()).isEqualTo("proxy.local");
    }

    @Test
    void malformedBaseUrlsAreRefused() {
        assertThatThrownBy(() -> signed().baseUrl("ftp://x.example").build()).hasMessageContaining("scheme 'ftp'");
        assertThatThrownBy(() -> signed().baseUrl("https://u:secretpw@x.example").build())
                .hasMessageContaining("user info").hasMessageNotContaining("secretpw");
        assertThatThrownBy(() -> signed().baseUrl("https://x.example/?a=1").build()).hasMessageContaining("query");
        assertThatThrownBy(() -> signed().baseUrl("not a url").build()).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> signed().baseUrl("https:///path").build()).hasMessageContaining("no host");
    }

    @Test
    void numericSettingsAreChecked() {
        assertThatThrownBy(() -> signed().connectTimeout(Duration.ZERO).build()).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> signed().responseTimeout(Duration.ofSeconds(-1)).build()).hasMessageContaining("responseTimeout");
        assertThatThrownBy(() -> signed().maxConnections(0).build()).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> signed().maxResponseBytes(0).build()).hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> signed().proxyHost("proxy.local").build()).hasMessageContaining("proxyPort");
        assertThatThrownBy(() -> signed().proxyPort(3128).build()).hasMessageContaining("proxyHost");
        assertThat(signed().proxyHost("proxy.local").proxyPort(3128).build().getProxyPort()).isEqualTo(3128);
    }

    @Test
    void toStringMasksSecrets() {
        String text = signed().sessionToken("eyJ.jwt.sig").build().toString();
        assertThat(text).doesNotContain(KEY).doesNotContain("Pa55word!").doesNotContain("eyJ.jwt.sig")
                .contains("acme", "agent", "https://api.acme.cardsavr.io", "****");
    }
}
