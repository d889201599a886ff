package io.driftwatch.alerts.mail;

/**
 * The subject a person sees in the inbox list: severity, model, version, the worst finding, whether
 * retraining was triggered. Control characters from records (CR and LF above all, which would let a
 * feature name add mail headers) become spaces; long subjects are cut, since phones show about 80 characters.
 */
final class SubjectLine {
    static final int MAX_LENGTH = 180;

    private SubjectLine() {
    }

    static String of(Incident incident) {
        StringBuilder subject = new StringBuilder("[driftwatch ").append(incident.severity().name()).append("] ")
                .append(incident.model()).append(' ').append(incident.version()).append(": ").append(incident.worst());
        if (incident.triggered()) {
            subject.append("; retraining triggered");
        }
        if (incident.windows().size() > 1) {
            subject.append(" (").append(incident.windows().size()).append(" windows)");
        }
        return clean(subject.toString());
    }

    static String clean(String text) {
        String single = text.codePoints().map(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll(" {2,}", " ").strip();
        return single.length() <= MAX_LENGTH ? single : single.substring(0, MAX_LENGTH - 1) + "…";
    }
}
