package io.github.camelcardsavr.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on loopback that records what it forwarded: plain requests in absolute form (one per
 * connection, answered with {@code Connection: close}) and {@code CONNECT} tunnels, which carry TLS untouched. Host
 * names can be aliased to an address, so a client can be sent to a name no resolver knows.
 */
final class RecordingProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();

    RecordingProxy() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.execute(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connects requests for {@code host} to {@code address} instead. */
    void alias(String host, String address) {
        aliases.put(host.toLowerCase(Locale.ROOT), address);
    }

    /** Request lines as received, e.g. {@code GET http://127.0.0.1:8080/x} or {@code CONNECT host:443}. */
    List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            forwarded.add(requestLine[0] + " " + requestLine[1]);
            if (requestLine[0].equals("CONNECT")) {
                tunnel(client, requestLine[1]);
            } else {
                forward(client, requestLine, head.subList(1, head.size()), in);
            }
        } catch (IOException e) {
            // a side hung up; the client sees the connection end
        }
    }

    private void tunnel(Socket client, String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket upstream = connect(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            workers.execute(() -> pump(upstream, client));
            pump(client, upstream);
        }
    }

    private void forward(Socket client, String[] requestLine, List<String> headers, InputStream in) throws IOException {
        URI target = URI.create(requestLine[1]);
        try (Socket upstream = connect(target.getHost(), target.getPort())) {
            StringBuilder out = new StringBuilder(requestLine[0]).append(' ').append(target.getRawPath())
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(' ').append(requestLine[2])
                    .append("\r\n");
            long length = 0;
            for (String header : headers) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    length = Long.parseLong(header.substring(header.indexOf(':') + 1).trim());
                }
                if (!name.equals("connection") && !name.equals("proxy-connection") && !name.equals("keep-alive")) {
                    out.append(header).append("\r\n");
                }
            }
            out.append("Connection: close\r\n\r\n");
            OutputStream toUpstream = upstream.getOutputStream();
            toUpstream.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
            toUpstream.write(in.readNBytes((int) length));
            toUpstream.flush();
            // the reply, with Connection: close so that the client does not reuse this one-request connection
            InputStream fromUpstream = upstream.getInputStream();
            List<String> replyHead = readHead(fromUpstream);
            StringBuilder reply = new StringBuilder();
            for (String line : replyHead) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    reply.append(line).append("\r\n");
                }
            }
            reply.append("Connection: close\r\n\r\n");
            client.getOutputStream().write(reply.toString().getBytes(StandardCharsets.ISO_8859_1));
            fromUpstream.transferTo(client.getOutputStream());
            client.getOutputStream().flush();
        }
    }

    private Socket connect(String host, int port) throws IOException {
        return new Socket(aliases.getOrDefault(host.toLowerCase(Locale.ROOT), host), port);
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    /** Header lines up to the blank line, without line ends; empty when the peer closed first. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) != -1) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
            previous = b;
        }
        return List.of();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        workers.shutdownNow();
    }
}
