import { useTranslation } from "react-i18next";
import { data, useSearchParams } from "react-router";
import { ConnectionNotice } from "~/components/status/connection-notice";
import type { WalletActionResult } from "~/components/wallet/action-result";
import { DepositForm } from "~/components/wallet/deposit-form";
import { readTransactionFilter, toFilterQuery } from "~/components/wallet/transaction-filter";
import { TransactionFilters } from "~/components/wallet/transaction-filters";
import { TransactionsPager } from "~/components/wallet/transactions-pager";
import { TransactionsTable } from "~/components/wallet/transactions-table";
import { useLiveWalletBalances } from "~/components/wallet/use-live-wallet-balances";
import { toWalletErrors } from "~/components/wallet/wallet-errors.server";
import { DepositInput, WithdrawInput } from "~/components/wallet/wallet-forms";
import { WithdrawForm } from "~/components/wallet/withdraw-form";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/i18n/meta";
import { readTypedDecimal } from "~/lib/number-format";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/wallet";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("title", { ns: "wallet" })) },
];

const PAGE_SIZE = 20;
const CURSOR = /^[1-9][0-9]{0,15}$/;

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  const params = new URL(request.url).searchParams;
  const filter = readTransactionFilter(params);
  const cursorParam = params.get("cursor");
  const cursor = cursorParam && CURSOR.test(cursorParam) ? cursorParam : null;
  const [me, faucet, assets, balances, history] = await Promise.all([
    context.trpc.auth.me(),
    context.trpc.wallet.faucet(),
    context.trpc.market.assets(),
    context.trpc.portfolio.balances(),
    context.trpc.wallet.transactions({
      ...filter.input,
      ...(cursor ? { cursor } : {}),
      limit: PAGE_SIZE,
    }),
  ]);
  return {
    twoFactorEnabled: me.twoFactorEnabled,
    withdrawalsHeldUntil: me.withdrawalsHeldUntil,
    faucet,
    assets,
    balances,
    filter: filter.form,
    filtered: Object.keys(filter.input).length > 0,
    cursor,
    history,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireSignedIn(context, request);
  const formData = await request.formData();
  const intent = formData.get("intent") === "withdraw" ? "withdraw" : "deposit";
  const submission = parseForm(formData, intent === "deposit" ? DepositInput : WithdrawInput);
  if (submission.status !== "success") {
    return data({ intent, result: submission.reply() } satisfies WalletActionResult, 400);
  }
  const form = submission.value;
  const amount = readTypedDecimal(form.amount, form.decimalSeparator ?? ".");
  // Made once per deposit or withdrawal in the browser, so resubmitting cannot pay twice.
  const idempotencyKey = form.idempotencyKey || undefined;
  try {
    if (form.intent === "deposit") {
      const deposit = await context.trpc.wallet.deposit({
        asset: form.asset,
        amount,
        idempotencyKey,
      });
      return {
        intent,
        result: submission.reply({ resetForm: true }),
        completed: { kind: "deposited", amount: deposit.amount, asset: deposit.asset },
      } satisfies WalletActionResult;
    }
    const withdrawal = await context.trpc.wallet.withdraw({
      asset: form.asset,
      amount,
      address: form.address,
      idempotencyKey,
      ...(form.totpCode ? { totpCode: form.totpCode } : {}),
    });
    return {
      intent,
      result: submission.reply({ resetForm: true }),
      completed: {
        kind: "withdrawalRequested",
        amount: withdrawal.amount,
        asset: withdrawal.asset,
        fee: withdrawal.fee,
      },
    } satisfies WalletActionResult;
  } catch (error) {
    return data(toWalletErrors(context, error, intent, submission), { status: 400 });
  }
}

/** Deposits (demo faucet), withdrawals and the transaction history with filters and CSV. */
export default function Wallet({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("wallet");
  const [searchParams] = useSearchParams();
  const { balances, status } = useLiveWalletBalances(loaderData.balances);
  const filterQuery = toFilterQuery(loaderData.filter);
  const withdrawable = loaderData.assets.map((asset) => ({
    ...asset,
    available: balances.find((b) => b.asset === asset.symbol)?.available ?? "0",
  }));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <ConnectionNotice status={status} what={t("balances")} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {loaderData.faucet.open ? (
          <DepositForm assets={loaderData.assets} limits={loaderData.faucet.limits} />
        ) : (
          <section
            aria-labelledby="deposit-heading"
            className="rounded-lg border border-border p-4"
          >
            <h2 id="deposit-heading" className="text-lg font-semibold">
              {t("deposit.closedTitle")}
            </h2>
            <p className="mt-1 text-sm text-muted">{t("deposit.closed")}</p>
          </section>
        )}
        <WithdrawForm
          assets={withdrawable}
          twoFactorEnabled={loaderData.twoFactorEnabled}
          heldUntil={loaderData.withdrawalsHeldUntil}
        />
      </div>
      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            {t("history.title")}
          </h2>
          <a
            href={filterQuery ? `/wallet/export.csv?${filterQuery}` : "/wallet/export.csv"}
            download
            className="rounded-md border border-border px-3 py-1.5 text-sm font-medium"
          >
            {loaderData.filtered ? t("history.exportFiltered") : t("history.export")}
          </a>
        </div>
        <TransactionFilters
          filter={loaderData.filter}
          assets={loaderData.assets.map((asset) => asset.symbol)}
        />
        <TransactionsTable items={loaderData.history.items} filtered={loaderData.filtered} />
        <TransactionsPager
          filterQuery={filterQuery}
          cursor={searchParams.get("cursor") ? loaderData.cursor : null}
          nextCursor={loaderData.history.nextCursor}
        />
      </section>
    </div>
  );
}
