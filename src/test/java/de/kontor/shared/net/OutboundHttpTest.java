package de.kontor.shared.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.HttpServer;

import de.kontor.shared.net.OutboundHttp.Reason;
import de.kontor.shared.net.OutboundHttp.Refused;

/** Against a real HTTP server on loopback: loopback is forbidden unless allow-listed, like any private address. */
class OutboundHttpTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", exchange -> {
            byte[] body = "<title>Hallo</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[64 * 1024]);
            exchange.close();
        });
        server.createContext("/to-page", exchange -> redirect(exchange, "/page"));
        server.createContext("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static OutboundHttp http(List<String> allowed) {
        return new OutboundHttp(new OutboundProperties(allowed, Duration.ofSeconds(2), Duration.ofSeconds(5),
                DataSize.ofKilobytes(16), 3));
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedByDefault() {
        OutboundHttp http = http(List.of());
        assertThatThrownBy(() -> http.get(URI.create(base + "/page"), Map.of()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS));
        for (String url : List.of("http://10.1.2.3/", "http://192.168.0.1/", "http://172.20.0.1/",
                "http://169.254.169.254/", "http://[::1]/", "http://[fd00::1]/", "http://[::ffff:10.0.0.1]/",
                "http://0.0.0.0/", "http://localhost/")) {
            assertThatThrownBy(() -> http.check(URI.create(url))).as(url)
                    .isInstanceOfSatisfying(Refused.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS));
        }
    }

    @Test
    void onlyHttpAndHttpsWithAHost() {
        OutboundHttp http = http(List.of());
        for (String url : List.of("file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)",
                "gopher://127.0.0.1/")) {
            assertThatThrownBy(() -> http.check(URI.create(url))).as(url)
                    .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.SCHEME));
        }
        assertThatThrownBy(() -> http.check(URI.create("http://user:pw@example.org/")))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.HOST));
    }

    @Test
    void publicAddressesPassTheCheck() throws Exception {
        assertThat(AddressRange.isPublic(InetAddress.getByName("93.184.215.14"))).isTrue();
        assertThat(AddressRange.isPublic(InetAddress.getByName("2a00:1450:4001:80b::200e"))).isTrue();
        assertThat(AddressRange.isPublic(InetAddress.getByName("100.64.1.1"))).isFalse();
    }

    @Test
    void anAllowListedRangeIsFetchedAndRedirectsAreFollowed() {
        OutboundHttp http = http(List.of("127.0.0.0/8"));
        OutboundHttp.Response response = http.get(URI.create(base + "/to-page"), Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.uri().getPath()).isEqualTo("/page");
        assertThat(response.mediaType()).isEqualTo("text/html");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<title>Hallo</title>");
    }

    @Test
    void aRedirectIntoAForbiddenNetworkIsRefused() {
        OutboundHttp http = http(List.of("127.0.0.1"));
        assertThatThrownBy(() -> http.get(URI.create(base + "/to-metadata"), Map.of()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS));
        assertThatThrownBy(() -> http.get(URI.create(base + "/loop"), Map.of()))
                .isInstanceOfSatisfying(Refused.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS));
    }

    @Test
    void bodiesAboveTheLimitAreRefused() {
        OutboundHttp http = http(List.of("127.0.0.1"));
        assertThatThrownBy(() -> http.get(URI.create(base + "/big"), Map.of()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(http.get(URI.create(base + "/big"), Map.of(), 128 * 1024).body()).hasSize(64 * 1024);
    }

    @Test
    void anUnreachablePortIsReportedNotThrownRaw() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OutboundHttp http = http(List.of("127.0.0.1"));
        assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + port + "/"), Map.of()))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }
}
