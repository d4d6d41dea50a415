package academy.cedarheights.platform.jobs;

import java.nio.charset.StandardCharsets;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores job payloads as JSON rather than Java serialization, so a payload can be read in the
 * database and in a dead letter, and survives a class being recompiled.
 */
final class JsonTaskDataSerializer implements Serializer {

    private final JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : mapper.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] serialized) {
        return serialized == null ? null : mapper.readValue(serialized, type);
    }

    String describe(Object data) {
        return data == null ? null : new String(serialize(data), StandardCharsets.UTF_8);
    }
}
