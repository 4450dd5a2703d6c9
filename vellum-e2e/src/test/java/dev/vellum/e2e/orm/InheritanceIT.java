package dev.vellum.e2e.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import dev.vellum.e2e.orm.InheritanceModel.Car;
import dev.vellum.e2e.orm.InheritanceModel.Garage;
import dev.vellum.e2e.orm.InheritanceModel.LineKey;
import dev.vellum.e2e.orm.InheritanceModel.OrderLine;
import dev.vellum.e2e.orm.InheritanceModel.Pickup;
import dev.vellum.e2e.orm.InheritanceModel.Shipment;
import dev.vellum.e2e.orm.InheritanceModel.Sku;
import dev.vellum.e2e.orm.InheritanceModel.SkuKey;
import dev.vellum.e2e.orm.InheritanceModel.Truck;
import dev.vellum.e2e.orm.InheritanceModel.Vehicle;
import dev.vellum.engine.Engine;
import dev.vellum.engine.Row;
import dev.vellum.error.InterfaceException;
import dev.vellum.orm.Metamodel;
import dev.vellum.orm.Orm;
import dev.vellum.orm.Session;
import dev.vellum.sql.Column;
import dev.vellum.testkit.DatabaseTest;
import dev.vellum.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** Single-table inheritance, and composite keys (@IdClass, @EmbeddedId, and many-to-one to them). */
class InheritanceIT {
    private static final Column<Long> VEHICLE_ID = Metamodel.column(Vehicle.class, "id", Long.class);
    private static final Column<Integer> DOORS = Metamodel.column(Car.class, "doors", Integer.class);

    private Engine engine;
    private Orm orm;

    private Orm orm(TestDatabase db) {
        engine = db.createEngine();
        orm = Orm.create(engine, InheritanceModel.ALL);
        orm.dropAll();
        orm.createAll();
        return orm;
    }

    @AfterEach
    void drop() {
        if (orm != null) {
            orm.dropAll();
        }
    }

    private List<List<Object>> rows(String sql) {
        try (var conn = engine.connect(); var result = conn.execute(sql)) {
            return result.all().stream().map(Row::values).map(v -> v.stream().map(InheritanceIT::plain).toList())
                    .toList();
        }
    }

    /** Integers as longs, decimals as plain strings, booleans as booleans, whatever the driver returns. */
    private static Object plain(Object value) {
        return switch (value) {
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Boolean b -> b;
            case Number n -> n.longValue();
            case null, default -> value;
        };
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @DatabaseTest
    void singleTableHierarchy(TestDatabase db) {
        Orm orm = orm(db);
        long carId;
        long truckId;
        long garageId;
        try (Session sess = orm.session()) {
            var garage = new Garage("north");
            var plain = new Vehicle("Generic");
            var car = new Car("Fiat", 3);
            var truck = new Truck("Volvo", "12000.5");
            var pickup = new Pickup("Ford", "750.25", true);
            plain.garage = garage;
            car.garage = garage;
            pickup.garage = garage;
            sess.add(garage);
            sess.addAll(List.of(plain, car, truck, pickup));
            sess.commit();
            carId = car.id;
            truckId = truck.id;
            garageId = garage.id;
        }
        assertThat(rows("SELECT kind, maker, doors, payload FROM inh_vehicle ORDER BY id")).containsExactly(
                row("V", "Generic", null, null), row("CAR", "Fiat", 3L, null), row("TRUCK", "Volvo", null, "12000.5"),
                row("PICKUP", "Ford", null, "750.25"));
        try (Session sess = orm.session()) {
            List<Vehicle> all = sess.select(Vehicle.class).orderBy(VEHICLE_ID).all();
            assertThat(all).extracting(Object::getClass).containsExactly(Vehicle.class, Car.class, Truck.class,
                    Pickup.class);
            Car car = (Car) all.get(1);
            Truck truck = (Truck) all.get(2);
            Pickup pickup = (Pickup) all.get(3);
            assertThat(car.doors).isEqualTo(3);
            assertThat(truck.payload).isEqualByComparingTo("12000.5");
            assertThat(pickup.payload).isEqualByComparingTo("750.25");
            assertThat(pickup.covered).isTrue();
            assertThat(pickup.maker).isEqualTo("Ford");

            assertThat(sess.select(Truck.class).orderBy(VEHICLE_ID).all()).containsExactly(truck, pickup);
            assertThat(sess.select(Car.class).all()).containsExactly(car);
            assertThat(sess.select(Car.class).where(DOORS.eq(3)).one()).isSameAs(car);
            assertThat(sess.select(Truck.class).count()).isEqualTo(2);
            assertThat(sess.select(Pickup.class).count()).isEqualTo(1);
            assertThat(sess.select(Vehicle.class).count()).isEqualTo(4);
            assertThat(sess.get(Vehicle.class, carId)).isSameAs(car);
            assertThat(sess.get(Car.class, truckId)).isNull();
            assertThat(sess.get(Truck.class, truckId)).isSameAs(truck);
            assertThat(sess.get(Garage.class, garageId).vehicles).containsExactly(all.get(0), car, pickup);

            car.doors = 5;
            pickup.covered = false;
            pickup.payload = new BigDecimal("800.75");
            sess.delete(truck);
            sess.commit();
        }
        assertThat(rows("SELECT kind, doors, payload FROM inh_vehicle ORDER BY id")).containsExactly(
                row("V", null, null), row("CAR", 5L, null), row("PICKUP", null, "800.75"));
        try (Session sess = orm.session()) {
            Pickup pickup = sess.select(Pickup.class).one();
            assertThat(pickup.covered).isFalse();
            assertThat(sess.select(Car.class).where(DOORS.eq(5)).one().id).isEqualTo(carId);
        }
    }

    @DatabaseTest
    void idClassKeys(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            sess.add(new OrderLine(1, 1, "pen", 2));
            sess.add(new OrderLine(1, 2, "ink", 1));
            sess.add(new OrderLine(2, 1, "pen", 5));
            sess.commit();
        }
        try (Session sess = orm.session()) {
            OrderLine ink = sess.get(OrderLine.class, new LineKey(1, 2));
            assertThat(ink.product).isEqualTo("ink");
            assertThat(sess.get(OrderLine.class, List.of(1L, 2))).isSameAs(ink);
            assertThat(sess.get(OrderLine.class, new LineKey(2, 2))).isNull();
            assertThatThrownBy(() -> sess.get(OrderLine.class, List.of(1L, 2L))).isInstanceOf(InterfaceException.class)
                    .hasMessageContaining("part 1 of the id of OrderLine is a Integer");
            ink.qty = 10;
            sess.delete(sess.get(OrderLine.class, new LineKey(1, 1)));
            sess.commit();
        }
        assertThat(rows("SELECT order_no, line_no, product, qty FROM inh_order_line ORDER BY order_no, line_no"))
                .containsExactly(row(1L, 2L, "ink", 10L), row(2L, 1L, "pen", 5L));
    }

