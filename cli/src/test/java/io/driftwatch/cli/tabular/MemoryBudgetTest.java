package io.driftwatch.cli.tabular;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget of the numbers {@code check} keeps, as docs/memory.md states it. */
class MemoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aThreeHundredMebibyteHeapKeeps118MebibytesOfNumbersForBothFiles() {
        assertThat(MemoryBudget.ofHeap(300 * MIB).budgetBytes()).isEqualTo(118 * MIB);
        assertThat(MemoryBudget.ofHeap(1024 * MIB).budgetBytes()).isEqualTo(480 * MIB);
        assertThat(MemoryBudget.ofHeap(32 * MIB).budgetBytes()).isZero();
    }

    @Test
    void eachFileGetsTheShareOfItsSize() {
        MemoryBudget[] budgets = new MemoryBudget(1000).splitBySize(300, 100);

        assertThat(budgets[0].budgetBytes()).isEqualTo(750);
        assertThat(budgets[1].budgetBytes()).isEqualTo(250);
        assertThat(budgets[0].tryReserve(750)).isTrue();
        assertThat(budgets[0].tryReserve(1)).isFalse();
        assertThat(budgets[1].tryReserve(250)).isTrue();
    }
}
