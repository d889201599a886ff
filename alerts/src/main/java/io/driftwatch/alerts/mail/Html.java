package io.driftwatch.alerts.mail;

/**
 * HTML escaping of text from records (feature names, categories, titles, ids), for the alert email and the HTML
 * report: a feature named {@code <script>} is shown, never run. Escapes the five characters that matter in text and
 * in quoted attribute values.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
