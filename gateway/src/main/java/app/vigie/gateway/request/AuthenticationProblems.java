package app.vigie.gateway.request;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.problem.Problem;
import app.vigie.contracts.problem.ProblemKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem documents for the gateway's own REST endpoints ({@code /api/me}, {@code /openapi}). */
public class AuthenticationProblems {

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return render(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigie\""),
                ProblemKind.UNAUTHENTICATED, "a valid bearer token is required", uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return render(Response.status(403), ProblemKind.FORBIDDEN, "your roles do not allow this operation", uri, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return render(Response.status(404), ProblemKind.NOT_FOUND, "no such resource on the gateway", uri, headers);
    }

    private static Response render(Response.ResponseBuilder response, ProblemKind kind, String detail, UriInfo uri,
                                   HttpHeaders headers) {
        try {
            return response.type(Problem.MEDIA_TYPE).entity(EventPayloads.mapper().writeValueAsString(
                    Problem.of(kind, detail, uri.getPath(), headers.getHeaderString(RequestIdFilter.HEADER)))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
