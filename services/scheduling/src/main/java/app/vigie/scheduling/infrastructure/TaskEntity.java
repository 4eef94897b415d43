package app.vigie.scheduling.infrastructure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A reply community management owes, with its deadline and who is on it. */
@Entity
@Table(name = "reply_task")
public class TaskEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "community_id")
    public UUID communityId;
    /** CASE, ALERT or MANUAL. */
    public String source;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "message_id")
    public UUID messageId;
    public String language;
    public String note;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public Instant deadline;
    /** OPEN, DONE or CANCELLED. */
    public String state;
    public String assignee;
    @Column(name = "assignee_shift")
    public UUID assigneeShift;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "overdue_at")
    public Instant overdueAt;
    @Column(name = "done_at")
    public Instant doneAt;
    @Column(name = "done_by")
    public String doneBy;
    @Column(name = "reply_text")
    public String replyText;
    @Column(name = "reply_link")
    public String replyLink;
    @Version
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
}
