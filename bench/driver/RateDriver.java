import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop GET load at a fixed rate (run with JDK 21+: {@code java bench/driver/RateDriver.java key=value ...}).
 *
 * <p>wrk is closed-loop: each of its connections sends the next request when the last one answered, so with 32
 * connections a latency target is only reachable at 32 / latency requests per second. A target such as "p95 <= 20 ms
 * at 200 queries/s" needs the other kind: requests due at a fixed rate ({@code rate} per second, for
 * {@code seconds}), sent over at most {@code connections} keep-alive connections. Latency counts from the moment a
 * request was <em>due</em>, not from when a free connection sent it, so a server that falls behind shows its queue
 * in the percentiles instead of silently lowering the rate ("coordinated omission").
 *
 * <p>Keys: {@code port}, {@code headers} (file, one header line per person, used in turn), {@code paths} (file, one
 * path per line, used in turn), {@code rate}, {@code seconds}, {@code connections} (32), {@code timeoutMs} (10000).
 * Prints one line "BENCHJSON {...}" with the same fields as bench/wrk/scenario.lua plus {@code targetRps}. Minimal
 * HTTP/1.1 (identity or chunked bodies), for our own server on loopback only.
 */
public class RateDriver {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int port = Integer.parseInt(a.get("port"));
        List<String> headers = lines(a.get("headers"));
        List<String> paths = lines(a.get("paths"));
        double rate = Double.parseDouble(a.get("rate"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "32"));
        int timeoutMs = Integer.parseInt(a.getOrDefault("timeoutMs", "10000"));

        long intervalNanos = (long) (1e9 / rate);
        long total = (long) (rate * seconds);
        AtomicLong next = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong connectErrors = new AtomicLong();
        AtomicLong readErrors = new AtomicLong();
        AtomicLong statusErrors = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        long[][] perWorker = new long[connections][];
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            Thread t = Thread.ofPlatform().name("rate-" + w).start(() -> {
                long[] latencies = new long[(int) total];
                int count = 0;
                Socket socket = null;
                InputStream in = null;
                while (true) {
                    long slot = next.getAndIncrement();
                    if (slot >= total) {
                        break;
                    }
                    long due = start + slot * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String path = paths.get((int) (slot % paths.size()));
                    String header = headers.get((int) (slot % headers.size()));
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
                            socket.setSoTimeout(timeoutMs);
                            in = new BufferedInputStream(socket.getInputStream());
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + header
                                + "\r\nAccept: application/json, text/html\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        int status = readResponse(in, bytes);
                        if (status >= 400) {
                            statusErrors.incrementAndGet();
                        }
                        latencies[count++] = System.nanoTime() - due;
                    } catch (SocketTimeoutException e) {
                        timeouts.incrementAndGet();
                        socket = close(socket);
                    } catch (java.net.ConnectException e) {
                        connectErrors.incrementAndGet();
                        socket = close(socket);
                    } catch (IOException e) {
                        readErrors.incrementAndGet();
                        socket = close(socket);
                    }
                }
                close(socket);
                perWorker[worker] = Arrays.copyOf(latencies, count);
            });
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] all = Arrays.stream(perWorker).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "BENCHJSON {\"requests\":%d,\"durationUs\":%d,\"bytes\":%d,\"rps\":%.1f,"
                        + "\"targetRps\":%.1f,\"p50Ms\":%.2f,\"p95Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,"
                        + "\"errors\":{\"connect\":%d,\"read\":%d,\"write\":0,\"status\":%d,\"timeout\":%d}}%n",
                all.length, elapsed / 1000, bytes.get(), all.length / (elapsed / 1e9), rate, pct(all, 50),
                pct(all, 95), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, connectErrors.get(),
                readErrors.get(), statusErrors.get(), timeouts.get());
    }

    static List<String> lines(String file) throws IOException {
        List<String> out = Files.readAllLines(Path.of(file)).stream().filter(l -> !l.isBlank()).toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        return out;
    }

    static Socket close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing after a failure
            }
        }
        return null;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    /** Reads one response (status line, headers, identity or chunked body); returns the status. */
    static int readResponse(InputStream in, AtomicLong bytes) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("truncated chunked body");
                }
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    line(in);
                    break;
                }
                skip(in, n);
                bytes.addAndGet(n);
                line(in);
            }
        } else if (length > 0) {
            skip(in, length);
            bytes.addAndGet(length);
        }
        return status;
    }

    static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated body");
                }
                s = 1;
            }
            n -= s;
        }
    }

    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) c);
        }
        return b.isEmpty() ? null : b.toString();
    }
}
