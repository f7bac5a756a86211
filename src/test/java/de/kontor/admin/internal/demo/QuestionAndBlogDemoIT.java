package de.kontor.admin.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.WebSession;

/**
 * The demo questions and blog articles: loaded once, answers only by people who may write there, the published
 * articles announced in the stream; the company-wide accepted answer becomes a page of the "Alle" wiki.
 */
@ActiveProfiles("demo")
class QuestionAndBlogDemoIT extends AbstractIT {

    private static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void demoDataDir(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA_DIR::toString);
    }

    @Autowired
    DemoDataLoader loader;

    private int count(String sql) {
        return data.jdbc().sql(sql).query(Integer.class).single();
    }

    @Test
    void demoQuestionsAndArticlesAreLoadedOnceAndTheCompanyAnswerBecomesAWikiPage() {
        assertThat(count("select count(*) from questions")).isEqualTo(DemoQuestions.QUESTIONS.size());
        assertThat(count("select count(*) from questions where accepted_answer_id is not null")).isEqualTo(2);
        assertThat(count("select count(*) from question_answers")).isEqualTo(4);
        assertThat(count("select count(*) from blog_articles where state = 'PUBLISHED' and post_id is not null"))
                .isEqualTo(DemoBlogs.ARTICLES.size());
        loader.run();
        assertThat(count("select count(*) from questions")).isEqualTo(DemoQuestions.QUESTIONS.size());
        assertThat(count("select count(*) from blog_articles")).isEqualTo(DemoBlogs.ARTICLES.size());

        long question = data.jdbc().sql("select id from questions where title like 'Spindel der MX-400%'")
                .query(Long.class).single();
        long answer = data.jdbc().sql("select accepted_answer_id from questions where id = :q").param("q", question)
                .query(Long.class).single();
        WebSession lukas = WebSession.login(baseUrl(), "lukas.weber@muster-maschinenbau.de", DemoDataLoader.PASSWORD);
        String page = lukas.get("/questions/" + question).body();
        assertThat(page).contains("SL-2210", "spindellager", "/answers/" + answer + "/wiki");
        Http made = lukas.post("/questions/" + question + "/answers/" + answer + "/wiki", Map.of());
        assertThat(made.status()).isEqualTo(302);
        long alle = data.jdbc().sql("select id from spaces where name = 'Alle'").query(Long.class).single();
        assertThat(made.location()).contains("/spaces/" + alle + "/wiki/");
        assertThat(lukas.get("/articles").body()).contains("Fragen stellen ist keine Schwäche",
                "Spindellager der MX-400");
    }
}
