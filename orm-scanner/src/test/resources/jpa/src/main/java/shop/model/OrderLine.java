package shop.model;

import jakarta.persistence.*;

@Entity
public class OrderLine {
    @EmbeddedId
    private OrderLineId id;

    @ManyToOne
    @JoinColumns({
        @JoinColumn(name = "product_sku", referencedColumnName = "sku"),
        @JoinColumn(name = "product_version", referencedColumnName = "version")
    })
    private Product product;

    private int quantity;
}

@Embeddable
class OrderLineId {
    private Long orderId;
    private Integer lineNumber;
}
