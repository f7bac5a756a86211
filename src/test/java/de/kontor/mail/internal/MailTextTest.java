package de.kontor.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class MailTextTest {

    @Test
    void quotesAttributionsAndSignaturesAreCut() {
        assertThat(MailText.newContent("Passt.\r\n\r\nOn Mon, 23 Nov 2026 Anna wrote:\r\n> alt\r\n")).isEqualTo("Passt.");
        assertThat(MailText.newContent("Ja\n> zitiert\nnoch was\n-- \nAnna")).isEqualTo("Ja\nnoch was");
        assertThat(MailText.newContent("Gern.\n\n-----Ursprüngliche Nachricht-----\nVon: Kontor")).isEqualTo("Gern.");
        assertThat(MailText.newContent("Okay\n\nVon: Kontor <kontor@x.test>\nGesendet: heute")).isEqualTo("Okay");
    }

    @Test
    void htmlBecomesPlainTextWithoutMarkupOrQuotes() {
        assertThat(MailText.fromHtml("<div>Hallo <b>Team</b><br>zweite&nbsp;Zeile</div><p>Absatz</p>"
                + "<blockquote>alt</blockquote><script>alert(1)</script><style>p{}</style>"))
                .isEqualTo("Hallo Team\nzweite Zeile\nAbsatz");
    }

    @Test
    void permanentSmtpFailuresAreRecognisedByTheirReplyCode() {
        SendFailedException invalid = new SendFailedException("Invalid Addresses",
                new MessagingException("550 5.1.1 <x@y.test>: Recipient address rejected"));
        assertThat(OutboxSender.smtpCode(new MailSendException("Failed messages", invalid))).isEqualTo(550);
        assertThat(OutboxSender.smtpCode(new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new java.net.ConnectException())))).isNull();
        assertThat(OutboxSender.smtpCode(new MailSendException("busy",
                new MessagingException("451 4.3.0 try again later")))).isEqualTo(451);
    }
}
