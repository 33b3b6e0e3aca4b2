import { type Database, queryRows } from "@cryptotrade/db/client";
import { type SQL, sql } from "drizzle-orm";

export interface InvariantReport {
  ok: boolean;
  problems: string[];
  checked: string[];
}

type Row = Record<string, unknown>;

/**
 * Checks DESIGN §5 invariants 1-4 against the database and lists every violation:
 * 1. per asset, all balances sum to deposits − withdrawals, and each balance equals its ledger;
 * 2. nothing is negative; 3. locked = what open orders and pending withdrawals (amount + fee) hold;
 * 4. no book is crossed.
 *
 * @example
 * const report = await checkInvariants(db); // { ok: true, problems: [], checked: [...] }
 */
export async function checkInvariants(db: Database): Promise<InvariantReport> {
  const problems: string[] = [];
  const rows = (query: SQL) => queryRows<Row>(db, query);

  for (const row of await rows(sql`
    with held as (
      select asset, sum(available + locked) as total from balances group by asset
    ), outside as (
      select asset, -sum(amount) as total from ledger_entries where bucket = 'external' group by asset
    ), moved as (
      select asset, sum(case when type = 'deposit' then amount else -amount end) as total
      from transactions where status = 'completed' group by asset
    )
    select a.symbol as asset, coalesce(h.total, 0)::text as held,
      coalesce(o.total, 0)::text as ledger, coalesce(m.total, 0)::text as transfers
    from assets a left join held h on h.asset = a.symbol
      left join outside o on o.asset = a.symbol left join moved m on m.asset = a.symbol
    where coalesce(h.total, 0) <> coalesce(o.total, 0) or coalesce(h.total, 0) <> coalesce(m.total, 0)`)) {
    problems.push(
      `1: ${row.asset} balances total ${row.held}, but the ledger says ${row.ledger} and deposits − withdrawals ${row.transfers}`,
    );
  }

  for (const row of await rows(sql`
    with sums as (
      select user_id, asset,
        coalesce(sum(amount) filter (where bucket = 'available'), 0) as available,
        coalesce(sum(amount) filter (where bucket = 'locked'), 0) as locked
      from ledger_entries where user_id is not null group by user_id, asset
    )
    select coalesce(b.user_id, s.user_id) as user_id, coalesce(b.asset, s.asset) as asset
    from balances b full join sums s on s.user_id = b.user_id and s.asset = b.asset
    where coalesce(b.available, 0) <> coalesce(s.available, 0) or coalesce(b.locked, 0) <> coalesce(s.locked, 0)`)) {
    problems.push(
      `1: user ${row.user_id} ${row.asset} balance differs from the sum of its ledger entries`,
    );
  }

  for (const row of await rows(sql`
    select user_id, asset from balances where available < 0 or locked < 0`)) {
    problems.push(`2: user ${row.user_id} has a negative ${row.asset} balance`);
  }

  for (const row of await rows(sql`
    with holds as (
      select o.user_id, case when o.side = 'buy' then m.quote_asset else m.base_asset end as asset, o.held as amount
      from orders o join markets m on m.symbol = o.market
      where o.status in ('untriggered', 'open', 'partially_filled')
      union all
      select user_id, asset, amount + fee from transactions where type = 'withdrawal' and status = 'pending'
    ), expected as (select user_id, asset, sum(amount) as locked from holds group by user_id, asset)
    select coalesce(b.user_id, e.user_id) as user_id, coalesce(b.asset, e.asset) as asset,
      coalesce(b.locked, 0)::text as locked, coalesce(e.locked, 0)::text as expected
    from balances b full join expected e on e.user_id = b.user_id and e.asset = b.asset
    where coalesce(b.locked, 0) <> coalesce(e.locked, 0)`)) {
    problems.push(
      `3: user ${row.user_id} has ${row.locked} ${row.asset} locked, but open orders and withdrawals hold ${row.expected}`,
    );
  }

  for (const row of await rows(sql`
    select market, max(price) filter (where side = 'buy')::text as bid, min(price) filter (where side = 'sell')::text as ask
    from orders
    where status in ('open', 'partially_filled') and price is not null
    group by market
    having max(price) filter (where side = 'buy') >= min(price) filter (where side = 'sell')`)) {
    problems.push(`4: ${row.market} is crossed: best bid ${row.bid} >= best ask ${row.ask}`);
  }

  return {
    ok: problems.length === 0,
    problems,
    checked: [
      "1 balances = deposits − withdrawals = ledger, per asset and per account",
      "2 no negative balance",
      "3 locked = open orders + pending withdrawals",
      "4 no crossed book",
    ],
  };
}
