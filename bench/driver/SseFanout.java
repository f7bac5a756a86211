import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSE fan-out benchmark for Kontor (run with JDK 21+: {@code java bench/driver/SseFanout.java key=value ...}).
 *
 * <p>Opens {@code connections} idle Server-Sent-Events streams ({@code GET /api/v1/events}, non-blocking sockets read
 * by one thread with one selector, bearer tokens {@code bench-token-<user>} of users {@code 2..}), then writes
 * {@code posts} posts into a company-wide space at {@code rate} per second through the API and measures, for every
 * stream and every post, the time from sending the create request to receiving the event (taken when the selector
 * woke up for the bytes that carried it). Everything is bounded: connection ramp, a fixed number of posts, and a
 * final wait of at most {@code drainSeconds}. Prints one line "BENCHJSON {...}".
 *
 * <p>The HTTP parsing is minimal on purpose (HTTP/1.1, chunked or identity body, SSE "data:" lines); it is a load
 * generator for our own server on loopback, not a general client.
 */
public class SseFanout {

    static final Pattern POST_ID = Pattern.compile("\"postId\"\\s*:\\s*\"?(\\d+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new ConcurrentHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        String host = a.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(a.getOrDefault("port", "18080"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "1000"));
        int users = Integer.parseInt(a.getOrDefault("users", "9000"));
        int posts = Integer.parseInt(a.getOrDefault("posts", "20"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "2"));
        long spaceId = Long.parseLong(a.getOrDefault("space", "1"));
        // posts rotate over this many writers (users 100..), each far below the per-person posting limit
        int writers = Integer.parseInt(a.getOrDefault("writers", "500"));
        int rampPerSecond = Integer.parseInt(a.getOrDefault("ramp", "1000"));
        int drainSeconds = Integer.parseInt(a.getOrDefault("drainSeconds", "15"));
        int holdSeconds = Integer.parseInt(a.getOrDefault("hold", "0"));
        // the first posts after the streams opened warm up the delivery path (JIT, the collection that follows
        // the ramp); they are sent like the others but not measured
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));

        // receipts[c] = list of (postId, nanoTime) per connection
        @SuppressWarnings("unchecked")
        List<long[]>[] receipts = new List[connections];
        AtomicInteger open = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong delivered = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(connections);
        Selector selector = Selector.open();
        Queue<Stream> pending = new ConcurrentLinkedQueue<>();
        Thread.ofPlatform().daemon().name("sse-reader").start(
                () -> readLoop(selector, pending, open, failed, delivered, ready));
        long connectStart = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            receipts[c] = java.util.Collections.synchronizedList(new ArrayList<>());
            byte[] request = ("GET /api/v1/events HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer bench-token-" + userFor(c, users)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            Stream st = new Stream(ch, ByteBuffer.wrap(request), receipts[c]);
            try {
                ch.connect(new InetSocketAddress(host, port));
            } catch (IOException e) {
                st.fail(failed, ready);
                continue;
            }
            pending.add(st);
            selector.wakeup();
            if (rampPerSecond > 0 && c % 100 == 99) {
                Thread.sleep(Math.max(1, 100_000L / rampPerSecond));
            }
        }
        ready.await(120, TimeUnit.SECONDS);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        System.err.printf("open %d, failed %d after %.1f s%n", open.get(), failed.get(), connectSeconds);
        Thread.sleep(1000 + holdSeconds * 1000L);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        int createErrors = 0;
        long intervalNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        for (int i = 0; i < warmup + posts; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += intervalNanos;
            String json = "{\"spaceId\":\"" + spaceId + "\",\"body\":\"SSE-Messung " + i + " " + System.nanoTime()
                    + "\"}";
            long t0 = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
                                    + "/api/v1/posts"))
                            .header("Authorization", "Bearer bench-token-" + userFor(98 + i % writers, users))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            } catch (IOException ex) {
                createErrors++;
                System.err.println("create failed: " + ex);
                continue;
            }
            if (r.statusCode() != 201) {
                createErrors++;
                System.err.println("create failed: " + r.statusCode() + " " + r.body());
                continue;
            }
            String location = r.headers().firstValue("Location").orElseThrow();
            if (i >= warmup) {
                sentAt.put(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)), t0);
            }
        }
        long expected = (long) sentAt.size() * open.get();
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (countMatched(receipts, sentAt) < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(250);
        }
        long[] latencies = latencies(receipts, sentAt);
        perPost(receipts, sentAt);
        selector.close(); // ends the reader loop; the process exit closes the sockets
        Arrays.sort(latencies);
        System.out.printf("BENCHJSON {\"warmupPosts\":%d,\"connections\":%d,\"open\":%d,"
                        + "\"failed\":%d,\"connectSeconds\":%.1f,"
                        + "\"posts\":%d,\"createErrors\":%d,\"expected\":%d,\"received\":%d,\"missing\":%d,"
                        + "\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,\"eventsSeen\":%d}%n",
                warmup, connections, open.get(), failed.get(), connectSeconds, sentAt.size(), createErrors, expected,
                latencies.length, expected - latencies.length, pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, delivered.get());
        System.exit(0);
    }

    /** Users 2.. without the generator's guests (every 50th user), so each stream may read the company space. */
    static int userFor(int connection, int users) {
        int u = 2 + connection % (users - 2);
        return u % 50 == 0 ? u + 1 : u;
    }

    /**
     * One thread and one selector for every stream (like wrk's event loop): a load generator that spends as little
     * CPU per received event as it can, so that the machine's cores go to the server being measured.
     */
    static void readLoop(Selector selector, Queue<Stream> pending, AtomicInteger open, AtomicInteger failed,
                         AtomicLong delivered, CountDownLatch ready) {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        try {
            while (selector.isOpen()) {
                selector.select(100);
                for (Stream st = pending.poll(); st != null; st = pending.poll()) {
                    st.channel.register(selector, SelectionKey.OP_CONNECT, st);
                }
                long now = System.nanoTime();
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Stream st = (Stream) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            st.channel.finishConnect();
                            key.interestOps(SelectionKey.OP_WRITE);
                        } else if (key.isWritable()) {
                            st.channel.write(st.request);
                            if (!st.request.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        } else if (key.isReadable()) {
                            buf.clear();
                            int n = st.channel.read(buf);
                            if (n < 0) {
                                throw new IOException("closed by the server");
                            }
                            for (int i = 0; i < n; i++) {
                                st.accept(buf.get(i), now, open, delivered, ready);
                            }
                        }
                    } catch (IOException e) {
                        key.cancel();
                        st.channel.close();
                        st.fail(failed, ready);
                    }
                }
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            // the selector closed at the end of the run
        }
    }

    /** One SSE stream: the HTTP response head, chunked framing, then SSE lines, parsed byte by byte. */
    static final class Stream {
        final SocketChannel channel;
        final ByteBuffer request;
        final List<long[]> receipts;
        private final byte[] line = new byte[4096];
        private int length;
        private boolean head = true;
        private boolean chunked;
        private boolean counted;
        /** Chunked framing: -1 reading a size line, > 0 data bytes left, 0 the CRLF after the data. */
        private long chunkLeft = -1;

        Stream(SocketChannel channel, ByteBuffer request, List<long[]> receipts) {
            this.channel = channel;
            this.request = request;
            this.receipts = receipts;
        }

        void fail(AtomicInteger failed, CountDownLatch ready) {
            if (!counted) {
                counted = true;
                failed.incrementAndGet();
                ready.countDown();
            }
        }

        void accept(byte b, long now, AtomicInteger open, AtomicLong delivered, CountDownLatch ready)
                throws IOException {
            if (head) {
                if (b != '\n') {
                    append(b);
                    return;
                }
                String h = text();
                if (h.startsWith("HTTP/") && !h.contains(" 200")) {
                    throw new IOException("status " + h);
                }
                if (h.toLowerCase().startsWith("transfer-encoding:") && h.toLowerCase().contains("chunked")) {
                    chunked = true;
                }
                if (h.isEmpty()) {
                    head = false;
                    counted = true;
                    open.incrementAndGet();
                    ready.countDown();
                }
                return;
            }
            if (!chunked) {
                body(b, now, delivered);
            } else if (chunkLeft > 0) {
                chunkLeft--;
                body(b, now, delivered);
            } else if (b == '\n') {
                if (chunkLeft < 0) {
                    String size = text();
                    int semi = size.indexOf(';');
                    chunkLeft = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (chunkLeft == 0) {
                        throw new IOException("stream ended");
                    }
                } else {
                    length = 0;
                    chunkLeft = -1;
                }
            } else if (chunkLeft < 0) {
                append(b);
            }
        }

        private final StringBuilder event = new StringBuilder();

        private void body(byte b, long now, AtomicLong delivered) {
            if (b != '\n') {
                event.append((char) b);
                return;
            }
            if (event.length() > 5 && event.charAt(0) == 'd' && event.indexOf("data:") == 0) {
                Matcher m = POST_ID.matcher(event);
                if (m.find()) {
                    receipts.add(new long[] {Long.parseLong(m.group(1)), now});
                    delivered.incrementAndGet();
                }
            }
            event.setLength(0);
        }

        private void append(byte b) {
            if (b != '\r' && length < line.length) {
                line[length++] = b;
            }
        }

        private String text() {
            String t = new String(line, 0, length, StandardCharsets.ISO_8859_1);
            length = 0;
            return t;
        }
    }

    static long countMatched(List<long[]>[] receipts, Map<Long, Long> sentAt) {
        long n = 0;
        for (List<long[]> r : receipts) {
            synchronized (r) {
                for (long[] e : r) {
                    if (sentAt.containsKey(e[0])) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    static long[] latencies(List<long[]>[] receipts, Map<Long, Long> sentAt) {
        List<Long> out = new ArrayList<>();
        for (List<long[]> r : receipts) {
            synchronized (r) {
                for (long[] e : r) {
                    Long t0 = sentAt.get(e[0]);
                    if (t0 != null) {
                        out.add(e[1] - t0);
                    }
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** On stderr: each post's median and slowest receipt in ms, in the order the posts were sent. */
    static void perPost(List<long[]>[] receipts, Map<Long, Long> sentAt) {
        Map<Long, List<Long>> byPost = new java.util.TreeMap<>();
        for (List<long[]> r : receipts) {
            synchronized (r) {
                for (long[] e : r) {
                    Long t0 = sentAt.get(e[0]);
                    if (t0 != null) {
                        byPost.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1] - t0);
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder("per post (median/max ms):");
        byPost.values().forEach(l -> {
            long[] sorted = l.stream().mapToLong(Long::longValue).sorted().toArray();
            b.append(String.format(" %.0f/%.0f", pct(sorted, 50), sorted[sorted.length - 1] / 1e6));
        });
        System.err.println(b);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
