package io.driftwatch.schemas.registry;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.driftwatch.schemas.registry.TestSchemas.READING_V1;
import static io.driftwatch.schemas.registry.TestSchemas.READING_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryClientCachingTest {
    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start(FakeRegistryDialect.CONFLUENT);

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void secondFetchOfAnIdMakesNoRequest() {
        int id = registry.register("readings-value", READING_V1.toString());
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

        client.schemaById(id);
        Schema again = client.schemaById(id);

        assertThat(again).isEqualTo(READING_V1);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void concurrentCallersOfOneMissingIdShareOneRequest() throws Exception {
        int id = registry.register("readings-value", READING_V1.toString());
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());
        registry.delayNext(1, Duration.ofMillis(300));
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Schema>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++)
                answers.add(threads.submit(() -> {
                    start.await();
                    return client.schemaById(id);
                }));
            start.countDown();
            for (Future<Schema> answer : answers)
                assertThat(answer.get()).isEqualTo(READING_V1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(registry.requestCount("GET", "/schemas/ids/" + id)).isEqualTo(1);
    }

    @Test
    void failedFetchIsNotRememberedSoTheNextCallAsksAgain() {
        int id = registry.register("readings-value", READING_V1.toString());
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());
        registry.failNext(3, 503);

        assertThatThrownBy(() -> client.schemaById(id)).isInstanceOf(RegistryUnavailableException.class);
        assertThat(client.schemaById(id)).isEqualTo(READING_V1);
        assertThat(registry.requestCount("GET", "/schemas/ids/" + id)).isEqualTo(4);
    }

    @Test
    void unknownIdIsAskedAgainBecauseAProducerMayRegisterItMeanwhile() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());
        assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(UnknownSchemaException.class);

        registry.register("readings-value", READING_V1.toString());

        assertThat(client.schemaById(1)).isEqualTo(READING_V1);
    }

    @Test
    void registeringTwiceMakesOneRequestAndTheIdIsThenKnownWithoutAFetch() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

        int id = client.register("readings-value", READING_V1);
        assertThat(client.register("readings-value", READING_V1)).isEqualTo(id);
        assertThat(client.schemaById(id)).isEqualTo(READING_V1);

        assertThat(registry.requests()).extracting(FakeSchemaRegistry.RecordedRequest::apiPath)
                .containsExactly("/subjects/readings-value/versions");
    }

    @Test
    void latestIsReusedWithinItsTimeToLiveAndFetchedAgainAfter() {
        registry.register("readings-value", READING_V1.toString());
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        SchemaRegistryClient client = new SchemaRegistryClient(
                registry.clientSettings().latestCacheTtl(Duration.ofSeconds(30)).build(), clock);

        assertThat(client.latest("readings-value").version()).isEqualTo(1);
        registry.register("readings-value", READING_V2.toString());
        clock.advance(Duration.ofSeconds(29));
        assertThat(client.latest("readings-value").version()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.latest("readings-value").version()).isEqualTo(2);

        assertThat(registry.requestCount("GET", "/subjects/readings-value/versions/latest")).isEqualTo(2);
    }

    @Test
    void zeroTimeToLiveAsksForTheLatestEveryTime() {
        registry.register("readings-value", READING_V1.toString());
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().latestCacheTtl(Duration.ZERO).build());

        client.latest("readings-value");
        client.latest("readings-value");

        assertThat(registry.requestCount("GET", "/subjects/readings-value/versions/latest")).isEqualTo(2);
    }

    @Test
    void latestAlsoTeachesTheSchemaOfItsId() {
        int id = registry.register("readings-value", READING_V1.toString());
        SchemaRegistryClient client = new SchemaRegistryClient(registry.clientSettings().build());

        client.latest("readings-value");

        assertThat(client.schemaById(id)).isEqualTo(READING_V1);
        assertThat(registry.requestCount("GET", "/schemas/ids/" + id)).isZero();
    }
}
