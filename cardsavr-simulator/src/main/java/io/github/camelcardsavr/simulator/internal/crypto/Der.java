package io.github.camelcardsavr.simulator.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Just enough ASN.1 DER encoding to write one X.509 certificate. The JDK exposes no public certificate
 * builder, and the simulator must generate its HTTPS certificate without keytool or extra libraries.
 */
final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private Der() {
    }

    static byte[] sequence(byte[]... items) {
        return tagged(0x30, concat(items));
    }

    static byte[] set(byte[]... items) {
        return tagged(0x31, concat(items));
    }

    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tagged(0x01, new byte[] { (byte) (value ? 0xFF : 0x00) });
    }

    static byte[] octetString(byte[] value) {
        return tagged(0x04, value);
    }

    /** A BIT STRING holding whole bytes (no unused bits), as signatures and keys are. */
    static byte[] bitString(byte[] value) {
        byte[] content = new byte[value.length + 1];
        System.arraycopy(value, 0, content, 1, value.length);
        return tagged(0x03, content);
    }

    static byte[] utf8String(String value) {
        return tagged(0x0C, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] utcTime(ZonedDateTime time) {
        return tagged(0x17, UTC_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC))
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Explicitly tagged, constructed context-specific value: {@code [n] EXPLICIT}. */
    static byte[] explicit(int tagNumber, byte[] content) {
        return tagged(0xA0 | tagNumber, content);
    }

    /** Implicitly tagged, primitive context-specific value, as GeneralName's dNSName [2] and iPAddress [7]. */
    static byte[] implicitPrimitive(int tagNumber, byte[] content) {
        return tagged(0x80 | tagNumber, content);
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long value = Long.parseLong(parts[i]);
            byte[] base128 = new byte[10];
            int n = 0;
            do {
                base128[n++] = (byte) (value & 0x7F);
                value >>>= 7;
            } while (value != 0);
            for (int j = n - 1; j >= 0; j--) {
                out.write(base128[j] | (j == 0 ? 0 : 0x80));
            }
        }
        return tagged(0x06, out.toByteArray());
    }

    static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xFF);
        } else {
            out.write(0x83);
            out.write(length >>> 16);
            out.write((length >>> 8) & 0xFF);
            out.write(length & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] item : items) {
            out.writeBytes(item);
        }
        return out.toByteArray();
    }
}
