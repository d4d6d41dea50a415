package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counting clients as an attacker would try to evade it. */
class SignInLimitsTest {

    @Test
    void everyAddressOfOneIpv6NetworkCountsAsOneClient() {
        String one = SignInLimits.network("2001:db8:85a3:12::1");
        assertThat(SignInLimits.network("2001:db8:85a3:12:ffff:ffff:ffff:fffe")).isEqualTo(one);
        assertThat(SignInLimits.network("[2001:0db8:85a3:0012:0000:0000:0000:0042]")).isEqualTo(one);
        assertThat(SignInLimits.network("2001:db8:85a3:12::1%eth0")).isEqualTo(one);
        assertThat(SignInLimits.network("2001:db8:85a3:13::1")).as("the next /64 is another client").isNotEqualTo(one);
    }

    @Test
    void ipv4AddressesAreThemselves() {
        assertThat(SignInLimits.network("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(SignInLimits.network("::ffff:203.0.113.7")).as("an IPv4-mapped address").isEqualTo("203.0.113.7");
        assertThat(SignInLimits.network("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
    }
}
