package shop.model;

import jakarta.persistence.*;
import java.util.Set;

@Entity
public class PurchaseOrder extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "buyer_id")
    private Customer customer;

    @ManyToOne
    private Address shippingAddress;

    @ManyToMany
    @JoinTable(name = "order_tags",
            joinColumns = @JoinColumn(name = "order_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_code", referencedColumnName = "code"))
    private Set<Tag> tags;

    @OneToMany
    @JoinColumn(name = "order_ref")
    private Set<OrderLine> lines;

    @Transient
    private int cachedTotal;
}
