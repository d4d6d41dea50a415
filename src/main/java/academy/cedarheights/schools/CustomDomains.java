package academy.cedarheights.schools;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.config.PublicAddress;
import academy.cedarheights.platform.web.InvalidField;
import org.springframework.stereotype.Component;

/**
 * What a school may set as its own domain: a host name people type ({@code lessons.example.org}), in lower case,
 * with at least one dot — never the deployment's own host nor a name under {@code APP_BASE_DOMAIN}, which already
 * name schools by their slugs. The database keeps it unique.
 */
@Component
class CustomDomains {

    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    private final String publicHost;
    private final String baseDomain;

    CustomDomains(PublicAddress site, AppProperties app) {
        this.publicHost = URI.create(site.base()).getHost();
        this.baseDomain = app.baseDomain() == null || app.baseDomain().isBlank() ? null
                : app.baseDomain().toLowerCase(Locale.ROOT);
    }

    /** The domain as stored, or empty for "none"; refused naming {@code custom_domain}. */
    Optional<String> normalised(String typed) {
        String domain = typed.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("[/.]+$", "");
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        if (domain.length() > 253 || !HOST.matcher(domain).matches()) {
            throw new InvalidField("custom_domain", "must be a domain name such as lessons.example.org");
        }
        if (domain.equals(publicHost) || baseDomain != null
                && (domain.equals(baseDomain) || domain.endsWith("." + baseDomain))) {
            throw new InvalidField("custom_domain", "must be a domain of the school's own, not this service's");
        }
        return Optional.of(domain);
    }
}
