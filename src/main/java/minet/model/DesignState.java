package minet.model;

/**
 * What a design describes. A DESIRED state (an ARM template, a Terraform plan or module, a drawing) is what the user
 * asks for: Azure adds its own rules and routes to a delegated MI subnet at deployment, so their absence there is no
 * error. A LIVE state (az CLI output, Terraform state, Azure Resource Graph) is what exists: there Azure's rules must
 * be present and unchanged.
 */
public enum DesignState {
    DESIRED, LIVE;

    /** Jackson's filter that leaves the default (DESIRED) out of design files. */
    public static final class Desired {
        @Override public boolean equals(Object o) { return o == null || o == DESIRED; }
        @Override public int hashCode() { return 0; }
    }
}
