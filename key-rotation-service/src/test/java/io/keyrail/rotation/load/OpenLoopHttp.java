package io.keyrail.rotation.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop driver's HTTP/1.1 client: one thread sends every request at its scheduled time and
 * reads every answer, over non-blocking keep-alive connections (one request in flight on each;
 * a new connection when none is idle). A thread, or a virtual thread, per request cost the driver
 * several system calls and two thread hand-offs per sign-in, on the two cores it shares with what
 * it measures; here a request is one write and its answer one read.
 *
 * <p>Latency is taken from the scheduled time, so a late send counts against the service, as it
 * would for a terminal (no coordinated omission).
 */
final class OpenLoopHttp implements AutoCloseable {

    /** What a request's answer was: its status (or -1 for a transport error), when it was scheduled, sent and answered. */
    interface Answers {
        void answered(int status, long scheduledNanos, long sentNanos, long doneNanos);
    }

    /** The request to send at each scheduled time; {@code n} counts from 0. */
    interface Requests {
        byte[] request(long n);
    }

    private final InetSocketAddress address;
    private final Selector selector;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final int maxConnections;
    private int connections;

    OpenLoopHttp(URI base, int maxConnections) throws IOException {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.selector = Selector.open();
        this.maxConnections = maxConnections;
    }

    /** Request bytes for a POST of {@code jsonBody} to {@code path}. */
    static byte[] post(URI base, String path, String bearerToken, String jsonBody) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + bearerToken + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * Sends request {@code n} at {@code start + n * period} until {@code end}, then waits up to
     * {@code drain} for the answers still out (those not answered by then count as transport errors).
     */
    void run(long start, long period, long end, long drain, Requests requests, Answers answers) throws IOException {
        long n = 0;
        long next = start;
        while (next < end) {
            long now = System.nanoTime();
            while (next <= now && next < end) {
                send(requests.request(n), next, answers);
                n++;
                next = start + n * period;
            }
            // Wait for answers until the next send is due: in the selector when that is a millisecond
            // or more away (its resolution), else parked (answers are then read up to one period late).
            long wait = next - System.nanoTime();
            if (wait >= 1_000_000L) {
                selector.select(TimeUnit.NANOSECONDS.toMillis(wait));
            } else {
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                selector.selectNow();
            }
            readAnswers(answers);
        }
        long drainUntil = System.nanoTime() + drain;
        while (connections > idle.size() && System.nanoTime() < drainUntil) {
            selector.select(10);
            readAnswers(answers);
        }
        for (SelectionKey key : selector.keys()) {
            Connection c = (Connection) key.attachment();
            if (c.inFlight) {
                answers.answered(-1, c.scheduled, c.sent, System.nanoTime());
            }
        }
    }

    private void send(byte[] request, long scheduled, Answers answers) {
        Connection c = idle.pollFirst();
        try {
            if (c == null) {
                if (connections >= maxConnections) {
                    answers.answered(-1, scheduled, System.nanoTime(), System.nanoTime());
                    return;
                }
                c = new Connection(address, selector);
                connections++;
            }
            c.send(request, scheduled);
        } catch (IOException e) {
            if (c != null) {
                c.close();
                connections--;
            }
            answers.answered(-1, scheduled, System.nanoTime(), System.nanoTime());
        }
    }

    private void readAnswers(Answers answers) {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Connection c = (Connection) key.attachment();
            try {
                int status = c.read();
                if (status != 0) {
                    answers.answered(status, c.scheduled, c.sent, System.nanoTime());
                    if (c.reusable) {
                        idle.addLast(c);
                    } else {
                        c.close();
                        connections--;
                    }
                }
            } catch (IOException | RuntimeException e) {
                answers.answered(-1, c.scheduled, c.sent, System.nanoTime());
                c.close();
                connections--;
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            ((Connection) key.attachment()).close();
        }
        selector.close();
    }

    /** One keep-alive connection with at most one request in flight. */
    private static final class Connection {

        private final SocketChannel channel;
        private final SelectionKey key;
        private ByteBuffer in = ByteBuffer.allocate(4096);
        boolean inFlight;
        boolean reusable;
        long scheduled;
        long sent;

        Connection(InetSocketAddress address, Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send(byte[] request, long scheduledNanos) throws IOException {
            scheduled = scheduledNanos;
            sent = System.nanoTime();
            inFlight = true;
            in.clear();
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                // A request is a few hundred bytes: the socket buffer takes it at once.
                if (channel.write(out) == 0) {
                    Thread.onSpinWait();
                }
            }
        }

        /** Reads what has arrived; the status once the whole answer is in, else 0. */
        int read() throws IOException {
            if (!in.hasRemaining()) {
                ByteBuffer larger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                larger.put(in);
                in = larger;
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed");
            }
            if (!inFlight) {
                throw new IOException("bytes arrived with no request in flight");
            }
            int status = complete(in.array(), in.position());
            if (status != 0) {
                inFlight = false;
            }
            return status;
        }

        /** The status when {@code bytes[0, length)} is one whole answer (Content-Length or chunked), else 0. */
        private int complete(byte[] bytes, int length) {
            int headEnd = indexOf(bytes, length, "\r\n\r\n", 0);
            if (headEnd < 0) {
                return 0;
            }
            List<String> lines = List.of(new String(bytes, 0, headEnd, StandardCharsets.US_ASCII).split("\r\n"));
            HttpAnswerHead head = HttpAnswerHead.parse(lines.getFirst(), lines.subList(1, lines.size()));
            int status = head.status();
            reusable = head.reusable();
            int bodyStart = headEnd + 4;
            if (head.chunked()) {
                return indexOf(bytes, length, "\r\n0\r\n\r\n", bodyStart - 2) >= 0 ? status : 0;
            }
            if (head.contentLength() < 0) {
                throw new IllegalStateException("an answer with neither Content-Length nor chunked encoding");
            }
            return length - bodyStart >= head.contentLength() ? status : 0;
        }

        private static int indexOf(byte[] bytes, int length, String needle, int from) {
            outer:
            for (int i = Math.max(0, from); i <= length - needle.length(); i++) {
                for (int j = 0; j < needle.length(); j++) {
                    if (bytes[i + j] != needle.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        void close() {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
