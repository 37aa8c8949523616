package io.github.camelcardsavr.model;

import io.github.camelcardsavr.client.CardsavrJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialModelTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String REQUEST = "{\"type\":\"credential_request\",\"job_id\":\"101\",\"envelope_id\":\"2kRDNRFbPlf98X5S917d4w==\","
            + "\"account_link\":[{\"key_name\":\"username\",\"label\":\"Username\",\"secret\":false},"
            + "{\"key_name\":\"password\",\"label\":\"Password\",\"secret\":true,\"hint\":\"8+\"}],"
            + "\"message\":{\"status\":\"PENDING_NEWCREDS\",\"percent_complete\":21},\"ttl\":240}";

    @Test
    void credentialRequestsAcceptObjectArrayEmptyAndEmptyArray() {
        assertThat(CardsavrJson.parseCredentialRequests(json(REQUEST))).hasSize(1);
        assertThat(CardsavrJson.parseCredentialRequests(json("[" + REQUEST + "," + REQUEST + "]"))).hasSize(2);
        assertThat(CardsavrJson.parseCredentialRequests(new byte[0])).isEmpty();
        assertThat(CardsavrJson.parseCredentialRequests(json("[]"))).isEmpty();
        assertThat(CardsavrJson.parseCredentialRequests(json("null"))).isEmpty();
    }

    @Test
    void credentialRequestFieldsStatusAndExtras() {
        CredentialRequest request = CardsavrJson.parseCredentialRequests(json(REQUEST)).get(0);
        assertThat(request.getJobId()).isEqualTo(101L);
        assertThat(request.getEnvelopeId()).isEqualTo("2kRDNRFbPlf98X5S917d4w==");
        assertThat(request.isTfa()).isFalse();
        assertThat(request.getStatus().getStatus()).isEqualTo("PENDING_NEWCREDS");
        assertThat(request.getAccountLink()).extracting(AccountLinkField::getKeyName).containsExactly("username", "password");
        assertThat(request.getAccountLink()).extracting(AccountLinkField::isSecret).containsExactly(false, true);
        assertThat(request.getAccountLink().get(1).getExtras()).containsEntry("hint", "8+");
        assertThat(request.getExtras()).containsEntry("ttl", 240);
        assertThat(request.getAccountLink()).isUnmodifiable();
        assertThat(request.toString()).contains("username", "password", "credential_request");
    }

    @Test
    void seedTfaRequestWithoutAccountLink() throws Exception {
        String seed = "{\"type\":\"tfa_request\",\"job_id\":101,\"envelope_id\":\"uHsa6mI3GYO2ZwOf82SuaA==\"}";
        CredentialRequest request = CardsavrJson.parseCredentialRequests(json(seed)).get(0);
        assertThat(request.isTfa()).isTrue();
        assertThat(request.getAccountLink()).isEmpty();
        assertThat(request.getStatus()).isNull();
        assertThat(request.getMessageText()).isNull();
        assertThat(CardsavrJson.mapper().readTree(CardsavrJson.toJson(request))).isEqualTo(CardsavrJson.mapper().readTree(seed));
    }

    @Test
    void credentialRequestRoundTripKeepsEverything() throws Exception {
        CredentialRequest request = CardsavrJson.parseCredentialRequests(json(REQUEST)).get(0);
        JsonNode written = CardsavrJson.mapper().readTree(CardsavrJson.toJsonBytes(request));
        JsonNode original = CardsavrJson.mapper().readTree(REQUEST);
        assertThat(written.get("account_link")).isEqualTo(original.get("account_link"));
        assertThat(written.get("ttl")).isEqualTo(original.get("ttl"));
        assertThat(written.get("job_id").asLong()).isEqualTo(101L);
    }

    @Test
    void credentialResponseSerialisesAndMasksItsMessage() {
        CredentialResponse response = CredentialResponse.of("env==", "tfa_request", "123456");
        assertThat(CardsavrJson.toJson(response))
                .isEqualTo("{\"envelope_id\":\"env==\",\"type\":\"tfa_request\",\"message\":\"123456\"}");
        assertThat(response.toString()).doesNotContain("123456").contains("env==");
        assertThatThrownBy(() -> CredentialResponse.of(" ", "tfa", "1")).hasMessageContaining("envelopeId");
        assertThatThrownBy(() -> CredentialResponse.of("e", null, "1")).hasMessageContaining("type");
    }

    @Test
    void credentialResponseReplyParses() {
        CredentialResponseReply reply = CardsavrJson.parseCredentialResponseReply(json(
                "{\"type\":\"credential_response\",\"job_id\":101,\"envelope_id\":\"uHsa6mI3GYO2ZwOf82SuaA==\",\"message\":\"submitted\",\"x\":1}"));
        assertThat(reply.getType()).isEqualTo("credential_response");
        assertThat(reply.getJobId()).isEqualTo(101L);
        assertThat(reply.getEnvelopeId()).isEqualTo("uHsa6mI3GYO2ZwOf82SuaA==");
        assertThat(reply.getMessage()).isEqualTo("submitted");
        assertThat(reply.getExtras()).containsEntry("x", 1);
    }

    @Test
    void subscriptionAndLoginReplyMaskSecrets() {
        Subscription subscription = CardsavrJson.parseSubscription(json("{\"access_key\":\"erz5nk219FPZNWGv3AbHdA==\"}"));
        assertThat(subscription.getAccessKey()).isEqualTo("erz5nk219FPZNWGv3AbHdA==");
        assertThat(subscription.getJobId()).isZero();
        assertThat(subscription.withJobId(123).getJobId()).isEqualTo(123L);
        assertThat(subscription.toString()).doesNotContain("erz5nk219FPZNWGv3AbHdA==");

        SessionLoginReply login = CardsavrJson.parseLoginReply(json("{\"session_token\":\"eyJhbGciOi.secret.sig\","
                + "\"server_public_key\":\"BPub\",\"user_id\":\"42\",\"user\":{\"username\":\"agent\",\"role\":\"cardholder_agent\"},\"extra\":true}"));
        assertThat(login.getSessionToken()).isEqualTo("eyJhbGciOi.secret.sig");
        assertThat(login.getUserId()).isEqualTo(42L);
        assertThat(login.getUser()).containsEntry("role", "cardholder_agent");
        assertThat(login.getExtras()).containsEntry("extra", true);
        assertThat(login.toString()).doesNotContain("eyJhbGciOi");
    }

    @Test
    void errorBodiesInBothShapes() {
        List<ApiError> single = CardsavrJson.parseErrors(json(
                "{\"_errors\":[{\"name\":\"InvalidAccessKey\",\"message\":\"Unknown access key\",\"property\":\"access_key\"}]}"));
        assertThat(single).containsExactly(ApiError.of("InvalidAccessKey", "Unknown access key", "access_key"));

        List<ApiError> fromArray = CardsavrJson.parseErrors(json(
                "[{\"_errors\":[{\"name\":\"A\",\"message\":\"m1\"}]},{\"_errors\":[{\"name\":\"B\",\"property\":\"p\"},\"plain text\"]}]"));
        assertThat(fromArray).extracting(ApiError::getName).containsExactly("A", "B", null);
        assertThat(fromArray.get(2).getMessage()).isEqualTo("plain text");

        assertThat(CardsavrJson.parseErrors(json("<html>Bad gateway</html>"))).isEmpty();
        assertThat(CardsavrJson.parseErrors(new byte[0])).isEmpty();
        assertThat(CardsavrJson.parseErrors(json("{\"message\":\"no errors member\"}"))).isEmpty();
        assertThat(single.get(0).toString()).doesNotContain("Unknown access key");
    }

    @Test
    void parseObjectForJobReplies() {
        assertThat(CardsavrJson.parseObject(json("{\"id\":101,\"status\":\"TFA_CODE_RECEIVED\"}")))
                .containsEntry("id", 101).containsEntry("status", "TFA_CODE_RECEIVED");
        assertThat(CardsavrJson.parseObject(new byte[0])).isEmpty();
        assertThatThrownBy(() -> CardsavrJson.parseObject(json("[1]"))).hasMessageContaining("unexpected JSON shape");
    }
}
