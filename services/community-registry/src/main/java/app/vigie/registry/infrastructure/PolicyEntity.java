package app.vigie.registry.infrastructure;

import app.vigie.contracts.community.Category;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One version of a community's policy; never updated once written. */
@Entity
@Table(name = "community_policy")
@IdClass(PolicyEntity.Key.class)
public class PolicyEntity extends PanacheEntityBase {

    public record Key(UUID communityId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "community_id")
    public UUID communityId;
    @Id
    public int version;
    @Convert(converter = Converters.Categories.class)
    @Column(name = "forbidden_categories")
    public Set<Category> forbiddenCategories;
    @Convert(converter = Converters.TermLists.class)
    @Column(name = "blocked_terms")
    public Map<String, List<String>> blockedTerms;
    @Convert(converter = Converters.TermLists.class)
    @Column(name = "allowed_terms")
    public Map<String, List<String>> allowedTerms;
    @Column(name = "auto_hide_threshold")
    public BigDecimal autoHideThreshold;
    /** Risk below which moderation approves at once (automated decision); null: never. */
    @Column(name = "auto_approve_below")
    public BigDecimal autoApproveBelow;
    @Convert(converter = Converters.Categories.class)
    @Column(name = "senior_categories")
    public Set<Category> seniorCategories;
    @Column(name = "house_rules_text")
    public String houseRulesText;
    @Column(name = "house_rules_url")
    public String houseRulesUrl;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
