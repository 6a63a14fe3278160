package dotbar.repl.jupyter;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import dotbar.optim.Progress;
import dotbar.repl.Cells;

/**
 * A long {@code step(n)} in a notebook: one display below the cell, created at the run's first
 * report and then updated in place ({@code update_display_data} with the same {@code display_id}),
 * as an HTML {@code <progress>} bar with the numbers beside it, and those numbers alone as
 * {@code text/plain} for consoles. When the run ends the display keeps its last state: done,
 * how many steps, how long.
 */
final class ProgressDisplay implements Consumer<Progress> {

    private final Iopub iopub;
    private final Runnable flushStreams;
    private String displayId;

    ProgressDisplay(Iopub iopub, Runnable flushStreams) {
        this.iopub = iopub;
        this.flushStreams = flushStreams;
    }

    @Override
    public synchronized void accept(Progress p) {
        boolean first = displayId == null;
        if (first) {
            flushStreams.run(); // the bar goes after what the cell printed before the run
            displayId = UUID.randomUUID().toString();
        }
        String line = p.finished()
                ? String.format(Locale.ROOT, "%s: %d of %d steps in %.1f s", p.optimizer().label(), p.done(), p.total(), p.seconds())
                : p.optimizer().label() + ": " + Cells.progressLine(p.done(), p.total(), p.seconds());
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", line);
        data.addProperty("text/html", String.format(Locale.ROOT, "<progress value=\"%d\" max=\"%d\" style=\"width:20em\"></progress> <code>%s</code>",
                p.done(), Math.max(1, p.total()), Html.escape(line)));
        JsonObject content = new JsonObject();
        content.add("data", data);
        content.add("metadata", new JsonObject());
        JsonObject ids = new JsonObject();
        ids.addProperty("display_id", displayId);
        content.add("transient", ids);
        iopub.send(first ? "display_data" : "update_display_data", content);
        if (p.finished()) {
            displayId = null;
        }
    }
}
