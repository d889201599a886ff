package io.driftwatch.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Key material made at test time with the JDK's own {@code keytool} (PKCS12), so no certificate is committed
 * and none expires: a test CA, a broker keystore whose certificate that CA signed for 127.0.0.1, a client
 * truststore holding that CA, and a second truststore holding an unrelated CA, which a client must not accept
 * the broker with. The passwords are distinctive strings tests grep logs for.
 */
record TlsStores(Path brokerKeystore, Path clientTruststore, Path untrustedTruststore) {
    static final String KEYSTORE_PASSWORD = "keystore-pw-Qx51tB";
    static final String TRUSTSTORE_PASSWORD = "truststore-pw-Lm38vD";
    private static final String CA_PASSWORD = "ca-pw-Rb72wK";
    private static final String VALIDITY_DAYS = "2";

    /** Generates the stores in {@code directory} (about a second per key pair). */
    static TlsStores generate(Path directory) throws IOException, InterruptedException {
        Path ca = certificateAuthority(directory, "driftwatch-test-ca");
        Path otherCa = certificateAuthority(directory, "untrusted-test-ca");
        Path keystore = directory.resolve("broker.keystore.p12");
        keytool("-genkeypair", "-alias", "broker", "-dname", "CN=127.0.0.1", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", VALIDITY_DAYS, "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD);
        Path request = directory.resolve("broker.csr");
        keytool("-certreq", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-file", request.toString());
        Path signed = directory.resolve("broker.crt");
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", CA_PASSWORD, "-infile", request.toString(),
                "-outfile", signed.toString(), "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", VALIDITY_DAYS, "-rfc");
        Path caCertificate = exportCertificate(ca, directory.resolve("ca.crt"));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(), "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD);
        keytool("-importcert", "-alias", "broker", "-file", signed.toString(), "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD);
        return new TlsStores(keystore, truststore(caCertificate, directory.resolve("client.truststore.p12")),
                truststore(exportCertificate(otherCa, directory.resolve("untrusted-ca.crt")), directory.resolve("untrusted.truststore.p12")));
    }

    private static Path certificateAuthority(Path directory, String name) throws IOException, InterruptedException {
        Path keystore = directory.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=" + name, "-ext", "bc:c", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", VALIDITY_DAYS, "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", CA_PASSWORD);
        return keystore;
    }

    private static Path exportCertificate(Path caKeystore, Path file) throws IOException, InterruptedException {
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caKeystore.toString(), "-storepass", CA_PASSWORD, "-file", file.toString());
        return file;
    }

    private static Path truststore(Path caCertificate, Path file) throws IOException, InterruptedException {
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(), "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", TRUSTSTORE_PASSWORD);
        return file;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        line.addAll(List.of(arguments));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), Charset.defaultCharset()); // keytool writes in the platform charset
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    /** A client's truststore settings: the test CA's, or the unrelated CA's when {@code trusted} is false. */
    Map<String, Object> clientSettings(boolean trusted) {
        return Map.of("ssl.truststore.location", (trusted ? clientTruststore : untrustedTruststore).toString(),
                "ssl.truststore.password", TRUSTSTORE_PASSWORD, "ssl.truststore.type", "PKCS12");
    }

    /** The broker listener's settings ({@code listener.name.plaintext.ssl.*}): its keystore, and the truststore its own clients use. */
    Map<String, String> listenerSettings() {
        return Map.of("listener.name.plaintext.ssl.keystore.location", brokerKeystore.toString(),
                "listener.name.plaintext.ssl.keystore.password", KEYSTORE_PASSWORD,
                "listener.name.plaintext.ssl.key.password", KEYSTORE_PASSWORD,
                "listener.name.plaintext.ssl.keystore.type", "PKCS12",
                "listener.name.plaintext.ssl.truststore.location", clientTruststore.toString(),
                "listener.name.plaintext.ssl.truststore.password", TRUSTSTORE_PASSWORD,
                "listener.name.plaintext.ssl.truststore.type", "PKCS12");
    }
}
