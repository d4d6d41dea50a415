package academy.cedarheights.notifications.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where emails and texts go.
 *
 * @param mailFrom          {@code MAIL_FROM}: the sender of every email
 * @param mailjetApiKey     {@code MAILJET_API_KEY}; with the secret, emails go through Mailjet's Send API v3.1
 * @param mailjetApiSecret  {@code MAILJET_API_SECRET}
 * @param mailjetApiBase    {@code MAILJET_API_BASE}
 * @param smtpHost          {@code SMTP_HOST}; without Mailjet, emails go through this SMTP server
 * @param smtpPort          {@code SMTP_PORT}
 * @param smtpUsername      {@code SMTP_USERNAME}
 * @param smtpPassword      {@code SMTP_PASSWORD}
 * @param twilioAccountSid  {@code TWILIO_ACCOUNT_SID}; with the token and sender, reminders also go by text
 * @param twilioAuthToken   {@code TWILIO_AUTH_TOKEN}
 * @param twilioFrom        {@code TWILIO_FROM}: the sending number
 * @param twilioApiBase     {@code TWILIO_API_BASE}
 */
@ConfigurationProperties("delivery")
public record DeliveryProperties(
        @DefaultValue("Cedar Heights <no-reply@cedarheights.local>") String mailFrom,
        String mailjetApiKey,
        String mailjetApiSecret,
        @DefaultValue("https://api.mailjet.com") String mailjetApiBase,
        String smtpHost,
        @DefaultValue("587") int smtpPort,
        String smtpUsername,
        String smtpPassword,
        String twilioAccountSid,
        String twilioAuthToken,
        String twilioFrom,
        @DefaultValue("https://api.twilio.com") String twilioApiBase) {

    public boolean mailjet() {
        return present(mailjetApiKey) && present(mailjetApiSecret);
    }

    public boolean smtp() {
        return present(smtpHost);
    }

    public boolean twilio() {
        return present(twilioAccountSid) && present(twilioAuthToken) && present(twilioFrom);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
