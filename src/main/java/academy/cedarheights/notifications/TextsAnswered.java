package academy.cedarheights.notifications;

/**
 * A phone texted STOP ({@code wanted} false) or START (true) to the deployment's number, and its texts were stopped or
 * resumed: published once that is committed, outside any transaction, for the families with that phone to record it.
 */
public record TextsAnswered(String phone, boolean wanted) {
}
