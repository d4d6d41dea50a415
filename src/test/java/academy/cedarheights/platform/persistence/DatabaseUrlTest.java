package academy.cedarheights.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsTheHerokuStyleUrl() {
        ConnectionSettings settings = DatabaseUrl.parse("postgres://cedar:s%40cret@db.internal:6543/academy?sslmode=require");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/academy?sslmode=require");
        assertThat(settings.username()).isEqualTo("cedar");
        assertThat(settings.password()).isEqualTo("s@cret");
        assertThat(settings.toString()).doesNotContain("s@cret");
    }

    @Test
    void keepsAJdbcUrlAsItIs() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/cedar?user=a").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/cedar?user=a");
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/cedar")).hasMessageContaining("DATABASE_URL");
    }
}
