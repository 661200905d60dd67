/**
 * The tab's start page for the caller: the portfolio of the insatser they may see (access.ts —
 * the kansli, the board and the beredningsgrupp all, others the ones they have a role in or lead):
 * counts per stage, money granted and invoiced per year, and the invoices due soon or overdue.
 *
 * Three list reads, each once (Insatser, Budgetposter, Rekvisitioner), whatever the number of
 * insatser; the sums are the domain's (portfolio-overview.ts).
 */
import { todayIn } from '../../domain/calendar/today.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { type PortfolioOverview, portfolioOverview } from '../../domain/portfolio/portfolio-overview.ts';
import { maySee } from './access.ts';
import type { RegisterDeps } from './register-deps.ts';

export async function readOverview(deps: RegisterDeps, actor: Actor): Promise<PortfolioOverview> {
  const [interventions, budgetLines, requisitions] = await Promise.all([
    deps.repos.interventions.list(),
    deps.repos.budgetLines.list(),
    deps.repos.requisitions.list(),
  ]);
  return portfolioOverview({
    interventions: interventions.filter((intervention) => maySee(actor, intervention)),
    budgetLines,
    requisitions,
    today: todayIn(deps.clock, deps.timeZone),
  });
}
