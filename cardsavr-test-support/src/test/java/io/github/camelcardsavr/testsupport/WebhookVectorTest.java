package io.github.camelcardsavr.testsupport;

import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.simulator.internal.crypto.RequestSignature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's signature code, which the simulator and the scripted double sign with, reproduces the signature a
 * real CardSavr server put on the recorded webhook: the doubles' side of the wire is the real server's.
 */
class WebhookVectorTest {

    @Test
    void simulatorCryptoSignsTheRecordedWebhookAsTheRealServerDid() throws Exception {
        Map<String, String> vector = new ObjectMapper().readValue(Fixtures.webhookVector(), new TypeReference<>() {
        });
        byte[] key = Base64.getDecoder().decode(vector.get("integrator_key"));
        String signature = RequestSignature.sign(key, vector.get("path"), vector.get("authorization"),
                vector.get("nonce"), vector.get("body"));
        assertThat(signature).isEqualTo(vector.get("signature")).isEqualTo("IvP5sku4yDw9ALA3hkaqodHNNCmPqYEYzfGtwY2ZdNE=");
        assertThat(RequestSignature.verify(key, vector.get("path"), vector.get("authorization"), vector.get("nonce"),
                vector.get("body"), signature)).isTrue();
        assertThat(RequestSignature.verify(key, vector.get("path"), vector.get("authorization"), vector.get("nonce"),
                vector.get("body") + " ", signature)).isFalse();
    }
}
