package academy.cedarheights.billing;

/** Processes one stored Stripe event; its instance id is the event id. */
record StripeEventJob(String eventId) {
}
