package dev.vellum.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vellum.error.InterfaceException;

class UrlTest {
    @Test
    void sqliteRelativeAbsoluteAndMemory() {
        assertThat(Url.parse("sqlite:///relative.db").database()).isEqualTo("relative.db");
        assertThat(Url.parse("sqlite:////abs/path.db").database()).isEqualTo("/abs/path.db");
        assertThat(Url.parse("sqlite://").isMemory()).isTrue();
        assertThat(Url.parse("sqlite:///:memory:").isMemory()).isTrue();
        assertThat(Url.parse("sqlite:///relative.db").isMemory()).isFalse();
        assertThat(Url.parse("sqlite:///app.db?journal_mode=DELETE").query()).containsEntry("journal_mode", "DELETE");
    }

    @Test
    void serverUrlParts() {
        var url = Url.parse("postgresql://scott:tiger@db.example.com:6543/shop?sslmode=require&connectTimeout=5");
        assertThat(url.backend()).isEqualTo(Backend.POSTGRESQL);
        assertThat(url.username()).isEqualTo("scott");
        assertThat(url.password()).isEqualTo("tiger");
        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("shop");
        assertThat(url.query()).isEqualTo(Map.of("sslmode", "require", "connectTimeout", "5"));
        assertThat(url.address()).isEqualTo("db.example.com:6543");
    }

    @Test
    void defaultsAndDriverSuffix() {
        var url = Url.parse("postgresql+psycopg://localhost/db");
        assertThat(url.driver()).isEqualTo("psycopg");
        assertThat(url.port()).isNull();
        assertThat(url.address()).isEqualTo("localhost:5432");
        assertThat(Url.parse("mysql://root@127.0.0.1/test").backend()).isEqualTo(Backend.MARIADB);
        assertThat(Url.parse("mariadb://root@127.0.0.1/test").address()).isEqualTo("127.0.0.1:3306");
        assertThat(Url.parse("postgresql://u@[::1]:5432/db").host()).isEqualTo("::1");
    }

    @Test
    void percentEncodedPasswordIsDecodedAndMasked() {
        var url = Url.parse("postgresql://app:p%40ss%3Aw%2Frd%20x@host/db");
        assertThat(url.password()).isEqualTo("p@ss:w/rd x");
        assertThat(url.toString()).isEqualTo("postgresql://app:***@host/db").doesNotContain("p@ss");
        assertThat(Url.parse(url.render(false))).isEqualTo(url);
    }

    @Test
    void passwordOptionIsMaskedToo() {
        var url = Url.parse("mariadb://host/db?user=app&password=s3cret");
        assertThat(url.toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(url.query()).containsEntry("password", "s3cret");
    }

    @Test
    void unknownSchemeNamesItAndTheSupportedOnes() {
        assertThatThrownBy(() -> Url.parse("oracle://scott:tiger@host/db"))
                .isInstanceOf(InterfaceException.class)
                .hasMessageContaining("unknown database 'oracle'")
                .hasMessageContaining("sqlite, postgresql, mariadb and mysql")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void malformedUrlsGiveClearMessages() {
        assertThatThrownBy(() -> Url.parse("just-a-file.db")).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("not a database URL");
        assertThatThrownBy(() -> Url.parse("")).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Url.parse(null)).isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> Url.parse("postgresql://u:secret@host:notaport/db"))
                .isInstanceOf(InterfaceException.class).hasMessageContaining("bad port 'notaport'")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Url.parse("postgresql://host:70000/db")).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> Url.parse("sqlite://host/file.db")).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("sqlite:///relative.db");
        assertThatThrownBy(() -> Url.parse("postgresql://host/db?novalue")).hasMessageContaining("bad option");
    }

    @Test
    void withersCopy() {
        var url = Url.parse("postgresql://u@h/db");
        assertThat(url.withDatabase("other").database()).isEqualTo("other");
        assertThat(url.withOption("currentSchema", "s").query()).containsEntry("currentSchema", "s");
        assertThat(url.query()).isEmpty();
    }
}
