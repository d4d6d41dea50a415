package academy.cedarheights.notifications.delivery;

/** The port text messages leave through (Twilio), present only when it is configured. */
public interface TextDelivery {

    /** @param to an E.164 phone number */
    Delivered send(String to, String body);
}
