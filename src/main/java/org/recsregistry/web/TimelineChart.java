package org.recsregistry.web;

import org.recsregistry.status.Status;
import org.recsregistry.stats.dto.TimelineView;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline of recommendations by overall status as a stacked bar chart, laid out on the server
 * so that the page draws it as inline SVG without script; the data table beside it carries the same numbers.
 */
public record TimelineChart(int width, int height, int baseline, int labelY, long max, List<Bar> bars,
                            List<Row> rows) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int TOP = 10;
    private static final int BOTTOM = 40;
    private static final int LEFT = 40;
    private static final MonthDay YEAR_END = MonthDay.of(12, 31);

    /** One stacked bar: its year under it and its segments, bottom up. */
    public record Bar(String label, int x, int width, int labelX, List<Segment> segments) {
    }

    /** One status's part of a bar; {@code status} is the wire value (its CSS class), {@code title} says it in words. */
    public record Segment(String status, int y, int height, String title) {
    }

    /** One line of the data table: the point's label and its counts in vocabulary order. */
    public record Row(String label, List<Long> counts, long total) {
    }

    static TimelineChart of(TimelineView timeline) {
        List<TimelineView.Point> points = timeline.points();
        long max = Math.max(1, points.stream().mapToLong(p -> total(p)).max().orElse(1));
        int plot = HEIGHT - TOP - BOTTOM;
        int slot = points.isEmpty() ? 0 : (WIDTH - LEFT) / points.size();
        int barWidth = Math.max(4, slot * 2 / 3);
        List<Bar> bars = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            TimelineView.Point point = points.get(i);
            String label = label(point.date());
            int x = LEFT + i * slot + (slot - barWidth) / 2;
            List<Segment> segments = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            int top = HEIGHT - BOTTOM;
            for (Status status : Status.values()) {
                long count = point.recommendations().getOrDefault(status.wire(), 0L);
                counts.add(count);
                int h = (int) Math.round((double) count * plot / max);
                if (count > 0) {
                    top -= h;
                    segments.add(new Segment(status.wire(), top, h,
                            label + ": " + count + " " + Labels.label(status)));
                }
            }
            bars.add(new Bar(Integer.toString(point.date().getYear()), x, barWidth, x + barWidth / 2, segments));
            rows.add(new Row(label, counts, total(point)));
        }
        return new TimelineChart(WIDTH, HEIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM + 18, max, bars, rows);
    }

    /** A year's end reads as the year; the last point (today) as its date, in the table and the tooltips. */
    private static String label(LocalDate date) {
        return MonthDay.from(date).equals(YEAR_END) ? Integer.toString(date.getYear()) : date.toString();
    }

    private static long total(TimelineView.Point point) {
        return point.recommendations().values().stream().mapToLong(Long::longValue).sum();
    }
}
