# driftwatch in a container: the shaded jar built from this checkout, run on a JRE.
#   docker build -t driftwatch:local .
#   docker run --rm driftwatch:local --help
# Both base images are pinned to full tags taken from Docker's official-images library files (library/maven and
# library/eclipse-temurin, 2026-08-21): Maven 3.9.16 on Temurin 17 to build, the Temurin 17.0.20+8 JRE to run, both
# on Ubuntu 24.04 (noble). The -noble suffix is part of the pin: the suffix-less 17.0.20_8-jre now points at Ubuntu
# 26.04 (resolute). No image was pulled here (no Docker engine); to pin the content as well, append the digest that
# `docker buildx imagetools inspect <image:tag>` prints (FROM image:tag@sha256:...), and update tag and digest together.
FROM maven:3.9.16-eclipse-temurin-17-noble AS build
WORKDIR /src
COPY pom.xml ./
# Error Prone runs inside javac, which needs the jdk.compiler exports this file gives Maven's JVM.
COPY .mvn/jvm.config .mvn/jvm.config
# Checkstyle's rules, checked in every module's validate phase.
COPY config config
COPY stats stats
COPY policy policy
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

# This base image has curl (adoptium/containers installs it), which docker-compose.yml's health checks run.
FROM eclipse-temurin:17.0.20_8-jre-noble
RUN useradd --system --uid 10001 driftwatch && mkdir -p /var/lib/driftwatch && chown driftwatch /var/lib/driftwatch
COPY --from=build /src/cli/target/driftwatch.jar /opt/driftwatch/driftwatch.jar
USER driftwatch
WORKDIR /var/lib/driftwatch
# The Prometheus endpoint (driftwatch.metrics.port).
EXPOSE 9464
# The same default heap as the ./driftwatch launcher (-Xmx1g unless DRIFTWATCH_JAVA_OPTS sets -Xmx or a RAM
# percentage); docker run -e DRIFTWATCH_JAVA_OPTS=-Xmx4g ... changes it. See docs/check.md, "Memory".
ENTRYPOINT ["sh", "-c", "opts=\"${DRIFTWATCH_JAVA_OPTS:-}\"; case \" $opts \" in *' -Xmx'*|*MaxRAMPercentage=*|*MaxHeapSize=*|*MaxRAM=*) ;; *) opts=\"-Xmx1g $opts\" ;; esac; exec java $opts -jar /opt/driftwatch/driftwatch.jar \"$@\"", "driftwatch"]
CMD ["--help"]
