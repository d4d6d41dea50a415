package academy.cedarheights.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.Delivered;
import academy.cedarheights.notifications.delivery.DeliveryFailed;
import academy.cedarheights.notifications.delivery.DeliveryProperties;
import academy.cedarheights.notifications.delivery.OutgoingEmail;
import academy.cedarheights.notifications.delivery.SmtpDelivery;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP adapter against a real SMTP server (GreenMail) in the test. */
class SmtpDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void sendsAMultipartMessageFromTheSchool() throws Exception {
        SmtpDelivery delivery = new SmtpDelivery(properties(SMTP.getSmtp().getPort()));
        UUID id = UUID.randomUUID();

        Delivered delivered = delivery.send(new OutgoingEmail(id, "no-reply@cedarheights.test", "Cedar Heights Music Academy",
                "priya@families.test", "Welcome to Cedar Heights", "<p>Welcome, Priya</p>", "Welcome, Priya",
                Map.of("List-Unsubscribe", "<https://cedar.test/unsubscribe/t>", "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click")));

        assertThat(delivered.provider()).isEqualTo("smtp");
        assertThat(delivered.messageId()).isNotBlank();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Welcome to Cedar Heights");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Cedar Heights Music Academy <no-reply@cedarheights.test>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("priya@families.test");
        assertThat(received.getHeader("X-Cedar-Email-Id")[0]).isEqualTo(id.toString());
        assertThat(received.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://cedar.test/unsubscribe/t>");
        assertThat(received.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String raw = GreenMailUtil.getWholeMessage(received);
        assertThat(raw).contains("multipart/alternative").contains("Welcome, Priya").contains("<p>Welcome, Priya</p>");
    }

    @Test
    void anUnreachableServerIsATransientFailure() {
        SmtpDelivery delivery = new SmtpDelivery(properties(1));

        assertThatThrownBy(() -> delivery.send(new OutgoingEmail(UUID.randomUUID(), "no-reply@cedarheights.test", null,
                "priya@families.test", "Hello", "<p>Hi</p>", "Hi", Map.of())))
                .isInstanceOf(DeliveryFailed.class);
    }

    private static DeliveryProperties properties(int port) {
        return new DeliveryProperties("no-reply@cedarheights.test", null, null, "https://api.mailjet.com", "127.0.0.1",
                port, null, null, null, null, null, "https://api.twilio.com");
    }
}
