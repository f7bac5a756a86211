package de.kontor.notify.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.spaces.VisibilityPolicy;

/**
 * The Server-Sent Events subscribers of this node and the {@code LISTEN kontor_events} loop that feeds them.
 *
 * <p>No thread per client: an {@link SseEmitter} is only a handle on an async servlet response. One daemon thread
 * waits for notifications on a dedicated JDBC connection (not one of the pool's), loads each announced row and
 * writes it to the local subscribers who may see it; one scheduler thread sends heartbeats and prunes old rows.
 * Nothing is buffered per subscriber: a client that missed events resumes with {@code Last-Event-ID}, which reads
 * them from {@code live_events}.
 *
 * <p>It stops first on shutdown (default phase), completing every open stream, so that the web server's graceful
 * shutdown does not wait for streams that never end.
 */
@Component
class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    /** A person's role or active flag changed: their open streams close (sent to that person only). */
    static final String ACCOUNT_EVENT = "account";
    private static final long STREAM_TIMEOUT = Duration.ofHours(1).toMillis();
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);
    private static final Duration RETENTION = Duration.ofDays(1);
    private static final int RESUME_LIMIT = 500;
    private static final int POLL_MILLIS = 2000;

    /** One open stream; the lock keeps writes to it in order (listener thread, heartbeat and resume). */
    private static final class Subscriber {
        final long userId;
        /** The person as they were when the stream opened; an account change closes the stream (see deliver). */
        final KontorUser user;
        final SseEmitter emitter;
        final ReentrantLock lock = new ReentrantLock();
        /** Events already sent while resuming; the live path skips them once. */
        final Set<Long> resumed = new HashSet<>();

        Subscriber(KontorUser user, SseEmitter emitter) {
            this.userId = user.id();
            this.user = user;
            this.emitter = emitter;
        }
    }

    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final LiveEventRepository events;
    private final VisibilityPolicy policy;
    private final IdentityApi identity;

    private volatile boolean running;
    private volatile Connection listenConnection;
    private volatile long lastSeenId;
    private Thread listener;
    private ScheduledExecutorService scheduler;
    private ExecutorService[] shards;

    LiveHub(DataSource dataSource, LiveEventRepository events, VisibilityPolicy policy, IdentityApi identity) {
        this.dataSource = dataSource;
        this.events = events;
        this.policy = policy;
        this.identity = identity;
    }

    /** Opens a stream for the user; with {@code lastEventId} first replays what they may see since then. */
    SseEmitter subscribe(KontorUser user, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Subscriber s = new Subscriber(user, emitter);
        emitter.onCompletion(() -> remove(s));
        emitter.onTimeout(() -> remove(s));
        emitter.onError(e -> remove(s));
        s.lock.lock();
        try {
            // registered before the replay, under the lock: a live event arriving meanwhile waits and is not lost
            subscribers.computeIfAbsent(user.id(), k -> ConcurrentHashMap.newKeySet()).add(s);
            write(s, SseEmitter.event().comment("connected").reconnectTime(3000));
            if (lastEventId != null) {
                Audience audience = audience(user.id());
                for (LiveEvent e : events.after(lastEventId, user.id(), RETENTION, RESUME_LIMIT)) {
                    if (audience.sees(e) && write(s, frame(e))) {
                        s.resumed.add(e.id());
                    }
                }
            }
        } finally {
            s.lock.unlock();
        }
        return emitter;
    }

    /**
     * Writes one event to every local subscriber who may see it. Who may read a space is decided once per event
     * ({@link VisibilityPolicy#readers}: one query for the space and its members, read now, so leaving a space takes
     * effect at once) and applied to the person each stream was opened for. A role change or deactivation reaches
     * every node as an {@value #ACCOUNT_EVENT} event and closes that person's streams; the browser reconnects and
     * signs in again with what they are now (or is refused).
     */
    void deliver(LiveEvent e) {
        if (e.userId() != null) {
            long user = e.userId();
            shard(user).execute(() -> {
                Set<Subscriber> own = subscribers.getOrDefault(user, Set.of());
                if (ACCOUNT_EVENT.equals(e.type())) {
                    own.forEach(s -> s.emitter.complete());
                } else {
                    Set<DataWithMediaType> frame = frame(e);
                    own.forEach(s -> send(s, e.id(), frame));
                }
            });
            return;
        }
        Predicate<KontorUser> readers = e.profile() ? user -> user.active() && !user.guest()
                : policy.readers(e.spaceId());
        Set<DataWithMediaType> frame = frame(e);
        for (int k = 0; k < shards.length; k++) {
            int shard = k;
            shards[k].execute(() -> {
                for (Map.Entry<Long, Set<Subscriber>> entry : subscribers.entrySet()) {
                    if (Math.floorMod(entry.getKey(), shards.length) != shard) {
                        continue;
                    }
                    for (Subscriber s : entry.getValue()) {
                        if (readers.test(s.user)) {
                            send(s, e.id(), frame);
                        }
                    }
                }
            });
        }
    }

    /**
     * Writing to thousands of streams is spread over one thread per core; a person's streams always go through the
     * same thread, so each stream receives its events in order.
     */
    private ExecutorService shard(long userId) {
        return shards[Math.floorMod(userId, shards.length)];
    }

    /** What one person may see, decided once for a whole replay. */
    private record Audience(long userId, Set<Long> spaces, boolean profile) {
        boolean sees(LiveEvent e) {
            if (e.userId() != null) {
                return e.userId() == userId;
            }
            return e.profile() ? profile : spaces.contains(e.spaceId());
        }
    }

    private Audience audience(long userId) {
        Optional<KontorUser> user = identity.principal(userId).filter(KontorUser::active);
        return user.map(u -> new Audience(userId, policy.readableSpaceIds(u), !u.guest()))
                .orElse(new Audience(userId, Set.of(), false));
    }

    private void send(Subscriber s, long eventId, Set<DataWithMediaType> frame) {
        s.lock.lock();
        try {
            if (!s.resumed.remove(eventId)) {
                write(s, frame);
            }
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * The event as the bytes of one SSE frame, encoded once and written as they are to every stream that receives
     * it (the emitter's event builder would convert each line for each stream again). The payload is JSON without
     * line breaks; any that a payload might carry still become {@code data:} lines, as SSE requires.
     */
    static Set<DataWithMediaType> frame(LiveEvent e) {
        StringBuilder b = new StringBuilder(e.payload().length() + 48)
                .append("id:").append(e.id()).append("\nevent:").append(e.type()).append('\n');
        for (String line : e.payload().split("\r\n|\r|\n", -1)) {
            b.append("data:").append(line).append('\n');
        }
        byte[] bytes = b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        return Set.of(new DataWithMediaType(bytes, MediaType.APPLICATION_OCTET_STREAM));
    }

    /** False (and the subscriber dropped) when the client has gone away. */
    private boolean write(Subscriber s, SseEmitter.SseEventBuilder event) {
        return write(s, event.build());
    }

    private boolean write(Subscriber s, Set<DataWithMediaType> frame) {
        try {
            s.emitter.send(frame);
            return true;
        } catch (IOException | IllegalStateException ex) {
            remove(s);
            s.emitter.completeWithError(ex);
            return false;
        }
    }

    private void remove(Subscriber s) {
        subscribers.computeIfPresent(s.userId, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    private void heartbeat() {
        for (Set<Subscriber> set : subscribers.values()) {
            for (Subscriber s : set) {
                s.lock.lock();
                try {
                    write(s, SseEmitter.event().comment("heartbeat"));
                } finally {
                    s.lock.unlock();
                }
            }
        }
    }

    // --- the LISTEN loop ---

    private void listen() {
        while (running) {
            try (Connection c = openListenConnection()) {
                listenConnection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + LiveEventRepository.CHANNEL);
                }
                catchUp();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            announced(Long.parseLong(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                if (running) {
                    log.warn("Live events: LISTEN connection lost ({}); reconnecting", ex.getMessage());
                    pause();
                }
            }
        }
    }

    private void announced(long id) {
        try {
            events.find(id).ifPresent(e -> {
                lastSeenId = Math.max(lastSeenId, e.id());
                deliver(e);
            });
        } catch (RuntimeException ex) {
            log.warn("Live events: could not deliver event {}", id, ex);
        }
    }

    /** After a reconnect: what was announced while this node was not listening. */
    private void catchUp() {
        if (lastSeenId == 0) {
            return;
        }
        for (LiveEvent e : events.after(lastSeenId, RESUME_LIMIT)) {
            lastSeenId = Math.max(lastSeenId, e.id());
            deliver(e);
        }
    }

    /** A connection of its own: LISTEN holds it for the node's lifetime, which a pool must not lend out. */
    private Connection openListenConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource h) {
            return DriverManager.getConnection(h.getJdbcUrl(), h.getUsername(), h.getPassword());
        }
        return dataSource.getConnection();
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private void prune() {
        try {
            events.prune(RETENTION);
        } catch (RuntimeException ex) {
            log.warn("Live events: pruning failed", ex);
        }
    }

    // --- lifecycle ---

    @Override
    public void start() {
        running = true;
        shards = new ExecutorService[Math.max(2, Runtime.getRuntime().availableProcessors())];
        for (int k = 0; k < shards.length; k++) {
            shards[k] = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                    .name("kontor-live-deliver-" + k).factory());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("kontor-live-heartbeat").unstarted(r));
        scheduler.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(this::prune, 1, 60, TimeUnit.MINUTES);
        listener = Thread.ofPlatform().daemon().name("kontor-live-listen").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        for (ExecutorService shard : shards) {
            shard.shutdownNow();
        }
        Connection c = listenConnection;
        if (c != null) {
            try {
                c.close(); // wakes the listener thread out of getNotifications
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            listener.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Subscriber> open = subscribers.values().stream().flatMap(Set::stream).toList();
        subscribers.clear();
        open.forEach(s -> s.emitter.complete());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
