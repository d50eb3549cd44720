package minet.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.io.AtomicFiles;

/** The last ten files opened or saved, newest first, one path a line in {@code recent.txt} in the config dir. */
public final class RecentFiles {
    public static final int MAX = 10;
    private final Path store;

    public RecentFiles(Path configDir) { this.store = configDir.resolve("recent.txt"); }

    public List<Path> load() {
        List<Path> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(store)) {
                for (String line : Files.readAllLines(store)) if (!line.isBlank() && out.size() < MAX) out.add(Path.of(line.trim()));
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            // An unreadable list is an empty list: it is only a convenience.
        }
        return out;
    }

    /** Puts {@code file} first and returns the new list. */
    public List<Path> add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = load();
        list.removeIf(p -> p.toAbsolutePath().normalize().equals(abs));
        list.add(0, abs);
        while (list.size() > MAX) list.remove(list.size() - 1);
        save(list);
        return list;
    }

    public List<Path> remove(Path file) {
        List<Path> list = load();
        list.removeIf(p -> p.equals(file));
        save(list);
        return list;
    }

    private void save(List<Path> list) {
        StringBuilder sb = new StringBuilder();
        for (Path p : list) sb.append(p).append('\n');
        try {
            AtomicFiles.write(store, sb.toString());
        } catch (IOException ignored) {
            // Not being able to remember recent files must not stop a save.
        }
    }
}
