package io.github.camelcardsavr.simulator.cli;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parsed command line. {@code toString} masks the password and the key. */
public record CliOptions(int port, String integratorName, String integratorKey, String username, String password,
        boolean unsigned, boolean https, Long stepDelayMillis, boolean help) {

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar cardsavr-simulator.jar --port N --integrator-name NAME --integrator-key BASE64",
            "                                        --username U --password P [--unsigned] [--https]",
            "                                        [--step-delay-ms N]",
            "  --port N              TCP port (0 = any free port)",
            "  --integrator-name     the integrator (app) name clients sign with",
            "  --integrator-key      base64 of the 32-byte integrator key",
            "  --username/--password the agent account clients log in with",
            "  --unsigned            development mode: plain login and plain JSON",
            "  --https               HTTPS with a self-signed certificate generated at start",
            "  --step-delay-ms N     time between automatic job steps (default 1000)");

    private static final List<String> VALUED = List.of("--port", "--integrator-name", "--integrator-key", "--username",
            "--password", "--step-delay-ms");
    private static final List<String> REQUIRED = List.of("--port", "--integrator-name", "--integrator-key",
            "--username", "--password");

    public static CliOptions parse(String... args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        boolean unsigned = false;
        boolean https = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                inlineValue = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "--unsigned" -> unsigned = true;
                case "--https" -> https = true;
                case "--help", "-h" -> help = true;
                default -> {
                    if (!VALUED.contains(arg)) {
                        throw new UsageException("Unknown option: " + arg);
                    }
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("Option " + arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    values.put(arg, value);
                }
            }
        }
        if (help) {
            return new CliOptions(0, null, null, null, null, unsigned, https, null, true);
        }
        for (String option : REQUIRED) {
            if (values.get(option) == null || values.get(option).isBlank()) {
                throw new UsageException("Missing required option " + option);
            }
        }
        int port = (int) number(values.get("--port"), "--port", 0, 65535);
        String key = values.get("--integrator-key").trim();
        try {
            if (Base64.getDecoder().decode(key).length != 32) {
                throw new UsageException("--integrator-key must be base64 of 32 bytes");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--integrator-key must be base64 of 32 bytes");
        }
        Long stepDelay = values.containsKey("--step-delay-ms")
                ? number(values.get("--step-delay-ms"), "--step-delay-ms", 0, Integer.MAX_VALUE)
                : null;
        return new CliOptions(port, values.get("--integrator-name"), key, values.get("--username"),
                values.get("--password"), unsigned, https, stepDelay, false);
    }

    private static long number(String text, String option, long min, long max) throws UsageException {
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new UsageException(option + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number");
        }
    }

    @Override
    public String toString() {
        return "CliOptions[port=" + port + ", integratorName=" + integratorName + ", integratorKey=****, username="
                + username + ", password=****, unsigned=" + unsigned + ", https=" + https + ", stepDelayMillis="
                + stepDelayMillis + "]";
    }

    /** Bad command line; the message names the problem, never a secret value. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
