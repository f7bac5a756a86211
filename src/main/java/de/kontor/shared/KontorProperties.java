package de.kontor.shared;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** All settings under the prefix {@code kontor.}; each one is listed in the README's configuration table. */
@ConfigurationProperties(prefix = "kontor")
public record KontorProperties(
        Path dataDir,
        Db db,
        String baseUrl,
        DataSize uploadMaxSize,
        DataSize avatarMaxSize,
        Login login,
        Duration invitationValidity) {

    public record Db(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Login(int maxFailuresPerAccount, int maxFailuresPerIp, Duration window) {
    }
}
