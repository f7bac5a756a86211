package de.kontor.search;

import static de.kontor.search.SearchSupport.post;
import static de.kontor.search.SearchSupport.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** A colleague endorses a skill on a profile; the expert finder then explains why that person is shown. */
class ExpertFinderBrowserIT extends AbstractIT {

    @Test
    void endorsingASkillThenFindingTheExpertWithReasons() {
        String topic = word();
        String skill = "SPS-" + topic;
        TestUser expert = data.member();
        TestUser colleague = data.member();
        assertThat(api(expert).patch("/api/v1/users/me", "{\"skills\":[\"" + skill + "\"]}").status())
                .isEqualTo(200);
        TestSpace space = data.space("PUBLIC", expert);
        post(api(expert), space.id(), "Anleitung: Fehlersuche in der " + topic + " Steuerung #" + topic);
        await().atMost(Duration.ofSeconds(10)).until(() -> api(colleague)
                .get("/api/v1/search?type=post&q=" + topic).json().get("total").asLong() == 1);

        WebDriver driver = Browser.start("de");
        try {
            driver.get(baseUrl() + "/login");
            driver.findElement(By.id("username")).sendKeys(colleague.email());
            driver.findElement(By.id("password")).sendKeys(colleague.password());
            driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-menu")));

            driver.get(baseUrl() + "/people/" + expert.id());
            Browser.clickAndLoad(driver, By.cssSelector("form[action$='/endorsements'] button[aria-pressed=false]"));
            assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Bestätigung");
            assertThat(driver.findElement(By.cssSelector(".skill-endorsements")).getText())
                    .isEqualTo("einmal bestätigt");

            driver.get(baseUrl() + "/people");
            Browser.clickAndLoad(driver, By.linkText("Wer weiß etwas über …?"));
            driver.findElement(By.id("experts-q")).sendKeys(topic);
            Browser.clickAndLoad(driver, By.cssSelector("form[action='/people/experts'] button[type=submit]"));
            assertThat(driver.findElement(By.cssSelector(".expert-name")).getText()).isEqualTo(expert.displayName());
            String reasons = driver.findElement(By.cssSelector(".expert-reasons")).getText();
            assertThat(reasons).contains("Kenntnis: " + skill + ", bestätigt von einer Person")
                    .contains("ein Beitrag zu „" + topic + "“ (1 mit Tag #" + topic + ")");
            Browser.screenshot(driver, "expert-finder");
        } finally {
            driver.quit();
        }
    }
}
