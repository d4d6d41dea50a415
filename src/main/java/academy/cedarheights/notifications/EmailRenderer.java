package academy.cedarheights.notifications;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import academy.cedarheights.schools.Branding;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders the email templates of {@code templates/email/}: one HTML layout with the school's name, colour
 * and contact, a plain-text twin, and the subject line, all from one model.
 */
@Component
class EmailRenderer {

    private final SpringTemplateEngine files = new SpringTemplateEngine();
    private final SpringTemplateEngine subjects = new SpringTemplateEngine();
    private final Clock clock;

    EmailRenderer(Clock clock) {
        this.clock = clock;
        files.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 1));
        files.addTemplateResolver(resolver(".html", TemplateMode.HTML, 2));
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setTemplateMode(TemplateMode.TEXT);
        subjects.setTemplateResolver(inline);
    }

    /** The model's key for the school's privacy notice, linked from every email's footer. */
    static final String PRIVACY_URL = "privacyUrl";
    /** The model's key for the email's one-click unsubscribe, when it has one. */
    static final String UNSUBSCRIBE_URL = "unsubscribeUrl";

    RenderedEmail render(EmailTemplate template, Branding school, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.CANADA);
        context.setVariables(model);
        context.setVariable("school", school);
        context.setVariable("fmt", new EmailFormat(ZoneId.of(school.timeZone()), clock));
        context.setVariable("why", why(template, school));
        String subject = subjects.process(template.subject(), context).strip();
        context.setVariable("subject", subject);
        String html = files.process("email/" + template.key(), context);
        Object privacy = model.get(PRIVACY_URL);
        String text = files.process("email/" + template.key() + ".txt", context).strip() + "\n\n-- \n" + school.name()
                + (school.contactEmail() != null ? " · " + school.contactEmail() : "") + "\n" + why(template, school) + "\n"
                + (privacy != null ? "Privacy: " + privacy + "\n" : "")
                + (model.get(UNSUBSCRIBE_URL) != null ? "Stop these emails: " + model.get(UNSUBSCRIBE_URL) + "\n" : "");
        return new RenderedEmail(subject, html, text);
    }

    private static String why(EmailTemplate template, Branding school) {
        return switch (template) {
            case ADMIN_ALERT -> "You receive this because you are an admin of " + school.name() + ".";
            case LESSON_REMINDER -> "You receive lesson reminders from " + school.name()
                    + "; you can switch them off in the parent portal.";
            default -> "You receive this because your family has an account with " + school.name() + ".";
        };
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(mode == TemplateMode.TEXT ? "" : suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of(mode == TemplateMode.TEXT ? "*" + suffix : "email/*"));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
