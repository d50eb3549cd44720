package minet;

import java.nio.file.Path;

/**
 * The public quickstart templates the tests run on: the copies in {@code src/test/resources/real-world} (see its
 * README for origin and licence), so a clone of the repository alone tests them. {@link RealWorldFixturesTest}
 * checks that they are the very files of {@code ../shared/real-world} where that folder exists.
 */
public final class RealWorld {
    private RealWorld() {}

    public static final Path DIR = Path.of("src", "test", "resources", "real-world");
    public static final Path Y2019 = DIR.resolve("quickstart-101-sqlmi-new-vnet-2019.json");
    public static final Path NESTED = DIR.resolve("quickstart-demo-mi-nested-vnet.json");
    public static final Path NESTED_PARAMS = DIR.resolve("quickstart-demo-mi-nested-vnet.parameters.json");
    public static final Path SERVICE_AIDED = DIR.resolve("quickstart-sqlmi-new-vnet-service-aided.json");
    public static final Path AZURE_ENV = DIR.resolve("quickstart-sql-managed-instance-azure-environment.json");

    /** The project's shared folder beside the checkout; absent in a clone of the repository alone. */
    public static final Path SHARED = Path.of("..", "shared", "real-world");
}
