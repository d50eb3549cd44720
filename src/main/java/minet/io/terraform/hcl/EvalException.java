package minet.io.terraform.hcl;

import minet.io.InputException;
import minet.io.terraform.hcl.Hcl.Pos;

/** An expression Terraform would refuse, at its place; unchecked inside the evaluator, an InputException outside. */
final class EvalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Pos pos;
    final String problem;

    EvalException(Pos pos, String problem) {
        super(problem, null, false, false);
        this.pos = pos;
        this.problem = problem;
    }

    InputException toInput() {
        return pos == null ? new InputException(null, problem) : pos.error(problem);
    }
}
