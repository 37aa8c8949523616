package io.github.camelcardsavr.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The reply to {@code POST /session/login}. The session token is a credential and is never printed. */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "server_public_key", "session_token", "user_id", "user" })
public final class SessionLoginReply {

    private final String sessionToken;
    private final String serverPublicKey;
    private final Long userId;
    private final Map<String, Object> user;
    private final Map<String, Object> extras;

    @JsonCreator
    SessionLoginReply(@JsonProperty("session_token") String sessionToken,
                      @JsonProperty("server_public_key") String serverPublicKey,
                      @JsonProperty("user_id") Long userId,
                      @JsonProperty("user") Map<String, Object> user,
                      @JsonAnySetter Map<String, Object> extras) {
        this.sessionToken = sessionToken;
        this.serverPublicKey = serverPublicKey;
        this.userId = userId;
        this.user = Extras.freeze(user);
        this.extras = Extras.freeze(extras);
    }

    /** A reply for a caller-supplied session token (token mode: no login took place). */
    public static SessionLoginReply ofToken(String sessionToken) {
        return new SessionLoginReply(sessionToken, null, null, null, null);
    }

    @JsonProperty("session_token")
    public String getSessionToken() {
        return sessionToken;
    }

    /** Base64 of the server's raw P-256 point (signed mode), else null. */
    @JsonProperty("server_public_key")
    public String getServerPublicKey() {
        return serverPublicKey;
    }

    @JsonProperty("user_id")
    public Long getUserId() {
        return userId;
    }

    /** The logged-in user's record; empty when the server sent none. */
    public Map<String, Object> getUser() {
        return user;
    }

    @JsonProperty("user")
    private Map<String, Object> userForJson() {
        return user.isEmpty() ? null : user;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtras() {
        return extras;
    }

    @Override
    public String toString() {
        return "SessionLoginReply[userId=" + userId + ", sessionToken=" + (sessionToken == null ? "null" : "****")
                + ", serverPublicKey=" + (serverPublicKey == null ? "null" : "present") + "]";
    }
}
