package app.vigie.moderation.application;

import app.vigie.platform.request.RequestIds;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * Who acts on a case, and in which role: sent as metadata with each command, and copied by Axon into the metadata
 * of the events it causes, so that the history says who decided, as what, and in which request.
 */
public record Actor(String subject, String role) {

    public static final String SUBJECT = "actor";
    public static final String ROLE = "actorRole";
    public static final String REQUEST = "requestId";

    /** Vigie itself: opening cases from message.received, recording edits. */
    public static final Actor CASE_OPENING = new Actor("vigie:case-opening", "system");
    /** Vigie itself: putting back the cases whose claim ran out. */
    public static final Actor LEASE_SWEEPER = new Actor("vigie:lease-sweeper", "system");

    /** The command, with this actor (and the current request id, if any) as its metadata. */
    public CommandMessage<Object> command(Object payload) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(SUBJECT, subject);
        metaData.put(ROLE, role);
        String request = RequestIds.current();
        if (request != null) {
            metaData.put(REQUEST, request);
        }
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData);
    }
}
