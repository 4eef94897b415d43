package app.vigie.scheduling.infrastructure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a post's life: who did what, when, and the state it left the post in. */
@Entity
@Table(name = "post_history")
public class PostHistoryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "post_id")
    public UUID postId;
    public Instant at;
    public String actor;
    public String action;
    public String state;
    public String comment;

    public static PostHistoryEntity of(UUID postId, Instant at, String actor, String action, String state,
                                       String comment) {
        PostHistoryEntity step = new PostHistoryEntity();
        step.postId = postId;
        step.at = at;
        step.actor = actor;
        step.action = action;
        step.state = state;
        step.comment = comment;
        return step;
    }
}
