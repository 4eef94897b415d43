package app.vigie.registry.infrastructure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "team_member")
@IdClass(TeamMemberEntity.Key.class)
public class TeamMemberEntity extends PanacheEntityBase {

    public record Key(UUID teamId, UUID staffId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "team_id")
    public UUID teamId;
    @Id
    @Column(name = "staff_id")
    public UUID staffId;
}
