# The jar built by `./mvnw -B -ntp package -DskipTests`, on a Java 17 runtime, as a user that owns nothing.
# Not built on the project's own machines (they have no container registry): the systemd path in
# docs/operations.md is the tested one.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home cedar \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY target/cedar-heights-*.jar /opt/cedar-heights/cedar-heights.jar
USER 10001
EXPOSE 8080
# the heap follows the container's memory limit
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
    CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
# SIGTERM reaches java directly: it stops taking requests, finishes what runs, and exits
ENTRYPOINT ["java", "-jar", "/opt/cedar-heights/cedar-heights.jar"]
