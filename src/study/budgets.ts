import { budgetArchitecture } from '../budget/budget.js';
import { architectureNames, loadArchitecture } from '../nn/architectures.js';
import type { ArchitectureBudget, BudgetSection } from './results.js';
import { NETWORKS } from './results.js';

/**
 * Operation budgets of every shipped architecture (models/arch/*.json: LeNet-5, VGG-small,
 * ResNet-18/20/32/50) as CNN, AdderNet and BNN, in both conventions: the AdderNet paper's
 * (#Mul, #Add, #XNOR per tap of every conv and linear layer) and the explicit compute primitives
 * at `bits`, stem, classifier and BatchNorm multiplications included. Memory accesses are left
 * out here (they are operations of a different kind; the energy breakdown prices them).
 * Analytic and exact: src/budget counts every node from its shapes; no inference runs.
 */
export function budgetSection(bits: number): BudgetSection {
  const architectures = architectureNames().map((name): ArchitectureBudget => {
    const report = budgetArchitecture(loadArchitecture(name), { bits });
    return {
      name: report.net,
      dataset: report.dataset,
      networks: NETWORKS.map((network) => {
        const t = report.totals[network];
        return {
          network,
          paper: { mul: t.paperMul, add: t.paperAdd, xnor: t.paperXnor },
          explicit: t.ops.map((c) => ({
            op: c.op,
            bits: c.bits,
            ...(c.bitsB !== undefined && c.bitsB !== c.bits ? { bitsB: c.bitsB } : {}),
            count: c.count,
          })),
        };
      }),
    };
  });
  return { bits, architectures };
}
