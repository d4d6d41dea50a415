package academy.cedarheights.identity;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rule for header names and values, as Spring Security's default states it — assigned characters,
 * no control characters (a tab allowed in values) — but without a regular expression: the default one ran over
 * every character of the bearer token each time a header was read, an eighth of a booking's CPU. Printable ASCII,
 * nearly every character ever sent, is settled by one comparison.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> allowed(name, false));
        firewall.setAllowedHeaderValues(value -> allowed(value, true));
        return firewall;
    }

    static boolean allowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean printableAscii = c >= 0x20 && c < 0x7f;
            if (!printableAscii && !(tabAllowed && c == '\t') && (Character.isISOControl(c) || !Character.isDefined(c))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
