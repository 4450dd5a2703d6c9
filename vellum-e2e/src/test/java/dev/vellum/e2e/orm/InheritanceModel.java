package dev.vellum.e2e.orm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** The entities of {@link InheritanceIT}: a single-table hierarchy and composite keys, tables prefixed {@code inh_}. */
final class InheritanceModel {
    static final Class<?>[] ALL = {Garage.class, Vehicle.class, Car.class, Truck.class, Pickup.class,
        OrderLine.class, Sku.class, Shipment.class};

    private InheritanceModel() {
    }

    @Entity
    @Table(name = "inh_garage")
    static class Garage {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String name;
        @OneToMany(mappedBy = "garage")
        List<Vehicle> vehicles = new ArrayList<>();

        Garage() {
        }

        Garage(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "inh_vehicle")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "kind", length = 10)
    @DiscriminatorValue("V")
    static class Vehicle {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String maker;
        @ManyToOne
        Garage garage;

        Vehicle() {
        }

        Vehicle(String maker) {
            this.maker = maker;
        }
    }

    @Entity
    @DiscriminatorValue("CAR")
    static class Car extends Vehicle {
        Integer doors;

        Car() {
        }

        Car(String maker, int doors) {
            super(maker);
            this.doors = doors;
        }
    }

    @Entity
    @DiscriminatorValue("TRUCK")
    static class Truck extends Vehicle {
        BigDecimal payload;

        Truck() {
        }

        Truck(String maker, String payload) {
            super(maker);
            this.payload = new BigDecimal(payload);
        }
    }

    @Entity
    @DiscriminatorValue("PICKUP")
    static class Pickup extends Truck {
        Boolean covered;

        Pickup() {
        }

        Pickup(String maker, String payload, boolean covered) {
            super(maker, payload);
            this.covered = covered;
        }
    }

    /** The {@code @IdClass} of {@link OrderLine}. */
    static class LineKey {
        Long orderNo;
        Integer lineNo;

        LineKey() {
        }

        LineKey(long orderNo, int lineNo) {
            this.orderNo = orderNo;
            this.lineNo = lineNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LineKey k && Objects.equals(k.orderNo, orderNo) && Objects.equals(k.lineNo, lineNo);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderNo, lineNo);
        }
    }

    @Entity
    @Table(name = "inh_order_line")
    @IdClass(LineKey.class)
    static class OrderLine {
        @Id
        Long orderNo;
        @Id
        Integer lineNo;
        String product;
        Integer qty;
        @OneToMany(mappedBy = "line")
        List<Shipment> shipments = new ArrayList<>();

        OrderLine() {
        }

        OrderLine(long orderNo, int lineNo, String product, int qty) {
            this.orderNo = orderNo;
            this.lineNo = lineNo;
            this.product = product;
            this.qty = qty;
        }
    }

    @Embeddable
    static class SkuKey {
        String vendor;
        String code;

        SkuKey() {
        }

        SkuKey(String vendor, String code) {
            this.vendor = vendor;
            this.code = code;
        }
    }

    @Entity
    @Table(name = "inh_sku")
    static class Sku {
        @EmbeddedId
        SkuKey key;
        String name;

        Sku() {
        }

        Sku(String vendor, String code, String name) {
            this.key = new SkuKey(vendor, code);
            this.name = name;
        }
    }

    /** Many-to-one to both kinds of composite key. */
    @Entity
    @Table(name = "inh_shipment")
    static class Shipment {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String carrier;
        @ManyToOne
        @JoinColumns({@JoinColumn(name = "line_order"), @JoinColumn(name = "line_no")})
        OrderLine line;
        @ManyToOne
        Sku sku;

        Shipment() {
        }

        Shipment(String carrier, OrderLine line, Sku sku) {
            this.carrier = carrier;
            this.line = line;
            this.sku = sku;
        }
    }
}
