package app.vigie.scheduling.application;

import app.vigie.platform.problem.ProblemException;
import app.vigie.scheduling.domain.PostRefused;
import java.util.function.Supplier;

/** The domain's refusals as the API answers them: 400 naming the field at fault, 409 when the state is. */
final class Refusals {

    private Refusals() {
    }

    static ProblemException problem(Throwable refusal) {
        PostRefused refused = (PostRefused) refusal;
        return refused.field() == null ? ProblemException.conflict(refused.getMessage())
                : ProblemException.invalid(refused.field(), refused.getMessage());
    }

    /** Runs domain code, answering its refusal as a problem. */
    static <T> T answering(Supplier<T> work) {
        try {
            return work.get();
        } catch (PostRefused e) {
            throw problem(e);
        }
    }
}
