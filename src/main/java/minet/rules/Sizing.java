package minet.rules;

import minet.rules.eval.Cidr;

/**
 * The seed's subnet sizing (02/2019): 5 reserved addresses + 2 per General Purpose + 4 per Business Critical
 * instance, rounded up to a power of two, never below the 16 addresses (/28) a managed instance needs.
 */
public record Sizing(long generalPurpose, long businessCritical, long needed, long rounded, int prefixLength) {
    public static final int RESERVED = 5, PER_GENERAL_PURPOSE = 2, PER_BUSINESS_CRITICAL = 4, MINIMUM = 16;

    public static Sizing of(long generalPurpose, long businessCritical) {
        if (generalPurpose < 0 || businessCritical < 0) throw new IllegalArgumentException("instance counts cannot be negative");
        long needed = RESERVED + PER_GENERAL_PURPOSE * generalPurpose + PER_BUSINESS_CRITICAL * businessCritical;
        long rounded = Math.max(MINIMUM, Long.highestOneBit(needed - 1) << 1);
        return new Sizing(generalPurpose, businessCritical, needed, rounded, Cidr.prefixLengthFor(rounded));
    }

    /** "19 addresses needed → 32 → /27". */
    public String describe() {
        return needed + " addresses needed → " + rounded + " → /" + prefixLength;
    }
}
