package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.CategoryShare;
import io.driftwatch.schemas.record.FeatureSummary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A small PNG of one feature's reference against current distribution, drawn with Java2D on an image buffer
 * (no display needed; runs headless): side-by-side bars per histogram bin for numbers, per category for
 * categories. Drawn at twice its displayed size so it stays sharp on a phone. The one chart of driftwatch: the alert
 * email and the HTML report both draw it. Stateless.
 */
public final class DistributionChart {
    /** The width it is displayed at, in CSS pixels (the PNG holds twice as many). */
    public static final int WIDTH = 480;
    /** The height it is displayed at, in CSS pixels. */
    public static final int HEIGHT = 180;
    private static final int SCALE = 2;
    public static final Color REFERENCE = new Color(0x64, 0x74, 0x8b);
    public static final Color CURRENT = new Color(0xea, 0x58, 0x0c);
    private static final Color AXIS = new Color(0x9c, 0xa3, 0xaf);
    private static final Color LABEL = new Color(0x37, 0x41, 0x51);
    private static final int LEFT = 16;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    private DistributionChart() {
    }

    /** The chart of {@code summary} against the current window, or empty when it holds no distribution to draw. */
    static Optional<byte[]> png(FeatureSummary summary, String referenceName) {
        return png(summary, referenceName, "current window");
    }

    /**
     * The chart of {@code summary}, its two sides named in the legend, or empty when it holds no distribution to draw.
     */
    public static Optional<byte[]> png(FeatureSummary summary, String referenceName, String currentName) {
        if (!summary.getCategories().isEmpty()) {
            List<String> labels = summary.getCategories().stream().map(CategoryShare::getCategory).toList();
            double[] reference = summary.getCategories().stream().mapToDouble(CategoryShare::getReferenceShare).toArray();
            double[] current = summary.getCategories().stream().mapToDouble(CategoryShare::getCurrentShare).toArray();
            return Optional.of(draw(labels, reference, current, referenceName, currentName, false));
        }
        if (summary.getBinEdges().size() >= 2 && summary.getReferenceProportions().size() == summary.getBinEdges().size() - 1) {
            List<Double> edges = summary.getBinEdges();
            List<String> labels = List.of(Figures.of(edges.get(0)), Figures.of(edges.get(edges.size() / 2)),
                    Figures.of(edges.get(edges.size() - 1)));
            double[] reference = summary.getReferenceProportions().stream().mapToDouble(Double::doubleValue).toArray();
            double[] current = summary.getCurrentProportions().stream().mapToDouble(Double::doubleValue).toArray();
            return Optional.of(draw(labels, reference, current, referenceName, currentName, true));
        }
        return Optional.empty();
    }

    private static byte[] draw(List<String> labels, double[] reference, double[] current, String referenceName, String currentName,
                               boolean numeric) {
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            legend(g, referenceName, currentName);
            bars(g, reference, current);
            axisLabels(g, labels, reference.length, numeric);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }

    private static void legend(Graphics2D g, String referenceName, String currentName) {
        int x = LEFT;
        for (int i = 0; i < 2; i++) {
            g.setColor(i == 0 ? REFERENCE : CURRENT);
            g.fillRect(x, 7, 13, 13);
            g.setColor(LABEL);
            String text = i == 0 ? referenceName : currentName;
            g.drawString(text, x + 18, 19);
            x += 17 + g.getFontMetrics().stringWidth(text) + 20;
        }
    }

    private static void bars(Graphics2D g, double[] reference, double[] current) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double top = 0;
        for (int i = 0; i < reference.length; i++) {
            top = Math.max(top, Math.max(reference[i], current[i]));
        }
        top = top <= 0 ? 1 : top;
        double slot = (double) plotWidth / reference.length;
        double bar = Math.max(1, slot * 0.4);
        for (int i = 0; i < reference.length; i++) {
            double x = LEFT + i * slot + slot * 0.1;
            fillBar(g, REFERENCE, x, bar, reference[i] / top * plotHeight);
            fillBar(g, CURRENT, x + bar, bar, current[i] / top * plotHeight);
        }
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
    }

    private static void fillBar(Graphics2D g, Color color, double x, double width, double height) {
        g.setColor(color);
        int h = (int) Math.round(height);
        g.fillRect((int) Math.round(x), HEIGHT - BOTTOM - h, (int) Math.max(1, Math.round(width)), h);
    }

    private static void axisLabels(Graphics2D g, List<String> labels, int slots, boolean numeric) {
        g.setColor(LABEL);
        FontMetrics metrics = g.getFontMetrics();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int baseline = HEIGHT - BOTTOM + 18;
        if (numeric) {
            g.drawString(labels.get(0), LEFT, baseline);
            g.drawString(labels.get(1), LEFT + (plotWidth - metrics.stringWidth(labels.get(1))) / 2, baseline);
            g.drawString(labels.get(2), LEFT + plotWidth - metrics.stringWidth(labels.get(2)), baseline);
            return;
        }
        double slot = (double) plotWidth / slots;
        for (int i = 0; i < labels.size(); i++) {
            String label = fit(labels.get(i), metrics, (int) slot - 4);
            g.drawString(label, (int) (LEFT + i * slot + (slot - metrics.stringWidth(label)) / 2), baseline);
        }
    }

    private static String fit(String label, FontMetrics metrics, int width) {
        if (metrics.stringWidth(label) <= width) {
            return label;
        }
        String cut = label;
        while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
