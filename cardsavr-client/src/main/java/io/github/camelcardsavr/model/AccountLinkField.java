package io.github.camelcardsavr.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One field a credential request asks for, e.g. {@code {"key_name":"username","label":"Username","secret":false}}. */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AccountLinkField {

    private final String keyName;
    private final String label;
    private final Boolean secret;
    private final Map<String, Object> extras;

    @JsonCreator
    AccountLinkField(@JsonProperty("key_name") String keyName,
                     @JsonProperty("label") String label,
                     @JsonProperty("secret") Boolean secret,
                     @JsonAnySetter Map<String, Object> extras) {
        this.keyName = keyName;
        this.label = label;
        this.secret = secret;
        this.extras = Extras.freeze(extras);
    }

    public static AccountLinkField of(String keyName, String label, boolean secret) {
        return new AccountLinkField(keyName, label, secret, null);
    }

    @JsonProperty("key_name")
    public String getKeyName() {
        return keyName;
    }

    @JsonProperty("label")
    public String getLabel() {
        return label;
    }

    public boolean isSecret() {
        return Boolean.TRUE.equals(secret);
    }

    @JsonProperty("secret")
    private Boolean secretForJson() {
        return secret;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtras() {
        return extras;
    }

    @Override
    public String toString() {
        return "AccountLinkField[keyName=" + keyName + ", label=" + label + ", secret=" + isSecret() + "]";
    }
}
