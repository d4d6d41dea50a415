package academy.cedarheights.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param emails {@code ADMIN_EMAILS}: comma-separated admins of the default school, added to its allowlist at start-up */
@ConfigurationProperties("admin")
record AdminProperties(@DefaultValue List<String> emails) {
}
