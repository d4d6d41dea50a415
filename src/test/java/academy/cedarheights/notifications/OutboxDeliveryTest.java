package academy.cedarheights.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.OutboxDelivery;
import academy.cedarheights.notifications.delivery.OutgoingEmail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The outbox prints an email's links for a newcomer's demo, and never a reset link into a production log. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxDeliveryTest {

    static final String RESET = "https://lessons.example.com/reset-password?token=secret-one-time-token";

    @Test
    void onTheEmbeddedDatabaseTheLinksArePrintedForTheDemo(CapturedOutput output) {
        new OutboxDelivery(true).send(reset());
        assertThat(output.getOut()).contains(RESET);
    }

    @Test
    void onItsOwnDatabaseADeploymentWithoutAProviderLogsNoLink(CapturedOutput output) {
        new OutboxDelivery(false).send(reset());
        assertThat(output.getOut()).contains("Local outbox").doesNotContain("secret-one-time-token", "pat@example.com");
    }

    private static OutgoingEmail reset() {
        return new OutgoingEmail(UUID.randomUUID(), "no-reply@example.com", null, "pat@example.com", "Reset your password",
                "<a href=\"" + RESET + "\">Reset</a>", "Reset: " + RESET, Map.of());
    }
}
