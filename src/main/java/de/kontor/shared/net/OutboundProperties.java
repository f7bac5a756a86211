package de.kontor.shared.net;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits for fetching external URLs ({@code kontor.outbound.*}). {@code allowedHosts} lists host names, addresses
 * or CIDR ranges (e.g. {@code intranet.example.de}, {@code 10.20.0.0/16}) that may be fetched although they are
 * not public; empty by default.
 */
@ConfigurationProperties(prefix = "kontor.outbound")
public record OutboundProperties(List<String> allowedHosts, Duration connectTimeout, Duration timeout,
                                 DataSize maxSize, int maxRedirects) {

    public OutboundProperties {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxSize = maxSize == null ? DataSize.ofMegabytes(2) : maxSize;
        maxRedirects = maxRedirects <= 0 ? 5 : maxRedirects;
    }
}
