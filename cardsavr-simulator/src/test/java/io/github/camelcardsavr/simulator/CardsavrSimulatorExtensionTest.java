package io.github.camelcardsavr.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts one simulator per class, injects it, and resets faults between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardsavrSimulatorExtensionTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private static int firstPort;

    @Test
    @Order(1)
    void injectsTheRunningSimulatorAndItsAdmin(CardsavrSimulator simulator, SimulatorAdmin admin) {
        assertThat(simulator).isSameAs(SIM.getSimulator());
        assertThat(simulator.isRunning()).isTrue();
        assertThat(admin).isSameAs(simulator.admin());
        assertThat(simulator.getStepDelay()).isEqualTo(CardsavrSimulatorExtension.TEST_STEP_DELAY);
        firstPort = simulator.getPort();
        admin.faults().errorRate(1.0, 503);
    }

    @Test
    @Order(2)
    void keepsTheSimulatorButResetsFaults() {
        assertThat(SIM.getSimulator().getPort()).isEqualTo(firstPort);
        long jobId = SIM.admin().createJob(SimulatorSites.MANUAL, null).jobId();
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator());

        assertThat(client.signedLogin("agent", "agent-password").status()).isEqualTo(200);
        assertThat(client.get(ApiPaths.credentialRequests(jobId)).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aPerTestExtensionStartsAndStopsItsOwnSimulator() throws Exception {
        CardsavrSimulatorExtension perTest = CardsavrSimulatorExtension.configure(b -> b.signed(false));
        perTest.beforeEach(null);
        CardsavrSimulator started = perTest.getSimulator();
        assertThat(started.isSigned()).isFalse();

        perTest.afterEach(null);

        assertThat(started.isRunning()).isFalse();
    }
}
