package academy.cedarheights.families;

import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.stereotype.Component;

/** The welcome email a family gets when its record is created, in that same transaction. */
@Component
class Welcome {

    private final Notifications notifications;
    private final SchoolAddresses addresses;

    Welcome(Notifications notifications, SchoolAddresses addresses) {
        this.notifications = notifications;
        this.addresses = addresses;
    }

    void send(UUID school, String email, String name) {
        notifications.email(school, email, new Email.Welcome(name, addresses.link(school, "/parent")));
    }
}
