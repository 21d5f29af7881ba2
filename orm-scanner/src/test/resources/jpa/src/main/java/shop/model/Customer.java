package shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.List;

@Entity
@Table(name = "customers", schema = "sales")
public class Customer extends BaseEntity {
    @Column(name = "email_address", nullable = false, unique = true)
    private String email;

    @OneToMany(mappedBy = "customer")
    private List<PurchaseOrder> orders;

    private static final long serialVersionUID = 1L;
}
