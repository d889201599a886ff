package io.driftwatch.cli.policy;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.KafkaClientOptions;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.PolicySet;
import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code driftwatch policy publish}: validates policy files and writes each to the compacted policies topic under its
 * model and versions, where {@code run} and {@code alerts} pick it up for the next window without a restart. Nothing
 * is written unless every file is valid, so a review that merges several files publishes all of them or none.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Validate policy files and publish them to the policies topic, applied by run and alerts from"
                + " the next window that closes.", ""},
        footer = {"", "Examples:",
                "  driftwatch policy publish credit.yaml --bootstrap-servers localhost:9092",
                "  driftwatch policy publish policies/*.yaml --config driftwatch.properties",
                "", "Each file is written under the key MODEL/VERSIONS (credit/*, credit/2.1,2.2); publishing a file"
                + " again replaces the policy under its key."})
public final class PolicyPublishCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files (YAML).")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Override
    public Integer call() throws BadInputException, PublishException {
        List<PolicyDocument> documents = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                documents.add(PolicyDocument.read(file));
            } catch (PolicyException e) {
                problems.addAll(e.problems());
            }
        }
        try {
            if (problems.isEmpty()) {
                PolicySet.of(documents);
            }
        } catch (PolicyException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> spec.commandLine().getErr().println(problem));
            spec.commandLine().getErr().println("nothing was published; fix the files and publish them again");
            return ExitCode.BAD_INPUT;
        }
        DriftwatchConfig config = kafka.driftwatchConfig();
        String topic = Topics.POLICIES.name(config);
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            new TopicProvisioner(admin, TIMEOUT).ensure(List.of(Topics.POLICIES.spec(config)));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(config), new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < documents.size(); i++) {
                PolicyDocument document = documents.get(i);
                String key = PublishedPolicies.keyOf(document.policy());
                producer.send(new ProducerRecord<>(topic, key, text(files.get(i)))).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                out.println("published " + files.get(i) + " as " + key + " (policy " + document.id() + ") to " + topic);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishException("could not publish to " + topic + " on " + config.kafkaSettings().get("bootstrap.servers")
                    + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "; check --bootstrap-servers and that the broker is up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing to " + topic, e);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> producerSettings(DriftwatchConfig config) {
        Map<String, Object> settings = new HashMap<>(config.kafkaSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return settings;
    }

    private static String text(Path file) throws BadInputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + " again after validating it: " + e.getMessage(), e);
        }
    }
}
