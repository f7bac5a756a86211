import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSE fan-out benchmark for Kontor (run with JDK 21+: {@code java bench/driver/SseFanout.java key=value ...}).
 *
 * <p>Opens {@code connections} idle Server-Sent-Events streams ({@code GET /api/v1/events}, one virtual thread and one
 * plain socket each, bearer tokens {@code bench-token-<user>} of users {@code 2..}), then writes {@code posts} posts
 * into a company-wide space at {@code rate} per second through the API and measures, for every stream and every
 * post, the time from sending the create request to receiving the event. Everything is bounded: connection ramp,
 * a fixed number of posts, and a final wait of at most {@code drainSeconds}. Prints one line "BENCHJSON {...}".
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

        // receipts[c] = list of (postId, nanoTime) per connection
        @SuppressWarnings("unchecked")
        List<long[]>[] receipts = new List[connections];
        AtomicInteger open = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong delivered = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(connections);
        List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        long connectStart = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            receipts[c] = java.util.Collections.synchronizedList(new ArrayList<>());
            int user = userFor(c, users);
            List<long[]> mine = receipts[c];
            Thread.ofVirtual().start(() -> {
                boolean counted = false;
                try (Socket s = new Socket()) {
                    sockets.add(s);
                    s.connect(new InetSocketAddress(host, port), 10_000);
                    OutputStream out = s.getOutputStream();
                    out.write(("GET /api/v1/events HTTP/1.1\r\nHost: " + host + ":" + port
                            + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer bench-token-" + user
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 4096);
                    String status = line(in);
                    if (status == null || !status.contains(" 200")) {
                        throw new IOException("status " + status);
                    }
                    boolean chunked = false;
                    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                        if (h.toLowerCase().startsWith("transfer-encoding:") && h.toLowerCase().contains("chunked")) {
                            chunked = true;
                        }
                    }
                    open.incrementAndGet();
                    counted = true;
                    ready.countDown();
                    InputStream body = chunked ? new Chunked(in) : in;
                    for (String l = line(body); l != null; l = line(body)) {
                        if (l.startsWith("data:")) {
                            Matcher m = POST_ID.matcher(l);
                            if (m.find()) {
                                mine.add(new long[] {Long.parseLong(m.group(1)), System.nanoTime()});
                                delivered.incrementAndGet();
                            }
                        }
                    }
                } catch (IOException e) {
                    if (!counted) {
                        failed.incrementAndGet();
                        ready.countDown();
                    }
                }
            });
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
        for (int i = 0; i < posts; i++) {
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
            sentAt.put(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)), t0);
        }
        long expected = (long) sentAt.size() * open.get();
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (countMatched(receipts, sentAt) < expected && System.nanoTime() < drainUntil) {
            Thread.sleep(250);
        }
        long[] latencies = latencies(receipts, sentAt);
        for (Socket s : sockets.toArray(new Socket[0])) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing at the end of the run
            }
        }
        Arrays.sort(latencies);
        System.out.printf("BENCHJSON {\"connections\":%d,\"open\":%d,\"failed\":%d,\"connectSeconds\":%.1f,"
                        + "\"posts\":%d,\"createErrors\":%d,\"expected\":%d,\"received\":%d,\"missing\":%d,"
                        + "\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,\"eventsSeen\":%d}%n",
                connections, open.get(), failed.get(), connectSeconds, sentAt.size(), createErrors, expected,
                latencies.length, expected - latencies.length, pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, delivered.get());
        System.exit(0);
    }

    /** Users 2.. without the generator's guests (every 50th user), so each stream may read the company space. */
    static int userFor(int connection, int users) {
        int u = 2 + connection % (users - 2);
        return u % 50 == 0 ? u + 1 : u;
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

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** One line without its CR/LF, or null at the end of the stream. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Decodes a chunked HTTP/1.1 body. */
    static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                while (size != null && size.isEmpty()) {
                    size = line(in);
                }
                if (size == null) {
                    done = true;
                    return -1;
                }
                int semi = size.indexOf(';');
                left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int c = in.read();
            if (c == -1) {
                done = true;
                return -1;
            }
            left--;
            return c;
        }
    }
}
