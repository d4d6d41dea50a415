package academy.cedarheights.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.platform.web.TooManyRequests;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: every request to {@code /auth/**} counts against its client address,
 * every sign-in attempt against its account. Counted in transactions of their own, so a refused
 * sign-in still counts.
 */
@Component
class SignInLimits {

    private final RateLimiter limiter;
    private final IdentityProperties properties;

    SignInLimits(RateLimiter limiter, IdentityProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TooManyRequests.class)
    public void countAddress(String address) {
        limiter.hit("address:" + network(address), properties.attemptsPerAddress(), properties.addressWindow())
                .ifPresent(wait -> {
                    throw new TooManyRequests("Too many requests from your address; try again later.", wait);
                });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TooManyRequests.class)
    public void countAccount(UUID schoolId, String account) {
        limiter.hit(accountKey(schoolId, account), properties.attemptsPerAccount(), properties.accountWindow())
                .ifPresent(wait -> {
                    throw new TooManyRequests("Too many sign-in attempts for this account; try again later.", wait);
                });
    }

    /** The counter of an account's attempts: its id, or the address typed when no account has it. */
    static String accountKey(UUID schoolId, String account) {
        return "account:" + schoolId + ":" + account.toLowerCase(Locale.ROOT);
    }

    /**
     * What one client is, for counting: an IPv4 address, or the /64 network of an IPv6 address — one home or phone
     * is given a whole /64 and can pick any address in it, so counting single IPv6 addresses would count nothing.
     */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        String literal = address.replace("[", "").replace("]", "");
        int zone = literal.indexOf('%');
        literal = zone < 0 ? literal : literal.substring(0, zone);
        // only an address literal is parsed: anything else would make InetAddress ask the DNS
        if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
                    : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
