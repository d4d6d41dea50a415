package academy.cedarheights.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Plain lines for a newcomer on the embedded database, JSON where a collector reads them, and the operator's word. */
class LogFormatTest {

    @Test
    void theEmbeddedDatabaseLogsPlainLinesAndProductionJson() {
        assertThat(format(new MockEnvironment())).isNull();
        assertThat(format(new MockEnvironment().withProperty("database.url", "postgres://app@db/cedar")))
                .isEqualTo("logstash");
    }

    @Test
    void theOperatorChoosesAndAnExplicitSettingWins() {
        assertThat(format(new MockEnvironment().withProperty("database.url", "postgres://app@db/cedar")
                .withProperty("app.log-format", "plain"))).isNull();
        assertThat(format(new MockEnvironment().withProperty("app.log-format", "JSON"))).isEqualTo("logstash");
        assertThat(format(new MockEnvironment().withProperty(LogFormat.STRUCTURED, "ecs")
                .withProperty("database.url", "postgres://app@db/cedar"))).isEqualTo("ecs");
    }

    private static String format(MockEnvironment environment) {
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(LogFormat.STRUCTURED);
    }
}
