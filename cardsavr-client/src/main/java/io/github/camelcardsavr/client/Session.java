package io.github.camelcardsavr.client;

import io.github.camelcardsavr.model.SessionLoginReply;

/**
 * An established session: its token, its protocol key (signed mode only), the login reply and the replies accepted
 * under its key. Never printed.
 */
final class Session {

    final String token;
    final ProtocolKey key;
    final SessionLoginReply reply;
    final ReplayGuard acceptedReplies;

    Session(String token, ProtocolKey key, SessionLoginReply reply, ReplayGuard acceptedReplies) {
        this.token = token;
        this.key = key;
        this.reply = reply;
        this.acceptedReplies = acceptedReplies;
    }

    @Override
    public String toString() {
        return "Session[****]";
    }
}
