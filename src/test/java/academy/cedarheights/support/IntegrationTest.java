package academy.cedarheights.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a random port, backed by the one embedded PostgreSQL of
 * the test JVM. Every such test shares a single Spring context (keep it that way: a new
 * configuration means a new context). Tests isolate themselves by creating their own school.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = {FakeSupabase.Initializer.class, FakeMailjetAndTwilio.Initializer.class})
@Import({DatabaseOwner.class, TestSchools.class, Api.class, TestJobs.class, MovableClock.Configuration.class,
        SwitchableGateway.Configuration.class})
public @interface IntegrationTest {
}
