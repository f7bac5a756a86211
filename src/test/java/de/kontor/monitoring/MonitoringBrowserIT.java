package de.kontor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Browser;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/**
 * Through the real UI (German, headless Chromium, strict CSP): a negative mention arrives through a signed webhook,
 * a member of the monitoring team finds it in the inbox, assigns it to herself, records the answer she posted and
 * closes it; the topic's dashboard shows it.
 */
class MonitoringBrowserIT extends AbstractIT {

    @Test
    void negativeMentionIsAssignedAnsweredAndClosed() throws Exception {
        TestUser agent = data.member();
        TestSpace team = data.space("PRIVATE", agent);
        data.jdbc().sql("update monitoring_settings set team_space_id = :s").param("s", team.id()).update();
        ApiClient api = api(agent);
        String word = TestData.unique("Spindel").replaceAll("[^A-Za-z0-9]", "");
        Http topic = api.post("/api/v1/monitoring/topics",
                "{\"name\":\"" + word + "\",\"query\":\"" + word + "\",\"slaHours\":4}");
        assertThat(topic.status()).isEqualTo(201);
        Http source = api.post("/api/v1/monitoring/sources", "{\"kind\":\"WEBHOOK\",\"name\":\"Forum\"}");
        String path = source.json().path("webhookPath").asString();
        String secret = source.json().path("webhookSecret").asString();
        String body = "{\"mentions\":[{\"text\":\"Die " + word + " ist schon wieder defekt, sehr enttäuschend!\","
                + "\"url\":\"https://forum.example/t/" + word + "\",\"author\":\"@einkauf_mueller\"}]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> hook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").header("X-Kontor-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hook.statusCode()).isEqualTo(200);

        WebDriver driver = Browser.start("de");
        try {
            driver.get(baseUrl() + "/login");
            driver.findElement(By.id("username")).sendKeys(agent.email());
            driver.findElement(By.id("password")).sendKeys(agent.password());
            Browser.clickAndLoad(driver, By.cssSelector("form[action='/login'] button[type=submit]"));
            Browser.clickAndLoad(driver, By.cssSelector(".sidenav a[href='/monitoring']"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Eingang");
            var item = driver.findElement(By.xpath("//li[contains(@class,'mention-item')][contains(., '" + word + "')]"));
            assertThat(item.getText()).contains("negativ").contains("neu").contains("@einkauf_mueller");
            Browser.screenshot(driver, "monitoring-inbox");
            String mentionLink = item.findElement(By.cssSelector("a.mention-link")).getAttribute("href");
            Browser.clickAndLoad(driver, By.cssSelector("a.mention-link[href='" + URI.create(mentionLink).getPath()
                    + "']"));

            assertThat(driver.findElement(By.cssSelector(".mention-facts")).getText())
                    .contains("defekt").contains("enttäuschend");
            Browser.clickAndLoad(driver, By.id("assign-button"));
            assertThat(driver.findElement(By.cssSelector(".mention-status")).getText()).isEqualTo("zugewiesen");
            assertThat(driver.findElement(By.cssSelector(".mention-facts")).getText()).contains(agent.displayName());

            driver.findElement(By.id("answer-text")).sendKeys("Das tut uns leid – unser Service meldet sich heute.");
            driver.findElement(By.id("link")).sendKeys("https://forum.example/t/" + word + "#antwort");
            Browser.clickAndLoad(driver, By.id("answer-button"));
            assertThat(driver.findElement(By.cssSelector(".mention-status")).getText()).isEqualTo("beantwortet");
            assertThat(driver.findElement(By.cssSelector(".mention-answer")).getText())
                    .contains("unser Service meldet sich heute").contains(agent.displayName());
            Browser.screenshot(driver, "monitoring-mention");

            Browser.clickAndLoad(driver, By.id("close-button"));
            assertThat(driver.findElement(By.cssSelector(".mention-status")).getText()).isEqualTo("erledigt");
            assertThat(driver.findElements(By.id("answer-button"))).isEmpty();

            driver.get(baseUrl() + "/monitoring/topics/" + topic.json().path("id").asString());
            assertThat(driver.findElement(By.cssSelector(".monitoring-kpis")).getText()).contains("100 %");
            assertThat(driver.findElements(By.cssSelector("svg.chart rect.chart-negative"))).isNotEmpty();
            Browser.screenshot(driver, "monitoring-dashboard");
        } finally {
            driver.quit();
        }
    }
}
