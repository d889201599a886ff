package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

import static java.util.Objects.requireNonNull;

/**
 * A key store on disk and its password. The type (JKS or PKCS12) is detected from the file, so users do not
 * have to name it; {@link #load} turns every way of failing into a message naming the two settings.
 *
 * @param location        the file
 * @param password        the store password (also used for the private key of a client key store)
 * @param locationSetting the setting the location came from, for messages
 * @param passwordSetting the setting the password came from, for messages
 */
public record KeyStoreFile(Path location, Password password, String locationSetting, String passwordSetting) {
    public KeyStoreFile {
        requireNonNull(location, "location");
        requireNonNull(password, "password");
        requireNonNull(locationSetting, "locationSetting");
        requireNonNull(passwordSetting, "passwordSetting");
        if (!Files.isRegularFile(location))
            throw new ConfigException(locationSetting + ": " + location + " does not exist or is not a file");
        if (!Files.isReadable(location))
            throw new ConfigException(locationSetting + ": " + location + " is not readable by this user");
    }

    /** @throws ConfigException when the file cannot be opened with the password */
    KeyStore load() {
        try {
            return KeyStore.getInstance(location.toFile(), password.value().toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException)
                throw new ConfigException(locationSetting + ": cannot open " + location + ": the password in "
                        + passwordSetting + " is wrong");
            throw new ConfigException(locationSetting + ": cannot read " + location + " (" + e.getMessage()
                    + "): is it a JKS or PKCS12 key store, and is " + passwordSetting + " right?");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(locationSetting + ": " + location + " is not a JKS or PKCS12 key store ("
                    + e.getMessage() + ")");
        }
    }

    char[] passwordChars() {
        return password.value().toCharArray();
    }
}
