package academy.cedarheights.platform.persistence;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.ConversionService;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Spring's {@link JdbcClient}, with records mapped by {@link RecordRowMapper}: {@code .query(Booked.class)}
 * reads as it always did, for the cost of reading the row. Every other type goes to Spring's own mapping.
 */
final class RecordMappingJdbcClient implements JdbcClient {

    private final JdbcClient jdbc;
    private final ConversionService conversions;
    private final Map<Class<?>, RecordRowMapper<?>> mappers = new ConcurrentHashMap<>();

    RecordMappingJdbcClient(JdbcClient jdbc, ConversionService conversions) {
        this.jdbc = jdbc;
        this.conversions = conversions;
    }

    @Override
    public StatementSpec sql(String sql) {
        return new Statement(jdbc.sql(sql));
    }

    @SuppressWarnings("unchecked")
    private <T> RecordRowMapper<T> mapperOf(Class<T> type) {
        return (RecordRowMapper<T>) mappers.computeIfAbsent(type, record -> new RecordRowMapper<>(record, conversions));
    }

    private final class Statement implements StatementSpec {

        private final StatementSpec spec;

        Statement(StatementSpec spec) {
            this.spec = spec;
        }

        @Override
        public <T> MappedQuerySpec<T> query(Class<T> mappedClass) {
            return mappedClass.isRecord() ? spec.query(mapperOf(mappedClass).forOneQuery()) : spec.query(mappedClass);
        }

        @Override
        public StatementSpec withFetchSize(int fetchSize) {
            spec.withFetchSize(fetchSize);
            return this;
        }

        @Override
        public StatementSpec withMaxRows(int maxRows) {
            spec.withMaxRows(maxRows);
            return this;
        }

        @Override
        public StatementSpec withQueryTimeout(int queryTimeout) {
            spec.withQueryTimeout(queryTimeout);
            return this;
        }

        @Override
        public StatementSpec param(Object value) {
            spec.param(value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value) {
            spec.param(jdbcIndex, value);
            return this;
        }

        @Override
        public StatementSpec param(int jdbcIndex, Object value, int sqlType) {
            spec.param(jdbcIndex, value, sqlType);
            return this;
        }

        @Override
        public StatementSpec param(String name, Object value) {
            spec.param(name, value);
            return this;
        }

        @Override
        public StatementSpec param(String name, Object value, int sqlType) {
            spec.param(name, value, sqlType);
            return this;
        }

        @Override
        public StatementSpec params(Object... values) {
            spec.params(values);
            return this;
        }

        @Override
        public StatementSpec params(List<?> values) {
            spec.params(values);
            return this;
        }

        @Override
        public StatementSpec params(Map<String, ?> paramMap) {
            spec.params(paramMap);
            return this;
        }

        @Override
        public StatementSpec paramSource(Object namedParamObject) {
            spec.paramSource(namedParamObject);
            return this;
        }

        @Override
        public StatementSpec paramSource(SqlParameterSource namedParamSource) {
            spec.paramSource(namedParamSource);
            return this;
        }

        @Override
        public ResultQuerySpec query() {
            return spec.query();
        }

        @Override
        public <T> MappedQuerySpec<T> query(RowMapper<T> rowMapper) {
            return spec.query(rowMapper);
        }

        @Override
        public void query(RowCallbackHandler rch) {
            spec.query(rch);
        }

        @Override
        public <T> T query(ResultSetExtractor<T> rse) {
            return spec.query(rse);
        }

        @Override
        public int update() {
            return spec.update();
        }

        @Override
        public int update(KeyHolder generatedKeyHolder) {
            return spec.update(generatedKeyHolder);
        }

        @Override
        public int update(KeyHolder generatedKeyHolder, String... keyColumnNames) {
            return spec.update(generatedKeyHolder, keyColumnNames);
        }
    }
}
