package academy.cedarheights.platform.web;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import academy.cedarheights.platform.security.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for POSTs that create things: the first answer is stored (in the database, so it
 * holds across instances and restarts) with a hash of the request; the same key and request get that
 * answer again, the same key with another request is a 409. Runs inside the request's transaction, so a
 * request that fails stores nothing and may be retried with its key. Concurrent requests with one key wait
 * on each other at the key's row.
 */
@Component
public class IdempotentRequests {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T once(UUID school, String actor, String key, Object request, Class<T> answerType, Supplier<T> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw new InvalidField("Idempotency-Key", "must be 1 to 255 characters");
        }
        String hash = hash(request);
        int claimed = jdbc.sql("""
                        insert into idempotency_keys (school_id, actor, key, request_hash, response_status, response_body)
                        values (:school, :actor, :key, :hash, 0, '{}'::jsonb) on conflict do nothing""")
                .param("school", school).param("actor", actor).param("key", key).param("hash", hash).update();
        if (claimed == 0) {
            return earlierAnswer(school, actor, key, hash, answerType);
        }
        T answer = work.get();
        jdbc.sql("""
                        update idempotency_keys set response_status = 200, response_body = cast(:body as jsonb)
                         where school_id = :school and actor = :actor and key = :key""")
                .param("school", school).param("actor", actor).param("key", key)
                .param("body", json.writeValueAsString(answer)).update();
        return answer;
    }

    private <T> T earlierAnswer(UUID school, String actor, String key, String hash, Class<T> answerType) {
        Map<String, Object> earlier = jdbc.sql("""
                        select request_hash, response_body::text as body from idempotency_keys
                         where school_id = :school and actor = :actor and key = :key""")
                .param("school", school).param("actor", actor).param("key", key).query().singleRow();
        if (!hash.equals(earlier.get("request_hash"))) {
            throw new ConflictWithCurrentState("This Idempotency-Key was used with a different request.");
        }
        return json.readValue((String) earlier.get("body"), answerType);
    }

    private String hash(Object request) {
        return Sha256.hex(json.writeValueAsString(request));
    }
}
