package dev.vellum.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vellum.error.DatabaseException;
import dev.vellum.error.IntegrityException;
import dev.vellum.error.InterfaceException;
import dev.vellum.error.OperationalException;

class EngineOptionsTest {
    @Test
    void defaultsAreSqlAlchemys() {
        var o = EngineOptions.defaults();
        assertThat(o.poolSize()).isEqualTo(5);
        assertThat(o.maxOverflow()).isEqualTo(10);
        assertThat(o.poolTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.prePing()).isFalse();
        assertThat(o.recycle()).isNull();
        assertThat(o.echo()).isFalse();
    }

    @Test
    void eachOptionMethodReturnsACopy() {
        var base = EngineOptions.defaults();
        var changed = base.poolSize(10).maxOverflow(20).prePing(true).recycle(Duration.ofHours(1)).echo(true)
                .connectArgs(Map.of("connectTimeout", "5"));
        assertThat(base.poolSize()).isEqualTo(5);
        assertThat(changed.poolSize()).isEqualTo(10);
        assertThat(changed.maxOverflow()).isEqualTo(20);
        assertThat(changed.prePing()).isTrue();
        assertThat(changed.recycle()).isEqualTo(Duration.ofHours(1));
        assertThat(changed.connectArgs()).containsEntry("connectTimeout", "5");
    }

    @Test
    void valuesThePoolWouldSilentlyChangeAreRefused() {
        var o = EngineOptions.defaults();
        assertThatThrownBy(() -> o.poolTimeout(Duration.ofMillis(100))).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("at least 250 ms");
        assertThatThrownBy(() -> o.leakDetectionThreshold(Duration.ofSeconds(1)))
                .isInstanceOf(InterfaceException.class).hasMessageContaining("at least 2 s");
        assertThatThrownBy(() -> o.maxOverflow(-1)).isInstanceOf(InterfaceException.class)
                .hasMessageContaining("unlimited");
        assertThatThrownBy(() -> o.poolSize(0)).isInstanceOf(InterfaceException.class);
        assertThatThrownBy(() -> o.recycle(Duration.ZERO)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void sqliteRefusesIsolationLevelsItDoesNotHave() {
        assertThatThrownBy(() -> Vellum.createEngine("sqlite://",
                EngineOptions.defaults().isolationLevel(IsolationLevel.READ_COMMITTED)))
                .isInstanceOf(InterfaceException.class).hasMessageContaining("SERIALIZABLE and AUTOCOMMIT");
    }

    @Test
    void retryBacksOffExponentiallyUpToTheMaximum() {
        var retry = Retry.onTransient(5).backoff(Duration.ofMillis(50), Duration.ofMillis(300));
        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.backoffAfter(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(retry.backoffAfter(4)).isEqualTo(Duration.ofMillis(300));
        assertThat(retry.backoffAfter(60)).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> Retry.onTransient(0)).isInstanceOf(InterfaceException.class);
    }

    @Test
    void onlyTransientFailuresBeforeTheCommitAreRetried() {
        var retry = Retry.onTransient(3);
        var deadlock = new OperationalException("deadlock", new DatabaseException.Detail("UPDATE t", "40P01", 0, true),
                null);
        var unique = new IntegrityException("dup", new DatabaseException.Detail("INSERT", "23505", 0, false), null);
        var lostAtCommit = new OperationalException("lost", new DatabaseException.Detail("COMMIT", "08006", 0, true),
                null);
        assertThat(retry.isRetryable(deadlock)).isTrue();
        assertThat(retry.isRetryable(unique)).isFalse();
        assertThat(retry.isRetryable(lostAtCommit)).as("the commit may have happened").isFalse();
        assertThat(retry.isRetryable(new IllegalStateException())).isFalse();
    }
}
