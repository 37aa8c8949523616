package io.github.camelcardsavr.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a URL host is the loopback interface, without DNS: only {@code localhost}, {@code 127.0.0.0/8}
 * and {@code ::1} literals count, so a name that merely resolves to 127.0.0.1 does not unlock plain HTTP.
 */
final class LoopbackHosts {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private LoopbackHosts() {
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        boolean literal = IPV4.matcher(h).matches() || (h.indexOf(':') >= 0 && h.matches("[0-9a-f:.]+"));
        if (!literal) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
