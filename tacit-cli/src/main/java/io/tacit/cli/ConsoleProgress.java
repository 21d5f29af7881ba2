package io.tacit.cli;

import io.tacit.spi.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Draws progress on stderr: a bar redrawn in place on a terminal, one line per finished stage otherwise
 * (so logs stay readable). Results never go here.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final Redactor redactor;
    /** open stages, innermost last; a stage started again under its own name counts as the same stage */
    private final java.util.ArrayDeque<Frame> stages = new java.util.ArrayDeque<>();
    private String stage = "";
    private long total;
    private long done;
    private long lastDrawn;
    private boolean barShown;

    ConsoleProgress(PrintStream err, boolean terminal, Redactor redactor) {
        this.err = err;
        this.terminal = terminal;
        this.redactor = redactor;
    }

    @Override
    public synchronized void stageStarted(String name, long totalUnits) {
        Frame top = stages.peekLast();
        if (top != null && top.name.equals(name)) {
            top.depth++;
        }
        else {
            stages.addLast(new Frame(name, System.nanoTime()));
        }
        stage = name;
        total = totalUnits;
        done = 0;
        lastDrawn = 0;
        if (terminal) {
            draw();
        }
    }

    @Override
    public synchronized void advanced(long units) {
        done += units;
        if (terminal && System.nanoTime() - lastDrawn > REDRAW_NANOS) {
            draw();
        }
    }

    @Override
    public synchronized void stageFinished(String name) {
        Frame frame = null;
        for (java.util.Iterator<Frame> open = stages.descendingIterator(); open.hasNext();) {
            Frame candidate = open.next();
            if (candidate.name.equals(name)) {
                frame = candidate;
                break;
            }
        }
        if (frame == null) {
            return;
        }
        if (frame.depth > 0) {
            frame.depth--;
            return;
        }
        stages.removeLastOccurrence(frame);
        clearBar();
        double seconds = (System.nanoTime() - frame.started) / 1e9;
        err.println(String.format(Locale.ROOT, "tacit: %s%s done in %.1f s", "  ".repeat(stages.size()),
                redactor.redact(name), seconds));
    }

    private static final class Frame {
        private final String name;
        private final long started;
        private int depth;

        Frame(String name, long started) {
            this.name = name;
            this.started = started;
        }
    }

    @Override
    public synchronized void note(String message) {
        clearBar();
        err.println("tacit: " + redactor.redact(message));
    }

    private void draw() {
        lastDrawn = System.nanoTime();
        StringBuilder line = new StringBuilder("\r\033[2K").append(redactor.redact(stage)).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total);
        }
        else {
            line.append("…");
        }
        err.print(line);
        err.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[2K");
            barShown = false;
        }
    }
}
