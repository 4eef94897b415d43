package app.vigie.platform.probe;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

/** A REST client of the probe's own echo endpoint. */
@Path("/probe/echo-header")
public interface EchoClient {

    @GET
    Uni<Map<String, String>> echo();
}
