package io.driftwatch.schemas.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key pair and a self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made at test time
 * with the JDK's own {@code keytool} (always present with the JDK, so no test is skipped), in three files:
 * the private key store (PKCS12) and the certificate alone in a JKS and in a PKCS12 trust store.
 *
 * @param name              the certificate's CN and alias
 * @param keystore          PKCS12 holding the private key and certificate
 * @param truststoreJks     JKS holding only the certificate
 * @param truststorePkcs12  PKCS12 holding only the certificate
 * @param password          the password of all three files
 */
public record SelfSignedCertificate(String name, Path keystore, Path truststoreJks, Path truststorePkcs12, String password) {
    private static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    /** @param name the certificate's CN and the files' prefix, e.g. {@code registry} */
    public static SelfSignedCertificate generate(Path directory, String name) {
        String password = name + "-store-password";
        Path keystore = directory.resolve(name + "-keystore.p12");
        Path certificate = directory.resolve(name + ".pem");
        Path truststoreJks = directory.resolve(name + "-truststore.jks");
        Path truststorePkcs12 = directory.resolve(name + "-truststore.p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(),
                "-storetype", "JKS", "-keystore", truststoreJks.toString(), "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststorePkcs12.toString(), "-storepass", password);
        return new SelfSignedCertificate(name, keystore, truststoreJks, truststorePkcs12, password);
    }

    /** A server context presenting this certificate and trusting {@code clients} (for mutual TLS). */
    public SSLContext serverContext(SelfSignedCertificate... clients) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(KeyStore.getInstance(keystore.toFile(), password.toCharArray()), password.toCharArray());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (SelfSignedCertificate client : clients)
                trusted.setCertificateEntry(client.name(), KeyStore.getInstance(client.truststorePkcs12().toFile(),
                        client.password().toCharArray()).getCertificate(client.name()));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(KEYTOOL, "-J-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
