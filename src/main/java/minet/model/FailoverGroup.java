package minet.model;

/**
 * An auto-failover group of managed instances: {@code primaryInstanceId} and {@code secondaryInstanceId} refer to
 * {@link ManagedInstance#id()}, each in its own VNet and region. Its listeners are
 * {@code <name>.<zone>.database.windows.net} (read-write) and {@code <name>.secondary.<zone>.database.windows.net}.
 */
public record FailoverGroup(String id, String name, String primaryInstanceId, String secondaryInstanceId, Source source) {
    public String readWriteListener(String zone) {
        return name + "." + (zone == null || zone.isBlank() ? "<zone>" : zone) + ".database.windows.net";
    }

    public String readOnlyListener(String zone) {
        return name + ".secondary." + (zone == null || zone.isBlank() ? "<zone>" : zone) + ".database.windows.net";
    }
}
