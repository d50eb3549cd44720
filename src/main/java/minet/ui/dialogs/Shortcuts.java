package minet.ui.dialogs;

import java.util.List;

/** Every keyboard shortcut of the window, by what it is for: the F1 dialog and the README's table are made from it. */
public final class Shortcuts {
    private Shortcuts() {}

    public record Entry(String keys, String what) {}

    public record Group(String title, List<Entry> entries) {}

    public static final List<Group> ALL = List.of(
            new Group("Files", List.of(
                    new Entry("Ctrl+N / Ctrl+O", "new design, open a design or any importable file"),
                    new Entry("Ctrl+S / Ctrl+Shift+S", "save, save as (atomic; unsaved work is autosaved every minute and offered back after a crash)"),
                    new Entry("Ctrl+I", "import ARM, az CLI or Terraform JSON"),
                    new Entry("Ctrl+E", "export the rule sets (ARM, Bicep, Terraform, az CLI, PowerShell, CSV, Markdown)"),
                    new Entry("Ctrl+Q", "quit"))),
            new Group("Editing", List.of(
                    new Entry("Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z)", "undo / redo"),
                    new Entry("Delete", "delete the selection"),
                    new Entry("Ctrl+C / Ctrl+V", "copy / paste subnets and outside networks"),
                    new Entry("Ctrl+A", "select all"),
                    new Entry("Arrow keys (Shift: ×5)", "move the selection by one grid step"),
                    new Entry("Ctrl+K", "connect mode: drag from on-premises, a peered VNet or clients to a VNet or subnet"))),
            new Group("View", List.of(
                    new Entry("Ctrl+wheel, Ctrl+= / Ctrl+-", "zoom (at the pointer with the wheel)"),
                    new Entry("Ctrl+0 / Ctrl+1", "fit the design to the window / actual size (100 %)"),
                    new Entry("Wheel, right or middle drag", "pan"),
                    new Entry("F4", "show or fold away the properties panel (more room for the diagram)"))),
            new Group("Properties panel", List.of(
                    new Entry("Enter or Tab", "apply the field and go to the next one"),
                    new Entry("Escape", "drop what was typed in the field"),
                    new Entry("Double-click a cell of the routes table", "edit it; Enter applies, Escape cancels"))),
            new Group("Checking", List.of(
                    new Entry("Ctrl+Shift+F", "Fix all: review every fix, then apply them as one undoable step"),
                    new Entry("F5", "validate now"),
                    new Entry("F1", "this list of shortcuts"))));

    /** The README's table: "| keys | what |" rows, one group after the other. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("| keys | what |\n|---|---|\n");
        for (Group g : ALL) for (Entry e : g.entries()) sb.append("| ").append(e.keys()).append(" | ").append(e.what()).append(" |\n");
        return sb.toString();
    }
}