    @DatabaseTest
    void embeddedIdKeys(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            sess.add(new Sku("acme", "X1", "widget"));
            sess.add(new Sku("acme", "X2", "gadget"));
            sess.add(new Sku("zeta", "X1", "gizmo"));
            sess.commit();
        }
        try (Session sess = orm.session()) {
            Sku widget = sess.get(Sku.class, new SkuKey("acme", "X1"));
            assertThat(widget.name).isEqualTo("widget");
            assertThat(widget.key.vendor).isEqualTo("acme");
            assertThat(sess.get(Sku.class, new SkuKey("zeta", "X1")).name).isEqualTo("gizmo");
            assertThat(sess.get(Sku.class, new SkuKey("zeta", "X2"))).isNull();
            widget.name = "better widget";
            sess.delete(sess.get(Sku.class, new SkuKey("acme", "X2")));
            sess.commit();
        }
        assertThat(rows("SELECT vendor, code, name FROM inh_sku ORDER BY vendor, code"))
                .containsExactly(row("acme", "X1", "better widget"), row("zeta", "X1", "gizmo"));
    }

    @DatabaseTest
    void manyToOneToCompositeKeys(TestDatabase db) {
        Orm orm = orm(db);
        try (Session sess = orm.session()) {
            var pen = new OrderLine(7, 1, "pen", 2);
            var ink = new OrderLine(7, 2, "ink", 1);
            var widget = new Sku("acme", "X1", "widget");
            sess.addAll(List.of(pen, ink, widget));
            sess.add(new Shipment("ups", pen, widget));
            sess.add(new Shipment("dhl", pen, null));
            sess.add(new Shipment("fedex", ink, widget));
            sess.commit();
        }
        assertThat(rows("SELECT carrier, line_order, line_no, sku_vendor, sku_code FROM inh_shipment ORDER BY id"))
                .containsExactly(row("ups", 7L, 1L, "acme", "X1"), row("dhl", 7L, 1L, null, null),
                        row("fedex", 7L, 2L, "acme", "X1"));
        try (Session sess = orm.session()) {
            List<Shipment> shipments = sess.select(Shipment.class)
                    .orderBy(Metamodel.column(Shipment.class, "id", Long.class)).all();
            OrderLine pen = sess.get(OrderLine.class, new LineKey(7, 1));
            assertThat(shipments.get(0).line).isSameAs(pen);
            assertThat(shipments.get(0).sku.name).isEqualTo("widget");
            assertThat(shipments.get(1).sku).isNull();
            assertThat(shipments.get(2).line.product).isEqualTo("ink");
            assertThat(shipments.get(2).sku).isSameAs(shipments.get(0).sku);
            assertThat(pen.shipments).extracting(s -> s.carrier).containsExactly("ups", "dhl");
            assertThat(sess.select(Shipment.class).where(Metamodel.relationship(Shipment.class, "line",
                    OrderLine.class).is(pen)).count()).isEqualTo(2);

            shipments.get(1).line = shipments.get(2).line;
            sess.commit();
        }
        assertThat(rows("SELECT carrier, line_no FROM inh_shipment ORDER BY id"))
                .containsExactly(row("ups", 1L), row("dhl", 2L), row("fedex", 2L));
    }
}
