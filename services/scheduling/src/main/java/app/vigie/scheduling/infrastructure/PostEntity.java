package app.vigie.scheduling.infrastructure;

import app.vigie.scheduling.domain.PostState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A post of the editorial calendar. */
@Entity
@Table(name = "post")
public class PostEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "community_id")
    public UUID communityId;
    public String text;
    /** JSON array of media addresses. */
    public String media;
    @Column(name = "planned_at")
    public Instant plannedAt;
    public String author;
    @Column(name = "author_name")
    public String authorName;
    @Enumerated(EnumType.STRING)
    public PostState state;
    @Column(name = "review_comment")
    public String reviewComment;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "scheduled_by")
    public String scheduledBy;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "external_id")
    public String externalId;
    public String permalink;
    /** What went wrong at the last attempt to publish. */
    public String failure;
    /** Attempts to hand the post to the client's publishing endpoint. */
    public int attempts;
    /** Two changes racing on one post: the second is refused (409), never merged silently. */
    @Version
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
