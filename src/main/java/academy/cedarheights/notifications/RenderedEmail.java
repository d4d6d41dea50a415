package academy.cedarheights.notifications;

/** An email ready to go: its subject, and its body as HTML and as plain text. */
record RenderedEmail(String subject, String html, String text) {
}
