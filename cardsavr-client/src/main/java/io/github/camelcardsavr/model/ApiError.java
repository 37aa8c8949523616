package io.github.camelcardsavr.model;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a CardSavr error body {@code {"_errors":[{"name","message","property"}]}}. Its name, message and property
 * are server text made safe to print: control characters (CR, LF, ...) are escaped and each is capped at
 * {@value ServerText#MAX_CHARS} characters, so an entry cannot forge a log line wherever it is printed.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ApiError {

    private final String name;
    private final String message;
    private final String property;
    private final Map<String, Object> extras;

    @JsonCreator
    ApiError(@JsonProperty("name") String name,
             @JsonProperty("message") String message,
             @JsonProperty("property") String property,
             @JsonAnySetter Map<String, Object> extras) {
        this.name = ServerText.clean(name);
        this.message = ServerText.clean(message);
        this.property = ServerText.clean(property);
        this.extras = Extras.freeze(extras);
    }

    public static ApiError of(String name, String message, String property) {
        return new ApiError(name, message, property, null);
    }

    @JsonProperty("name")
    public String getName() {
        return name;
    }

    @JsonProperty("message")
    public String getMessage() {
        return message;
    }

    @JsonProperty("property")
    public String getProperty() {
        return property;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ApiError)) {
            return false;
        }
        ApiError other = (ApiError) o;
        return Objects.equals(name, other.name) && Objects.equals(message, other.message)
                && Objects.equals(property, other.property) && extras.equals(other.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, message, property, extras);
    }

    // The server's message text is left out: it is body content and may echo what the caller sent.
    @Override
    public String toString() {
        return "ApiError[name=" + name + ", property=" + property + "]";
    }
}
