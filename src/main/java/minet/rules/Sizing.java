package minet.rules;

import minet.rules.eval.Cidr;

/**
 * A subnet sizing: {@code needed} addresses by an era's formula, rounded up to a power of two, never below the
 * era's minimum. The seed's (02/2019): 5 + 2 per General Purpose + 4 per Business Critical instance, at least 16.
 */
public record Sizing(Formula formula, long generalPurpose, long businessCritical, long groups, long needed, long rounded,
                     int prefixLength) {

    /**
     * An era's formula: {@code reserved + perGeneralPurpose·GP + perBusinessCritical·BC + perGroup·groups}, where
     * groups are the distinct virtual machine groups (hardware or maintenance-window configurations; at least one
     * once an instance exists), and the smallest subnet Azure accepts.
     */
    public record Formula(int reserved, int perGeneralPurpose, int perBusinessCritical, int perGroup, int minimum, String source) {
        /** "5 + 2·GP + 4·BC". */
        public String describe() {
            return reserved + " + " + perGeneralPurpose + "·GP + " + perBusinessCritical + "·BC" + (perGroup == 0 ? "" : " + " + perGroup + "·groups");
        }
    }

    public static final Formula SEED = new Formula(5, 2, 4, 0, 16, "vnet-subnet-determine-size, 02/2019");
    public static final int RESERVED = SEED.reserved, PER_GENERAL_PURPOSE = SEED.perGeneralPurpose,
            PER_BUSINESS_CRITICAL = SEED.perBusinessCritical, MINIMUM = SEED.minimum;

    /** The seed's sizing. */
    public static Sizing of(long generalPurpose, long businessCritical) {
        return of(SEED, generalPurpose, businessCritical, 0);
    }

    /** {@code groups} below 1 counts as 1 when there is an instance (every instance belongs to a group). */
    public static Sizing of(Formula f, long generalPurpose, long businessCritical, long groups) {
        if (generalPurpose < 0 || businessCritical < 0 || groups < 0) throw new IllegalArgumentException("counts cannot be negative");
        long g = f.perGroup() == 0 ? 0 : Math.max(groups, generalPurpose + businessCritical > 0 ? 1 : 0);
        long needed = f.reserved() + f.perGeneralPurpose() * generalPurpose + f.perBusinessCritical() * businessCritical + f.perGroup() * g;
        long rounded = Math.max(f.minimum(), Long.highestOneBit(needed - 1) << 1);
        return new Sizing(f, generalPurpose, businessCritical, g, needed, rounded, Cidr.prefixLengthFor(rounded));
    }

    /** "5 + 2·3 + 4·2 = 19 addresses". */
    public String arithmetic() {
        Formula f = formula;
        return f.reserved() + " + " + f.perGeneralPurpose() + "·" + generalPurpose + " + " + f.perBusinessCritical() + "·" + businessCritical
                + (f.perGroup() == 0 ? "" : " + " + f.perGroup() + "·" + groups) + " = " + needed;
    }

    /** "19 addresses needed → 32 → /27". */
    public String describe() {
        return needed + " addresses needed → " + rounded + " → /" + prefixLength;
    }
}
