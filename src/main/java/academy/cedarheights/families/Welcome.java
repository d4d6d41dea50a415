package academy.cedarheights.families;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.EmailTemplate;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.config.AppProperties;
import org.springframework.stereotype.Component;

/** The welcome email a family gets when its record is created, in that same transaction. */
@Component
class Welcome {

    private final Notifications notifications;
    private final AppProperties app;

    Welcome(Notifications notifications, AppProperties app) {
        this.notifications = notifications;
        this.app = app;
    }

    void send(UUID school, String email, String name) {
        String base = app.publicUrl() != null ? app.publicUrl() : "http://localhost:8080";
        notifications.email(school, EmailTemplate.WELCOME, email, Map.of("parent_name", name, "portal_url", base + "/parent"));
    }
}
