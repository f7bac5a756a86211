package de.kontor.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A minimal Server-Sent Events client over java.net.http: reads the stream line by line on a background thread and
 * queues the parsed events. {@link #open} returns once the server's first comment arrived, i.e. the subscription
 * is registered.
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> opened = new CompletableFuture<>();
    private final List<Event> seen = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile Stream<String> lines;

    private SseClient() {
    }

    static SseClient open(String url, String bearerToken, String lastEventId) {
        SseClient c = new SseClient();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + bearerToken).timeout(Duration.ofSeconds(30)).GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        c.client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
            if (r.statusCode() != 200) {
                c.opened.completeExceptionally(new IllegalStateException("SSE status " + r.statusCode()));
                return;
            }
            c.lines = r.body();
            Thread.ofVirtual().start(() -> c.read(r.body()));
        }).exceptionally(ex -> {
            c.opened.completeExceptionally(ex);
            return null;
        });
        try {
            c.opened.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("SSE stream did not open: " + url, e);
        }
        return c;
    }

    private void read(Stream<String> body) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) body::iterator) {
                if (line.startsWith(":")) {
                    opened.complete(200);
                } else if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** The first event (in arrival order, including ones already returned earlier) matching the predicate. */
    Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
        for (Event e : seen) {
            if (match.test(e)) {
                return e;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no matching event within " + timeout + "; got " + seen);
            }
            seen.add(e);
            if (match.test(e)) {
                return e;
            }
        }
    }

    /** Every event received so far. */
    List<Event> received() {
        events.drainTo(seen);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        client.shutdownNow();
    }
}
