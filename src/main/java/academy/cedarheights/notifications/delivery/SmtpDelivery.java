package academy.cedarheights.notifications.delivery;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Plain SMTP (any provider, or a relay): a multipart message with the text and HTML bodies. */
public class SmtpDelivery implements MailDelivery {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

    public SmtpDelivery(DeliveryProperties properties) {
        sender.setHost(properties.smtpHost());
        sender.setPort(properties.smtpPort());
        sender.setDefaultEncoding("UTF-8");
        Properties mail = sender.getJavaMailProperties();
        mail.put("mail.smtp.connectiontimeout", "5000");
        mail.put("mail.smtp.timeout", "15000");
        mail.put("mail.smtp.writetimeout", "15000");
        if (properties.smtpUsername() != null && !properties.smtpUsername().isBlank()) {
            sender.setUsername(properties.smtpUsername());
            sender.setPassword(properties.smtpPassword());
            mail.put("mail.smtp.auth", "true");
            mail.put("mail.smtp.starttls.enable", "true");
        }
    }

    @Override
    public Delivered send(OutgoingEmail email) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(email.fromAddress(), email.fromName() == null ? "" : email.fromName());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("X-Cedar-Email-Id", email.id().toString());
            for (var header : email.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            sender.send(message);
            return new Delivered("smtp", message.getMessageID());
        } catch (MailSendException e) {
            if (e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance)) {
                throw new DeliveryRefused("The SMTP server refused the address: " + e.getMessage());
            }
            throw new DeliveryFailed("SMTP delivery failed: " + e.getMessage(), e);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailed("The SMTP server refused our credentials", e);
        } catch (MailException | MessagingException | java.io.UnsupportedEncodingException e) {
            throw new DeliveryFailed("SMTP delivery failed: " + e.getMessage(), e);
        }
    }
}
