package academy.cedarheights.families;

import java.util.UUID;

import academy.cedarheights.notifications.Email;
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
        notifications.email(school, email, new Email.Welcome(name, app.link("/parent")));
    }
}
