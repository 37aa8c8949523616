package io.github.camelcardsavr.converter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponseReply;
import io.github.camelcardsavr.model.JobStatus;
import org.apache.camel.Converter;

/**
 * The model objects as their CardSavr JSON (for messages and requests: the text the server sent), so that {@code to("file:...")}, {@code to("jms:...")} or
 * {@code to("kafka:...")} work without a marshal step. Subscription has no converter on purpose: its JSON would carry
 * the access key; use header CamelCardsavrAccessKey.
 */
@Converter(generateLoader = true)
public final class CardsavrTypeConverters {

    private CardsavrTypeConverters() {
    }

    /** Configuration spells the auth mode in lower case; the message names the option and the accepted values. */
    @Converter
    public static AuthMode toAuthMode(String value) {
        return AuthMode.of(value);
    }

    @Converter
    public static String messageToString(CardsavrMessage value) {
        return CardsavrJson.jsonOf(value);
    }

    @Converter
    public static byte[] messageToBytes(CardsavrMessage value) {
        return CardsavrJson.jsonBytesOf(value);
    }

    @Converter
    public static InputStream messageToInputStream(CardsavrMessage value) {
        return new ByteArrayInputStream(CardsavrJson.jsonBytesOf(value));
    }

    @Converter
    public static String statusToString(JobStatus value) {
        return CardsavrJson.toJson(value);
    }

    @Converter
    public static byte[] statusToBytes(JobStatus value) {
        return CardsavrJson.toJsonBytes(value);
    }

    @Converter
    public static InputStream statusToInputStream(JobStatus value) {
        return new ByteArrayInputStream(CardsavrJson.toJsonBytes(value));
    }

    @Converter
    public static String requestToString(CredentialRequest value) {
        return CardsavrJson.jsonOf(value);
    }

    @Converter
    public static byte[] requestToBytes(CredentialRequest value) {
        return CardsavrJson.jsonBytesOf(value);
    }

    @Converter
    public static InputStream requestToInputStream(CredentialRequest value) {
        return new ByteArrayInputStream(CardsavrJson.jsonBytesOf(value));
    }

    @Converter
    public static String replyToString(CredentialResponseReply value) {
        return CardsavrJson.toJson(value);
    }

    @Converter
    public static byte[] replyToBytes(CredentialResponseReply value) {
        return CardsavrJson.toJsonBytes(value);
    }

    @Converter
    public static InputStream replyToInputStream(CredentialResponseReply value) {
        return new ByteArrayInputStream(CardsavrJson.toJsonBytes(value));
    }
}
