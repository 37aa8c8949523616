package io.github.camelcardsavr.client;

import io.github.camelcardsavr.model.SessionLoginReply;

/** An established session: its token, its protocol key (signed mode only) and the login reply. Never printed. */
final class Session {

    final String token;
    final ProtocolKey key;
    final SessionLoginReply reply;

    Session(String token, ProtocolKey key, SessionLoginReply reply) {
        this.token = token;
        this.key = key;
        this.reply = reply;
    }

    @Override
    public String toString() {
        return "Session[****]";
    }
}
