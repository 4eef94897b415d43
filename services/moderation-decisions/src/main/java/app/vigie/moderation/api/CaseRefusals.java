package app.vigie.moderation.api;

import app.vigie.moderation.domain.CaseRefused;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A rule of the case said no: 403 when it is about who asks, 409 when it is about the state of the case. */
public class CaseRefusals {

    private final ProblemMappers problems = new ProblemMappers();

    /** Two commands on the same case at the same moment: the second lost the race and may try again. */
    @ServerExceptionMapper({org.axonframework.modelling.command.ConcurrencyException.class,
            org.axonframework.modelling.command.AggregateStreamCreationException.class})
    public Response raced(RuntimeException e, UriInfo uri) {
        return problems.problem(ProblemException.conflict("the case changed at the same moment; read it again and retry"),
                uri);
    }

    @ServerExceptionMapper
    public Response refused(CaseRefused e, UriInfo uri) {
        return problems.problem(e.kind() == CaseRefused.Kind.FORBIDDEN
                ? ProblemException.forbidden(e.getMessage())
                : ProblemException.conflict(e.getMessage()), uri);
    }
}
