package academy.cedarheights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** Cedar Heights: runs independent music schools end to end, one deployment serving many schools. */
// No in-memory user store: people sign in with their own accounts or Supabase (identity module).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class CedarHeightsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CedarHeightsApplication.class, args);
    }
}
