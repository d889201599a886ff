package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.driftwatch.schemas.registry.RegistrySettings.URL_CONFIG;
import static java.util.Objects.requireNonNull;

/**
 * The base URL of a schema registry with any user info taken out. A URL such as
 * {@code http://user:secret@host:8081} is accepted, its credentials become HTTP basic auth, and the URL
 * kept here (and so every message, log line and {@code toString()}) no longer holds them. The base may
 * carry a path prefix, as Apicurio's {@code http://host:8080/apis/ccompat/v7} does; trailing slashes are
 * dropped so API paths can be appended.
 */
public final class RegistryUrl {
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#]*@");

    private final URI base;
    private final RegistryAuth userInfoAuth;

    private RegistryUrl(URI base, RegistryAuth userInfoAuth) {
        this.base = base;
        this.userInfoAuth = userInfoAuth;
    }

    /**
     * @throws ConfigException naming {@value RegistrySettings#URL_CONFIG} when the text is not one
     *                         http(s) URL with a host, and without query or fragment
     */
    public static RegistryUrl parse(String url) {
        requireNonNull(url, "url");
        String trimmed = url.strip();
        if (trimmed.isEmpty())
            throw new ConfigException(URL_CONFIG + " is empty: set it to the registry's base URL,"
                    + " e.g. http://localhost:8081 (Apicurio: http://host:8080/apis/ccompat/v7)");
        if (trimmed.contains(","))
            throw invalid(trimmed, "give one URL; driftwatch does not fail over between several registries");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid(trimmed, e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https"))
            throw invalid(trimmed, "it must start with http:// or https://");
        if (uri.getHost() == null)
            throw invalid(trimmed, "it has no host name (host names cannot contain '_')");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null)
            throw invalid(trimmed, "remove the query or fragment; only a path prefix is allowed");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        URI base = URI.create(scheme + "://" + uri.getHost() + port + path);
        return new RegistryUrl(base, userInfoAuth(uri.getUserInfo(), trimmed));
    }

    private static RegistryAuth userInfoAuth(@Nullable String userInfo, String url) {
        if (userInfo == null)
            return RegistryAuth.NONE;
        int colon = userInfo.indexOf(':');
        if (colon <= 0)
            throw invalid(url, "user info in the URL must be user:password");
        return RegistryAuth.basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    private static ConfigException invalid(String url, String why) {
        return new ConfigException(URL_CONFIG + " " + redact(url) + " is not usable: " + why);
    }

    /** {@code url} with anything between {@code //} and {@code @} replaced, for messages about a raw URL. */
    static String redact(String url) {
        return USER_INFO.matcher(url).replaceFirst("***@");
    }

    /** The URL without user info or trailing slash. */
    public URI base() {
        return base;
    }

    /** @param apiPath an encoded path starting with '/', e.g. {@code /schemas/ids/42} */
    URI resolve(String apiPath) {
        return URI.create(base + apiPath);
    }

    boolean isHttps() {
        return base.getScheme().equals("https");
    }

    /** Basic-auth credentials that were written into the URL, if any. */
    Optional<RegistryAuth> credentialsFromUrl() {
        return userInfoAuth instanceof RegistryAuth.None ? Optional.empty() : Optional.of(userInfoAuth);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RegistryUrl that && base.equals(that.base) && userInfoAuth.equals(that.userInfoAuth);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    /** The base URL, never with user info. */
    @Override
    public String toString() {
        return base.toString();
    }
}
