package academy.cedarheights.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The phones that replied STOP to the deployment's texting number: none of them gets a text, from any school, until it
 * replies START. Asked when a text is queued and again just before it goes (a STOP may come in between).
 */
@Component
class TextOptOuts {

    private final JdbcClient jdbc;

    TextOptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean stopped(String phone) {
        return jdbc.sql("select exists (select 1 from text_opt_outs where phone = :phone)").param("phone", phone)
                .query(Boolean.class).single();
    }

    void stop(String phone, String keyword) {
        jdbc.sql("""
                        insert into text_opt_outs (phone, keyword) values (:phone, :keyword)
                        on conflict (phone) do nothing""")
                .param("phone", phone).param("keyword", keyword).update();
    }

    void start(String phone) {
        jdbc.sql("delete from text_opt_outs where phone = :phone").param("phone", phone).update();
    }
}
