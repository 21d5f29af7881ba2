package shop.model;

import jakarta.persistence.*;

@Entity(name = "Label")
@Table(name = Tables.TAG)
public class Tag {
    @Id
    private String code;
}

@Entity
class Coupon {
    @Id
    private Long id;

    @ManyToOne
    private Customer owner;

    @ManyToOne
    private Voucher voucher;
}
