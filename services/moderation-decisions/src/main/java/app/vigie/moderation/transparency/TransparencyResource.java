package app.vigie.moderation.transparency;

import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.request.QueryParams;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the DSA asks to be published: statements of reasons in the Transparency Database's format, and the
 * transparency figures of a period. A client company's auditors and admins read their company's; platform staff
 * name one or read all.
 */
@Path("/transparency")
@RolesAllowed({Roles.AUDITOR, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN})
@Tag(name = "transparency", description = "DSA statements of reasons and transparency reports")
public class TransparencyResource {

    private static final String NDJSON = "application/x-ndjson";

    @Inject
    Statements statements;
    @Inject
    TransparencyReport report;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Path("/statements")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statements of reasons of the restrictive decisions taken in [from, to), as a JSON array in "
            + "the EU DSA Transparency Database's submission format (also as NDJSON with Accept: application/x-ndjson)")
    public Response statementsAsArray(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        return statements(tenant, from, to, Statements.Format.JSON_ARRAY, MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/statements")
    @Produces(NDJSON)
    public Response statementsAsLines(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        return statements(tenant, from, to, Statements.Format.NDJSON, NDJSON);
    }

    @GET
    @Path("/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transparency figures of [from, to) per community and in all: decisions by category, ground, "
            + "action, automated or not; median and p90 time to decision; appeals filed, upheld, reversed (also as "
            + "CSV with Accept: text/csv)")
    public TransparencyReport.Report report(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                            @QueryParam("to") String to) {
        Instant start = from(from);
        return report.of(scope(tenant), start, to(to, start));
    }

    @GET
    @Path("/report")
    @Produces("text/csv")
    public Response reportAsCsv(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                @QueryParam("to") String to) {
        return Response.ok(TransparencyReport.csv(report(tenant, from, to)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"transparency-report.csv\"").build();
    }

    private Response statements(String tenant, String from, String to, Statements.Format format, String type) {
        Instant start = from(from);
        Instant end = to(to, start);
        Optional<String> scope = scope(tenant);
        StreamingOutput body = out -> statements.write(scope, start, end, format, out);
        return Response.ok(body, type).build();
    }

    private Optional<String> scope(String requested) {
        return caller.tenantToRead(requested);
    }

    private static Instant from(String from) {
        Instant at = QueryParams.instant(from, "query.from");
        if (at == null) {
            throw ProblemException.invalid("query.from", "is required: the start of the period (ISO-8601 instant)");
        }
        return at;
    }

    private Instant to(String to, Instant from) {
        Instant at = QueryParams.instant(to, "query.to");
        Instant end = at == null ? clock.instant() : at;
        if (!end.isAfter(from)) {
            throw ProblemException.invalid("query.to", "must be after from");
        }
        return end;
    }
}
