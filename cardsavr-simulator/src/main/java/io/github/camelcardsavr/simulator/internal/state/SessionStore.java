package io.github.camelcardsavr.simulator.internal.state;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;
import io.github.camelcardsavr.simulator.internal.crypto.HmacJwt;

/**
 * Sessions by id, with HS256 session tokens that carry the id. A token is accepted only if its signature
 * is ours and its session is still live (not ended, not expired by the admin, used within the idle timeout
 * measured on the simulator clock).
 */
public final class SessionStore {

    /** Dead sessions are kept this long (simulator clock) so late requests still get a signed 401. */
    private static final long DEAD_SESSION_GRACE_MILLIS = 24L * 60 * 60 * 1000;

    private final HmacJwt jwt = HmacJwt.withRandomSecret();
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final AdjustableClock clock;
    private final long idleTimeoutMillis;

    public SessionStore(AdjustableClock clock, long idleTimeoutMillis) {
        this.clock = clock;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** A plain session (unsigned login or admin-minted token): no key, plain JSON both ways. */
    public Session createPlain(UserDirectory.Account account) {
        return create(account, null, null);
    }

    /** @param replyScheme how successful replies are encrypted; required with a key, null without */
    public Session create(UserDirectory.Account account, byte[] sessionKey, BodyEncryption.Scheme replyScheme) {
        if ((sessionKey == null) != (replyScheme == null)) {
            throw new IllegalArgumentException("A session has both a key and a reply scheme, or neither");
        }
        byte[] idBytes = new byte[12];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        long now = clock.millis();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", account.username());
        claims.put("user_id", account.userId());
        claims.put("sid", id);
        claims.put("iat", now / 1000);
        Session session = new Session(id, account.username(), account.userId(), jwt.mint(claims), sessionKey, replyScheme,
                now);
        sessions.put(id, session);
        return session;
    }

    /** The session a token names, live or not; empty for forged, malformed or forgotten tokens. */
    public Optional<Session> find(String token) {
        return jwt.verify(token)
                .map(claims -> claims.get("sid"))
                .map(String::valueOf)
                .map(sessions::get);
    }

    public boolean isLive(Session session) {
        return session.isValid(clock.millis(), idleTimeoutMillis);
    }

    public void touch(Session session) {
        session.touch(clock.millis());
    }

    /** Fault switch: every current session answers 401 InvalidSession on its next call. */
    public int expireAll() {
        int count = 0;
        for (Session session : sessions.values()) {
            if (!session.isInvalidated()) {
                session.invalidate();
                count++;
            }
        }
        return count;
    }

    /** Forgets sessions that have been dead for a day of simulator time. */
    public void purge() {
        long now = clock.millis();
        sessions.values().removeIf(session -> !session.isValid(now, idleTimeoutMillis)
                && now - session.lastSeenMillis() > DEAD_SESSION_GRACE_MILLIS);
    }

    /** Copies of the keys of the signed sessions still remembered, live or dead. */
    public List<byte[]> keys() {
        return sessions.values().stream().filter(Session::isSigned).map(session -> session.key().clone()).toList();
    }

    public int liveCount() {
        long now = clock.millis();
        return (int) sessions.values().stream().filter(s -> s.isValid(now, idleTimeoutMillis)).count();
    }
}
