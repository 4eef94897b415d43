package app.vigie.contracts;

/**
 * The routing keys on {@code vigie.events}, one constant per event type. The owning service is the only
 * publisher of its types (see docs/architecture.md).
 */
public final class EventTypes {

    private EventTypes() {
    }

    public static final String EXCHANGE = "vigie.events";

    public static final String COMMUNITY_REGISTERED = "community.registered";
    public static final String COMMUNITY_UPDATED = "community.updated";
    public static final String COMMUNITY_ARCHIVED = "community.archived";
    public static final String MESSAGE_RECEIVED = "message.received";
    public static final String MESSAGE_REMOVED = "message.removed";
    public static final String CASE_DECIDED = "case.decided";
    public static final String CASE_ESCALATED = "case.escalated";
    public static final String CASE_NEEDS_REPLY = "case.needs-reply";
    public static final String POST_DUE = "post.due";
    public static final String TASK_OVERDUE = "task.overdue";
    public static final String COVERAGE_GAP = "coverage.gap";
    public static final String ALERT_RAISED = "alert.raised";
    public static final String CHAIN_DIGEST = "audit.chain-digest";
}
