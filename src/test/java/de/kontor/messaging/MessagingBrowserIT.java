package de.kontor.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData.TestUser;

/** Two people write to each other through the real UI, in two browsers, under the strict CSP. */
class MessagingBrowserIT extends AbstractIT {

    @Test
    void twoPeopleExchangeMessages() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        WebDriver a = Browser.start("en");
        WebDriver b = Browser.start("de");
        try {
            signIn(a, anna);
            Browser.clickAndLoad(a, By.linkText("Messages"));
            assertThat(a.findElement(By.cssSelector(".empty-state")).getText()).contains("No conversations yet");
            Browser.screenshot(a, "messages-empty");
            Browser.clickAndLoad(a, By.linkText("Start a conversation"));
            a.findElement(By.id("people")).sendKeys(ben.email());
            Browser.clickAndLoad(a, By.cssSelector("form[action='/messages'] button[type=submit]"));
            assertThat(a.findElement(By.tagName("h1")).getText()).isEqualTo(ben.displayName());
            String conversation = a.getCurrentUrl().replaceAll(".*/messages/(\\d+).*", "$1");

            // Ctrl+Enter sends (kontor.js)
            a.findElement(By.id("body")).sendKeys("Hallo Ben, hast du **kurz** Zeit?");
            a.findElement(By.id("body")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            assertThat(a.findElement(By.cssSelector("#messages .prose strong")).getText()).isEqualTo("kurz");

            signIn(b, ben);
            Browser.clickAndLoad(b, By.linkText("Nachrichten"));
            assertThat(b.findElement(By.cssSelector(".conversations .badge-unread")).getText()).startsWith("1");
            assertThat(b.findElement(By.cssSelector(".conversations .preview")).getText())
                    .isEqualTo("Hallo Ben, hast du kurz Zeit?");
            Browser.screenshot(b, "messages-unread");
            Browser.clickAndLoad(b, By.linkText(anna.displayName()));
            assertThat(b.findElement(By.id("messages")).getText()).contains("Hallo Ben, hast du kurz Zeit?");
            b.findElement(By.id("body")).sendKeys("Klar, in fünf Minuten.");
            Browser.clickAndLoad(b, By.cssSelector("form.composer button[type=submit]"));
            assertThat(b.findElement(By.id("messages")).getText()).contains("Klar, in fünf Minuten.");
            b.navigate().to(baseUrl() + "/messages");
            assertThat(b.findElements(By.cssSelector(".badge-unread"))).isEmpty();

            // Anna loads the reply in place (messages.js), without reloading the page
            ((JavascriptExecutor) a).executeScript("document.body.setAttribute('data-marker', 'same-page')");
            a.findElement(By.cssSelector("form[data-load-newer] button")).click();
            wait(a).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Klar, in fünf Minuten."));
            assertThat(a.findElement(By.tagName("body")).getAttribute("data-marker")).isEqualTo("same-page");

            // live delivery: the server-sent event reaches Anna's open page, which fetches the new message
            b.navigate().to(baseUrl() + "/messages/" + conversation);
            b.findElement(By.id("body")).sendKeys("Bis gleich!");
            b.findElement(By.cssSelector("form.composer button[type=submit]")).click();
            new WebDriverWait(a, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "Bis gleich!"));
            assertThat(a.findElement(By.tagName("body")).getAttribute("data-marker")).isEqualTo("same-page");
            assertThat(a.findElements(By.cssSelector("#messages [data-message-id]"))).hasSize(3);
            Browser.screenshot(a, "messages-conversation");

            // and without JavaScript's help, a reload shows everything too
            b.navigate().refresh();
            assertThat(b.findElements(By.cssSelector("#messages [data-message-id]"))).hasSize(3);
        } finally {
            a.quit();
            b.quit();
        }
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(5));
    }

    private void signIn(WebDriver driver, TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }
}
