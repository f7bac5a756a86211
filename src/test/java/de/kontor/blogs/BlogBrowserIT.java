package de.kontor.blogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestUser;

/**
 * Through the real UI (German, headless Chromium, strict CSP): an article is written in the author's own blog and
 * published, gets a cover image, and its announcement in the stream is where comments and reactions go.
 */
class BlogBrowserIT extends AbstractIT {

    @Test
    void writePublishAndIllustrateAnArticle() throws Exception {
        TestUser author = data.member();
        String title = TestData.unique("Drei Dinge, die ich bei der Inbetriebnahme gelernt habe");
        Path cover = Files.createTempFile("cover", ".png");
        Files.write(cover, BlogMatrixIT.PNG);
        WebDriver driver = Browser.start("de");
        try {
            driver.get(baseUrl() + "/login");
            driver.findElement(By.id("username")).sendKeys(author.email());
            driver.findElement(By.id("password")).sendKeys(author.password());
            Browser.clickAndLoad(driver, By.cssSelector("form[action='/login'] button[type=submit]"));
            driver.get(baseUrl() + "/blogs/people/" + author.id());
            assertThat(driver.findElement(By.cssSelector(".empty-state")).getText()).contains("Noch keine Artikel");
            Browser.clickAndLoad(driver, By.cssSelector("a[href='/articles/new']"));
            driver.findElement(By.id("title")).sendKeys(title);
            driver.findElement(By.id("teaser")).sendKeys("Was bei der MX-400 in Ulm anders lief als geplant.");
            driver.findElement(By.id("body")).sendKeys("Erstens: **Fundament prüfen**. Zweitens: Zeit einplanen.");
            driver.findElement(By.id("tags")).sendKeys("Inbetriebnahme, MX-400");
            Browser.screenshot(driver, "blog-write");
            Browser.clickAndLoad(driver, By.cssSelector("button.publish-now"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("veröffentlicht");
            assertThat(driver.findElement(By.cssSelector(".blog-article .prose strong")).getText())
                    .isEqualTo("Fundament prüfen");
            String articleUrl = driver.getCurrentUrl();

            // a cover image through the edit page
            Browser.clickAndLoad(driver, By.cssSelector("a[href$='/edit']"));
            driver.findElement(By.id("cover")).sendKeys(cover.toString());
            Browser.clickAndLoad(driver, By.cssSelector("form[action$='/cover'] button[type=submit]"));
            assertThat(driver.findElements(By.cssSelector("img.article-thumb"))).hasSize(1);
            driver.get(articleUrl);
            assertThat(driver.findElements(By.cssSelector("img.article-cover"))).hasSize(1);
            Browser.screenshot(driver, "blog-article");

            // the announcement in the stream carries the discussion
            Browser.clickAndLoad(driver, By.cssSelector("a.article-discussion"));
            assertThat(driver.getCurrentUrl()).matches(".*/posts/\\d+$");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Neuer Blogartikel", title);
        } finally {
            driver.quit();
            Files.deleteIfExists(cover);
        }
    }
}
