package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material for an https registry: a trust store for a registry whose certificate the JDK does not
 * trust (self-signed, a private CA), and a key store when the registry asks for a client certificate
 * (mutual TLS). Either may be absent; absent means the JDK's default.
 *
 * @param truststore certificates to trust instead of the JDK's CA list
 * @param keystore   this client's certificate and private key
 */
public record TlsSettings(@Nullable KeyStoreFile truststore, @Nullable KeyStoreFile keystore) {
    /** The JDK's trusted CAs and no client certificate. */
    public static final TlsSettings JDK_DEFAULT = new TlsSettings(null, null);

    boolean isJdkDefault() {
        return truststore == null && keystore == null;
    }

    /**
     * Reads the stores and builds the context; done once, when the client is created.
     *
     * @throws ConfigException naming the setting of a store that cannot be opened
     */
    SSLContext sslContext() {
        try {
            if (isJdkDefault())
                return SSLContext.getDefault();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), trustManagers(), null);
            return context;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no TLS implementation", e);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("cannot build the TLS context for the schema registry: " + e.getMessage());
        }
    }

    private TrustManager @Nullable [] trustManagers() throws GeneralSecurityException {
        if (truststore == null)
            return null;
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(truststore.load());
        return factory.getTrustManagers();
    }

    private KeyManager @Nullable [] keyManagers() throws GeneralSecurityException {
        if (keystore == null)
            return null;
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        try {
            factory.init(keystore.load(), keystore.passwordChars());
        } catch (UnrecoverableKeyException e) {
            ConfigException wrongPassword = new ConfigException(keystore.locationSetting() + ": the private key in "
                    + keystore.location() + " is protected by a password other than " + keystore.passwordSetting());
            wrongPassword.initCause(e); // ConfigException has no constructor that takes a cause
            throw wrongPassword;
        }
        return factory.getKeyManagers();
    }
}
