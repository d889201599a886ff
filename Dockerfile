# driftwatch in a container: the shaded jar built from this checkout, run on a JRE.
#   docker build -t driftwatch:local .
#   docker run --rm driftwatch:local --help
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
# Error Prone runs inside javac, which needs the jdk.compiler exports this file gives Maven's JVM.
COPY .mvn/jvm.config .mvn/jvm.config
# Checkstyle's rules, checked in every module's validate phase.
COPY config config
COPY stats stats
COPY schemas schemas
COPY topics topics
COPY topology topology
COPY alerts alerts
COPY service service
COPY cli cli
# The reactor lists every module, so the developers' ones come as their poms only: broker (the embedded Kafka of the
# integration tests), testkit (test fixtures and probes) and tools (demo, bench, chaos) are never compiled here, as
# no test is (-Dmaven.test.skip=true), and nothing of theirs reaches the production jar.
COPY broker/pom.xml broker/pom.xml
COPY testkit/pom.xml testkit/pom.xml
COPY tools/pom.xml tools/pom.xml
RUN mvn -B -ntp -q -Dmaven.test.skip=true package -pl cli -am

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 driftwatch && mkdir -p /var/lib/driftwatch && chown driftwatch /var/lib/driftwatch
COPY --from=build /src/cli/target/driftwatch.jar /opt/driftwatch/driftwatch.jar
USER driftwatch
WORKDIR /var/lib/driftwatch
# The Prometheus endpoint (driftwatch.metrics.port).
EXPOSE 9464
ENTRYPOINT ["java", "-jar", "/opt/driftwatch/driftwatch.jar"]
CMD ["--help"]
