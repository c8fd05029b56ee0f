package io.keyrail.rotation.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client for the load driver: keep-alive connections from a pool, a request
 * written in one go, the response read and discarded (status line, headers, a Content-Length or
 * chunked body). The JDK's HttpClient costs the driver more CPU per request than the service
 * spends on a sign-in, and the driver shares the machine's two cores with what it measures.
 */
final class LoopbackHttp implements AutoCloseable {

    private final URI base;
    private final InetSocketAddress address;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    LoopbackHttp(URI base) {
        this.base = base;
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
    }

    /** POSTs {@code jsonBody} to {@code path}; the status, or -1 when the exchange failed. */
    int post(String path, String bearerToken, String jsonBody) {
        byte[] request = OpenLoopHttp.post(base, path, bearerToken, jsonBody);
        Connection c = idle.poll();
        try {
            if (c == null) {
                c = new Connection(address);
            }
            c.out.write(request);
            c.out.flush();
            int status = c.readResponse();
            if (c.reusable) {
                idle.add(c);
            } else {
                c.close();
            }
            return status;
        } catch (IOException e) {
            if (c != null) {
                c.close();
            }
            return -1;
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }

    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean reusable;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(address, 5_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 2048);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int readResponse() throws IOException {
            String statusLine = line();
            List<String> headers = new ArrayList<>();
            for (String h = line(); !h.isEmpty(); h = line()) {
                headers.add(h);
            }
            HttpAnswerHead head;
            try {
                head = HttpAnswerHead.parse(statusLine, headers);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage());
            }
            int status = head.status();
            long length = head.contentLength();
            boolean chunked = head.chunked();
            reusable = head.reusable();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                reusable = false;
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in the body");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
